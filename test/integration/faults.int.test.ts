import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { Database } from '../../server/db/database.js';
import { inRequest } from '../../server/db/request-context.js';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { type Fault, FaultProxy } from '../support/fault-proxy.js';
import { startScratchNeo4j } from '../support/scratch.js';

// GovGraph over HTTP, talking to a seeded Neo4j of its own through a proxy that refuses, resets,
// black-holes or delays the connections on command.
let scratch: Awaited<ReturnType<typeof startScratchNeo4j>>;
let proxy: FaultProxy;
let db: Database;
let url: string;
let close: () => Promise<void>;
let token: string;
let entityId: string;

const SEARCH = '{ search(query: "Hüskens", first: 3) { totalCount edges { node { id name } } } }';
const NEIGHBOURHOOD = '{ neighborhood(ids: ["org:mid-sachsen-anhalt"], depth: 1) { nodes { id name } } }';
const NODE = '{ node(id: "person:lydia-hueskens") { id ... on Person { name } } }';
const UPDATE = `mutation($id: ID!, $version: Int!, $d: String) {
  updateEntity(id: $id, version: $version, patch: { description: $d }) { id version } }`;
const STATE = `query($id: ID!) { node(id: $id) { ... on Person { version description } } history(id: $id) { action } }`;

interface Answer {
  readonly status: number;
  readonly ms: number;
  readonly retryAfter: string | null;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

async function ask(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return {
    status: response.status,
    ms: performance.now() - started,
    retryAfter: response.headers.get('retry-after'),
    body,
  };
}

/** The status of one of the instance's checks (`healthz`, `readyz`), with its first line. */
async function check(name: 'healthz' | 'readyz'): Promise<string> {
  const response = await fetch(`${url}${name}`);
  return `${response.status} ${(await response.text()).split('\n')[0]}`;
}

/** Milliseconds until `ok` first holds, trying every 200 ms; Infinity after `within`. */
async function timeUntil(ok: () => Promise<boolean>, within: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < within) {
    if (await ok().catch(() => false)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Number.POSITIVE_INFINITY;
}

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  await loadSeed(scratch.db);
  const accounts = new Accounts(scratch.db);
  const email = `faults-${Date.now()}@govgraph.test`;
  await accounts.createUser({ email, password: 'correct horse battery staple', role: 'editor' }, 'test');
  token = (await accounts.createApiToken(email, 'faults', 'test')).token;
  proxy = await FaultProxy.start(scratch.uri);
  db = new Database({ uri: proxy.uri, ...scratch.auth });
  const server = createApp({ yoga: createGovGraphYoga(db), ready: () => db.reachable() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const created = await ask(
    'mutation { createEntity(input: { kind: PERSON, name: "Fehler Testperson" }) { id } }',
    {},
    token,
  );
  entityId = (created.body.data as { createEntity: { id: string } }).createEntity.id;
});

afterAll(async () => {
  await close?.();
  await db?.close();
  await proxy?.close();
  await scratch?.stop();
});

const FAULTS: Array<[string, Fault]> = [
  ['refuses connections', 'refuse'],
  ['resets every connection', 'reset'],
  ['hangs (nothing comes back)', 'blackhole'],
  ['answers 6 s late', { delayMs: 6000 }],
];

describe('when Neo4j fails', () => {
  it.each(FAULTS)(
    'and %s, every request answers 503 SERVICE_UNAVAILABLE within 5 s, and all serve again within 10 s of its return',
    async (name, fault) => {
      const before = await ask(SEARCH);
      expect(before.status).toBe(200);
      const { version } = ((await ask(STATE, { id: entityId })).body.data as { node: { version: number } }).node;

      await proxy.set(fault);
      // Put right even when an expectation fails, so the next case starts from a serving Neo4j.
      onTestFinished(() => proxy.set('none'));
      const answers = await Promise.all([
        ask(SEARCH),
        ask(NEIGHBOURHOOD),
        ask(NODE),
        ask(UPDATE, { id: entityId, version, d: `während ${String(fault)}` }, token),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.retryAfter).toBe('5');
        expect(answer.body.errors?.map((e) => e.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
        expect(JSON.stringify(answer.body)).not.toMatch(/Neo4jError|bolt:|at .*\.ts:\d+/);
        expect(answer.ms).toBeLessThan(5000);
      }
      // The process serves and says so; it is not ready while Neo4j does not answer.
      expect(await check('healthz')).toBe('200 ok');
      expect(await check('readyz')).toBe('503 not ready: Neo4j does not answer');

      await proxy.set('none');
      const recovered = await timeUntil(async () => (await ask(SEARCH)).status === 200, 15_000);
      expect(recovered).toBeLessThan(10_000);
      const slowest = Math.max(...answers.map((a) => a.ms));
      console.log(
        `[faults] ${name}: slowest answer ${Math.round(slowest)} ms, serving again after ${Math.round(recovered)} ms`,
      );
      expect(await check('readyz')).toBe('200 ready');

      // The edit sent during the fault was applied whole or not at all: its version and its history agree.
      const after = (await ask(STATE, { id: entityId })).body.data as {
        node: { version: number };
        history: Array<{ action: string }>;
      };
      expect(after.history.length).toBe(after.node.version);
      expect([version, version + 1]).toContain(after.node.version);
    },
  );
});

describe('when Neo4j is slow but alive', () => {
  it("a query that outlasts the request's patience still gets its answer", async () => {
    await proxy.set('none');
    const started = performance.now();
    const [row] = await inRequest({ deadline: Date.now() + 50 }, () =>
      db.read({ name: 'slow', text: 'UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n' }),
    );
    expect(row?.n).toBe(428571);
    // It took longer than the request's patience, so the liveness check was asked, and Neo4j answered it.
    expect(performance.now() - started).toBeGreaterThan(50);
  });
});
