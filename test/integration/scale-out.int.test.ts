import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_CHANGED_CHANNEL } from '../../server/services/live/pubsub.js';
import type { Reply } from '../support/editors.js';
import { freePort, type RedisServer, startRedis } from '../support/redis.js';
import { credentials, startScratchNeo4j } from '../support/scratch.js';
import { runServer, type ServerProcess, startServer } from '../support/server-process.js';
import { openEventStream } from '../support/sse.js';

// Two GovGraph servers, started as `npm start` starts one, share one Neo4j (through a neo4j://
// routing URI) and one Redis. Edits change the graph, so the Neo4j is a scratch one.

const ADMIN = 'admin@govgraph.test';
const PASSWORD = 'correct horse battery staple';
const SUBSCRIPTION = 'subscription { graphChanged { batch at by entityIds relationIds deletedIds } }';

type Instance = ServerProcess & { url: string };
type Events = AsyncGenerator<Record<string, unknown>>;

async function call<T>(
  instance: Instance,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
): Promise<{ body: Reply<T>; response: Response }> {
  const response = await fetch(`${instance.url}graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as Reply<T>, response };
}

async function login(instance: Instance): Promise<string> {
  const { body, response } = await call<{ login: { email: string } }>(
    instance,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }',
    { e: ADMIN, p: PASSWORD },
  );
  expect(body.data?.login.email).toBe(ADMIN);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** Waits until the instance has printed this (its output arrives through a pipe, a little later). */
async function printed(instance: Instance, text: string): Promise<void> {
  while (!instance.output().includes(text)) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function me(instance: Instance, cookie: string) {
  const { body } = await call<{ me: { email: string; role: string } | null }>(
    instance,
    '{ me { email role } }',
    {},
    cookie,
  );
  return body.data?.me ?? null;
}

describe('several GovGraph instances over one Neo4j and one Redis', () => {
  let stopNeo4j = async () => {};
  let neo4jUri = '';
  let neo4jLogin: ReturnType<typeof credentials> = { NEO4J_USER: '', NEO4J_PASSWORD: '' };
  let redis: RedisServer;
  let a: Instance;
  let b: Instance;
  /** A Redis client of the test's own, to see which instances listen on the live-update channel. */
  let observer: Redis;
  let onA: Events;
  let onB: Events;
  let cookie = '';

  /** Waits until this many instances listen on the channel, so nothing published from now on is missed. */
  async function instancesListening(count: number): Promise<void> {
    for (;;) {
      const [, listening] = (await observer.call('PUBSUB', 'NUMSUB', GRAPH_CHANGED_CHANNEL)) as [string, number];
      if (listening === count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function createInitiative(through: Instance, name: string): Promise<string> {
    const { body } = await call<{ createEntity: { id: string } }>(
      through,
      'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
      { input: { kind: 'INITIATIVE', initiativeType: 'PROJECT', name } },
      cookie,
    );
    expect(body.errors).toBeUndefined();
    return body.data?.createEntity.id as string;
  }

  async function next(events: Events) {
    return (await events.next()).value as { data: { graphChanged: Record<string, unknown> } };
  }

  beforeAll(async () => {
    const [scratch, started] = await Promise.all([startScratchNeo4j(), startRedis()]);
    stopNeo4j = scratch.stop;
    redis = started;
    neo4jUri = scratch.uri.replace(/^bolt:/, 'neo4j:');
    neo4jLogin = credentials(scratch);
    // Both configured alike, as behind a load balancer: both try to create the first admin.
    const env = {
      NEO4J_URI: neo4jUri,
      ...neo4jLogin,
      GOVGRAPH_REDIS_URL: redis.url,
      GOVGRAPH_SEED: 'never',
      GOVGRAPH_ADMIN_EMAIL: ADMIN,
      GOVGRAPH_ADMIN_PASSWORD: PASSWORD,
      PORT: '0',
    };
    const instances = await Promise.allSettled([startServer(env), startServer(env)]);
    // Assigned before a failure is thrown, so afterAll stops the one that did start.
    [a, b] = instances.map((result) => (result.status === 'fulfilled' ? result.value : undefined)) as [
      Instance,
      Instance,
    ];
    for (const result of instances) if (result.status === 'rejected') throw result.reason;
    observer = new Redis(redis.url, { maxRetriesPerRequest: null });
    // One test stops Redis on purpose; the observer reconnects by itself, like the instances.
    observer.on('error', () => {});
    // Who made a change is for editors: the subscribers are logged in.
    const watcher = { cookie: await login(a) };
    [onA, onB] = await Promise.all([
      openEventStream(`${a.url}graphql`, SUBSCRIPTION, 'GET', watcher),
      openEventStream(`${b.url}graphql`, SUBSCRIPTION, 'GET', watcher),
    ]);
    await instancesListening(2);
  });

  afterAll(async () => {
    await Promise.all([onA?.return(undefined), onB?.return(undefined)]);
    for (const instance of [a, b]) {
      if (instance && instance.child.exitCode === null) {
        instance.child.kill('SIGKILL');
        await instance.exited;
      }
    }
    observer?.disconnect();
    await redis?.stop();
    await stopNeo4j();
  });

  it('start together, one of them creating the first admin', () => {
    for (const instance of [a, b]) {
      expect(instance.output()).toContain(`Live updates: through Redis at ${redis.url}`);
      expect(instance.output()).toContain(`Failed logins are counted through Redis at ${redis.url}`);
    }
    const created = [a, b].filter((instance) => instance.output().includes('Created the first admin account'));
    expect(created).toHaveLength(1);
  });

  it('accept a session made by another instance, and a logout through any ends it on all', async () => {
    cookie = await login(a);
    expect(await me(b, cookie)).toEqual({ email: ADMIN, role: 'ADMIN' });
    expect(await me(a, cookie)).toEqual({ email: ADMIN, role: 'ADMIN' });

    const other = await login(b);
    expect(await me(a, other)).toEqual({ email: ADMIN, role: 'ADMIN' });
    const { body } = await call<{ logout: boolean }>(a, 'mutation { logout }', {}, other);
    expect(body.data?.logout).toBe(true);
    expect(await me(b, other)).toBeNull();
    expect(await me(a, other)).toBeNull();
  });

  it('tell subscribers of every instance about an edit made through either', async () => {
    const id = await createInitiative(a, 'Verwaltungscloud Nord');
    const [fromA, fromB] = [await next(onA), await next(onB)];
    expect(fromB).toEqual({
      data: {
        graphChanged: {
          batch: expect.any(String),
          at: expect.any(String),
          by: ADMIN,
          entityIds: [id],
          relationIds: [],
          deletedIds: [],
        },
      },
    });
    // Through Redis and JSON, the other instance's subscriber gets exactly what this one's gets.
    expect(fromA).toEqual(fromB);

    // The other way round: an edit through B, with the session made through A.
    const { body } = await call<{ updateEntity: { version: number } }>(
      b,
      'mutation($id: ID!) { updateEntity(id: $id, version: 1, patch: { description: "Gemeinsame Cloud" }) { version } }',
      { id },
      cookie,
    );
    expect(body.errors).toBeUndefined();
    const [updatedOnA, updatedOnB] = [await next(onA), await next(onB)];
    expect(updatedOnA.data.graphChanged).toMatchObject({ by: ADMIN, entityIds: [id], deletedIds: [] });
    expect(updatedOnA).toEqual(updatedOnB);
    expect(updatedOnA.data.graphChanged.batch).not.toBe(fromA.data.graphChanged.batch);

    // Both read the same graph: the change made through B is what A serves.
    const read = await call<{ node: { description: string } }>(
      a,
      `{ node(id: "${id}") { ... on Entity { description } } }`,
    );
    expect(read.body.data?.node.description).toBe('Gemeinsame Cloud');
  });

  it('drop anything on the channel that is not a change, and go on announcing changes', async () => {
    await observer.publish(GRAPH_CHANGED_CHANNEL, 'hello');
    await observer.publish(GRAPH_CHANGED_CHANNEL, JSON.stringify({ batch: 1, entityIds: 'all' }));
    const id = await createInitiative(b, 'Registermodernisierung Süd');
    expect((await next(onA)).data.graphChanged.entityIds).toEqual([id]);
    expect((await next(onB)).data.graphChanged.entityIds).toEqual([id]);
  });

  it('keep serving and editing while Redis is away, and announce changes again once it is back', async () => {
    await redis.stop();
    for (const instance of [a, b]) await printed(instance, `Redis at ${redis.url} is unreachable`);
    const during = await createInitiative(a, 'Datenlabor Ost');
    const read = await call<{ node: { name: string } }>(b, `{ node(id: "${during}") { ... on Entity { name } } }`);
    expect(read.body.data?.node.name).toBe('Datenlabor Ost');

    redis = await startRedis(redis.port);
    await instancesListening(2);
    const after = await createInitiative(b, 'Datenlabor West');
    // A change made while Redis was away may or may not be announced once it is back; nothing else may.
    for (const events of [onA, onB]) {
      let change = (await next(events)).data.graphChanged;
      if (change.entityIds !== undefined && (change.entityIds as string[])[0] === during) {
        change = (await next(events)).data.graphChanged;
      }
      expect(change).toMatchObject({ by: ADMIN, entityIds: [after] });
    }
    for (const instance of [a, b]) {
      await printed(instance, `Redis at ${redis.url} is back; live updates between instances resume.`);
    }
  });

  it('refuse to start when Redis is configured but cannot be reached, saying so in one message', async () => {
    const port = await freePort();
    const started = runServer({
      NEO4J_URI: neo4jUri,
      ...neo4jLogin,
      GOVGRAPH_REDIS_URL: `redis://127.0.0.1:${port}`,
      PORT: '0',
    });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe(
      `Cannot use Redis at GOVGRAPH_REDIS_URL (redis://127.0.0.1:${port}): connect ECONNREFUSED 127.0.0.1:${port}. ` +
        'Check that Redis runs there and the URL (with its password) is right, or unset GOVGRAPH_REDIS_URL to keep ' +
        'live updates within this one instance.',
    );
  });

  it('close their Redis connections when stopped', async () => {
    const connections = async () =>
      ((await observer.call('CLIENT', 'LIST')) as string).split('\n').filter((line) => line.includes('name=govgraph-'));
    // Per instance: live updates publish and subscribe, and the login limits.
    expect(await connections()).toHaveLength(6);
    await Promise.all([onA.return(undefined), onB.return(undefined)]);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(await connections()).toEqual([]);
  });
});
