import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import type { Settings } from '../../server/schema/context.js';
import { testDatabase } from '../support/api.js';

const db = testDatabase();
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await db.close();
});

/** The app over HTTP, as `npm start` serves it, with these API settings. */
async function serve(settings: Partial<Settings> = {}): Promise<string> {
  const yoga = createGovGraphYoga(db, { publicRead: true, fourEyes: false, ...settings });
  const server = createApp({ yoga });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const post = (url: string, query: string) =>
  fetch(`${url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
  }));

describe('headers', () => {
  it('gives the explorer a content-security policy and every response the usual protections', async () => {
    const url = await serve();
    const page = await fetch(url);
    const policy = page.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('upgrade-insecure-requests');
    const api = await fetch(`${url}graphql?query=${encodeURIComponent('{ __typename }')}`);
    for (const response of [page, api]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('GraphiQL and introspection', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';
  const openInBrowser = (url: string) => fetch(`${url}graphql`, { headers: { accept: 'text/html' } });

  it('are on unless switched off', async () => {
    const url = await serve();
    expect(await (await openInBrowser(url)).text()).toContain('GraphiQL');
    const { body } = await post(url, SCHEMA);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('can be switched off for production, while the API answers as before', async () => {
    const url = await serve({ graphiql: false, introspection: false });
    expect(await (await openInBrowser(url)).text()).not.toContain('GraphiQL');
    const refused = await post(url, SCHEMA);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typeQuery = await post(url, '{ __type(name: "Person") { name } }');
    expect(typeQuery.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const search = await post(url, '{ search(query: "Hüskens", first: 1) { edges { node { name } } } }');
    expect(search.body).toEqual({ data: { search: { edges: [{ node: { name: 'Lydia Hüskens' } }] } } });
  });
});
