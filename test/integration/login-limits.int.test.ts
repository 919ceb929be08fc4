import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_LIMIT, LOGIN_LIMIT, type LoginLimits, openLoginLimits } from '../../server/auth/login-guard.js';
import { DEFAULT_SETTINGS } from '../../server/context.js';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/yoga.js';
import { codeOf, type EditorsWorld, PASSWORD, type Reply, startEditorsWorld } from '../support/editors.js';
import { type RedisServer, startRedis } from '../support/redis.js';

// Failed logins counted per client address, over real sockets (in-process calls have no address), against
// a Neo4j of their own; and shared through a real redis-server by two servers using it.

let world: EditorsWorld;
const servers: Server[] = [];

beforeAll(async () => {
  world = await startEditorsWorld();
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await world?.stop();
});

/** An HTTP server for the yoga on loopback; returns its /graphql URL. */
async function serve(yoga: GovGraphYoga): Promise<string> {
  const server = createApp({ yoga });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function login(url: string, email: string, password: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }',
      variables: { e: email, p: password },
    }),
  });
  return { body: (await response.json()) as Reply<{ login: { email: string } }>, response };
}

const WRONG = 'not the password!';
let guesses = 0;
/** An email nobody has, a new one each time: guesses spread over many accounts. */
const someone = () => `guess-${++guesses}-${world.run}@govgraph.test`;

async function newAccount(name: string): Promise<string> {
  const email = `${name}-${world.run}@govgraph.test`;
  await world.accounts.createUser({ email, password: PASSWORD, role: 'viewer' }, 'test');
  return email;
}

function expectAddressLimited(reply: Awaited<ReturnType<typeof login>>) {
  expect(codeOf(reply.body)).toBe('RATE_LIMITED');
  expect(reply.body.errors?.[0]?.extensions?.limit).toBe('ADDRESS');
  expect(reply.body.errors?.[0]?.message).toMatch(/^Too many failed logins from your network address\. Try again in/);
  expect(reply.response.status).toBe(429);
  const wait = Number(reply.response.headers.get('retry-after'));
  expect(wait).toBeGreaterThan(ADDRESS_LIMIT.windowSeconds - 120);
  expect(wait).toBeLessThanOrEqual(ADDRESS_LIMIT.windowSeconds);
  expect(reply.response.headers.get('set-cookie')).toBeNull();
}

describe('failed logins from one address', () => {
  it(`are refused after ${ADDRESS_LIMIT.failures} across accounts, the right password too, and a forged X-Forwarded-For changes nothing`, async () => {
    const yoga = createGovGraphYoga(world.db);
    const url = await serve(yoga);
    const viewer = world.emailOf('viewer');
    // A known account with a right password in between does not clear the address's count.
    for (let i = 0; i < ADDRESS_LIMIT.failures; i++) {
      if (i === 10) expect((await login(url, viewer, PASSWORD)).body.data?.login.email).toBe(viewer);
      expect(codeOf((await login(url, i % 4 === 0 ? viewer : someone(), WRONG)).body)).toBe('UNAUTHENTICATED');
    }
    expectAddressLimited(await login(url, viewer, PASSWORD));
    expectAddressLimited(await login(url, someone(), WRONG));
    // The header is anyone's to write: without GOVGRAPH_TRUST_PROXY it is not believed.
    expectAddressLimited(await login(url, viewer, PASSWORD, { 'x-forwarded-for': '198.51.100.23' }));
    // The account itself is not locked: it has fewer than its own limit of failures.
    const inProcess = await yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "${viewer}", password: "${PASSWORD}") { email } }` }),
    });
    expect(((await inProcess.json()) as Reply<{ login: { email: string } }>).data?.login.email).toBe(viewer);
  });

  it('are counted, behind a trusted proxy, for the address the proxy saw, not the ones the client wrote', async () => {
    const url = await serve(createGovGraphYoga(world.db, { ...DEFAULT_SETTINGS, trustProxy: 1 }));
    const viewer = world.emailOf('editor2');
    const from = (address: string, forged = `203.0.113.${guesses % 250}`) => ({
      'x-forwarded-for': `${forged}, ${address}`,
    });
    for (let i = 0; i < ADDRESS_LIMIT.failures; i++) {
      expect(codeOf((await login(url, someone(), WRONG, from('198.51.100.7'))).body)).toBe('UNAUTHENTICATED');
    }
    expectAddressLimited(await login(url, viewer, PASSWORD, from('198.51.100.7')));
    expect((await login(url, viewer, PASSWORD, from('198.51.100.8'))).body.data?.login.email).toBe(viewer);
    // Every client behind the proxy shares the socket's address; that one is not what is counted.
    expect((await login(url, viewer, PASSWORD)).body.data?.login.email).toBe(viewer);
  });
});

describe('login limits through Redis', () => {
  let redis: RedisServer;
  const logs: string[] = [];
  let limits: LoginLimits[] = [];
  let a = '';
  let b = '';

  beforeAll(async () => {
    redis = await startRedis();
    limits = await Promise.all([1, 2].map(() => openLoginLimits(redis.url, (line) => logs.push(line))));
    [a, b] = (await Promise.all(
      limits.map((limit) => serve(createGovGraphYoga(world.db, DEFAULT_SETTINGS, undefined, limit.guard))),
    )) as [string, string];
  });

  afterAll(async () => {
    await Promise.all(limits.map((limit) => limit.close()));
    await redis?.stop();
  });

  it('are shared by every server using the same Redis, per account and per address', async () => {
    const email = await newAccount('shared');
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) {
      expect(codeOf((await login(i % 2 ? a : b, email, WRONG)).body)).toBe('UNAUTHENTICATED');
    }
    for (const server of [a, b]) {
      const locked = await login(server, email, PASSWORD);
      expect(codeOf(locked.body)).toBe('RATE_LIMITED');
      expect(locked.body.errors?.[0]?.extensions?.limit).toBe('ACCOUNT');
      expect(locked.response.status).toBe(429);
    }
    // The address has LOGIN_LIMIT.failures failures already; the rest are spread over both servers.
    for (let i = LOGIN_LIMIT.failures; i < ADDRESS_LIMIT.failures; i++) {
      expect(codeOf((await login(i % 2 ? a : b, someone(), WRONG)).body)).toBe('UNAUTHENTICATED');
    }
    expectAddressLimited(await login(a, world.emailOf('viewer'), PASSWORD));
    expectAddressLimited(await login(b, world.emailOf('viewer'), PASSWORD));
    const keys = (await fetchRedisKeys(redis.url)).sort();
    expect(keys.some((key) => key.startsWith('govgraph:login-address:'))).toBe(true);
    expect(keys.some((key) => key.startsWith('govgraph:login-account:'))).toBe(true);
  });

  it('are counted by each server on its own while Redis is away, and logins keep working', async () => {
    await redis.stop();
    const email = await newAccount('offline');
    // Within the patience of a request: no login waits on the missing Redis.
    const started = Date.now();
    expect((await login(a, email, PASSWORD)).body.data?.login.email).toBe(email);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) {
      expect(codeOf((await login(a, email, WRONG)).body)).toBe('UNAUTHENTICATED');
    }
    expect(codeOf((await login(a, email, PASSWORD)).body)).toBe('RATE_LIMITED');
    // The other server has not seen those failures.
    expect((await login(b, email, PASSWORD)).body.data?.login.email).toBe(email);
    expect(logs.join('\n')).toContain(`Redis at ${redis.url} is unreachable`);
  });
});

/** The keys in Redis, read with a client of the test's own. */
async function fetchRedisKeys(url: string): Promise<string[]> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    return await client.keys('govgraph:*');
  } finally {
    client.disconnect();
  }
}
