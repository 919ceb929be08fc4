import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { testDatabase } from '../support/api.js';
import { launchChromium } from '../support/browser.js';

// An editor is logged in to GovGraph on one port; a page of the same host on another port (the same site, so
// SameSite=Strict does not stop the browser from sending the cookie) tries to act with that cookie.

const run = Date.now();
const EDITOR = `cors-${run}@govgraph.test`;
const PASSWORD = 'correct horse battery staple';
const PLANTED = `Eingeschleust ${run}`;

const db = testDatabase();
let govgraph: Server;
let other: Server;
let govgraphUrl: string;
let otherUrl: string;
let browser: Browser;
let page: Page;

const html = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><title>page</title></head><body>${body}</body></html>`);
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What a fetch from the current page got: the body, or the browser's refusal. */
async function fetchFromPage(
  target: string,
  body: { query: string; variables?: Record<string, unknown> },
  credentials: 'include' | 'omit',
): Promise<{ refused: true } | { refused: false; status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ target, body, credentials }) => {
      try {
        const response = await fetch(target, {
          method: 'POST',
          credentials,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { refused: false as const, status: response.status, json: await response.json() };
      } catch {
        return { refused: true as const };
      }
    },
    { target, body, credentials },
  );
}

async function planted(): Promise<number> {
  const [row] = await db.read(
    { name: 'test-cors-planted', text: 'MATCH (e:Entity {name: $name}) RETURN count(e) AS n' },
    { name: PLANTED },
  );
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  await new Accounts(db).createUser({ email: EDITOR, password: PASSWORD, role: 'editor' }, 'test');
  const yoga = createGovGraphYoga(db);
  govgraph = createApp({ yoga, web: (_req: IncomingMessage, res: ServerResponse) => html(res, 'GovGraph') });
  govgraphUrl = await listen(govgraph);
  other = createServer((_req, res) => html(res, 'another page'));
  otherUrl = await listen(other);
  browser = await launchChromium();
  page = await browser.newPage();
  // The editor logs in on GovGraph's own origin: the browser keeps the HTTP-only session cookie.
  await page.goto(`${govgraphUrl}/`);
  const login = await fetchFromPage(
    `${govgraphUrl}/graphql`,
    {
      query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { role } }',
      variables: { email: EDITOR, password: PASSWORD },
    },
    'include',
  );
  expect(login).toMatchObject({ refused: false, json: { data: { login: { role: 'EDITOR' } } } });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (govgraph ? govgraph.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
  await db.write(
    {
      name: 'test-cors-cleanup',
      text: `MATCH (u:User {email: $email}) OPTIONAL MATCH (s:Session)-[:OF]->(u) DETACH DELETE s, u`,
    },
    { email: EDITOR },
  );
  await db.write(
    { name: 'test-cors-cleanup-entity', text: 'MATCH (e:Entity {name: $name}) DETACH DELETE e' },
    { name: PLANTED },
  );
  await db.close();
});

describe('a page of another origin', () => {
  it('acts as the editor on GovGraph’s own origin (the cookie works there)', async () => {
    await page.goto(`${govgraphUrl}/`);
    const me = await fetchFromPage(`${govgraphUrl}/graphql`, { query: '{ me { email } }' }, 'include');
    expect(me).toMatchObject({ refused: false, json: { data: { me: { email: EDITOR } } } });
  });

  it('cannot create an entity with the editor’s cookie', async () => {
    await page.goto(`${otherUrl}/`);
    const answer = await fetchFromPage(
      `${govgraphUrl}/graphql`,
      {
        query:
          'mutation ($name: String!) { createEntity(input: { kind: INITIATIVE, name: $name, initiativeType: TOPIC }) { id } }',
        variables: { name: PLANTED },
      },
      'include',
    );
    expect(answer).toEqual({ refused: true });
    expect(await planted()).toBe(0);
  });

  it('cannot read who changed what with the editor’s cookie', async () => {
    await page.goto(`${otherUrl}/`);
    const answer = await fetchFromPage(
      `${govgraphUrl}/graphql`,
      { query: '{ me { email } pendingIntakes { id } }' },
      'include',
    );
    expect(answer).toEqual({ refused: true });
  });

  it('may read the public graph without the cookie, as an anonymous visitor', async () => {
    await page.goto(`${otherUrl}/`);
    const answer = await fetchFromPage(
      `${govgraphUrl}/graphql`,
      { query: '{ me { email } search(query: "Hüskens", first: 1) { totalCount } }' },
      'omit',
    );
    expect(answer.refused).toBe(false);
    if (answer.refused) return;
    const data = answer.json.data as { me: unknown; search: { totalCount: number } };
    expect(data.me).toBeNull();
    expect(data.search.totalCount).toBeGreaterThan(0);
    // What is for editors stays theirs: the intakes are refused to the anonymous reader.
    const editorsOnly = await fetchFromPage(`${govgraphUrl}/graphql`, { query: '{ pendingIntakes { id } }' }, 'omit');
    expect(JSON.stringify(editorsOnly)).toContain('UNAUTHENTICATED');
  });

  it('is never told to send credentials, and its requests that carry the cookie act as nobody', async () => {
    const preflight = await fetch(`${govgraphUrl}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: otherUrl,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    // A request the browser would not send, sent anyway with the cookie and the other page's Origin.
    const cookie = (await page.context().cookies(govgraphUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(cookie).toContain('govgraph_session=');
    const forged = await fetch(`${govgraphUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: otherUrl, cookie },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await forged.json()) as { data: { me: unknown } }).data.me).toBeNull();
    const own = await fetch(`${govgraphUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: govgraphUrl, cookie },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await own.json()) as { data: { me: { email: string } } }).data.me.email).toBe(EDITOR);
  });
});
