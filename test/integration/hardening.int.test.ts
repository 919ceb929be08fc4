import { connect as tcp } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import { DEFAULT_SETTINGS } from '../../server/schema/context.js';
import { LIVE_STREAMS } from '../../server/services/live/streams.js';
import { codeOf, type EditorsWorld, PASSWORD, type Reply, startEditorsWorld } from '../support/editors.js';
import { ListenedChannel } from '../support/listening.js';
import { loopbackServers } from '../support/loopback.js';
import { sseEvents } from '../support/sse.js';

// Answers that were wrong or untyped under attack: cursors, time-outs, malformed ids, bodies without a code,
// cookies behind a TLS proxy, weak passwords, live-update streams; against a seeded Neo4j of their own.

let world: EditorsWorld;
const servers = loopbackServers();

beforeAll(async () => {
  world = await startEditorsWorld();
});

afterAll(async () => {
  await servers.closeAll();
  await world?.stop();
});

const serve = (yoga: GovGraphYoga) => servers.serve({ yoga });

const cursor = (text: string) => Buffer.from(text).toString('base64');

describe('cursors', () => {
  const fields: Array<[string, (c: string) => string]> = [
    ['search(after:)', (c) => `{ search(query: "OZG", after: ${JSON.stringify(c)}) { totalCount } }`],
    ['search(before:)', (c) => `{ search(query: "OZG", last: 2, before: ${JSON.stringify(c)}) { totalCount } }`],
    ['timeline(after:)', (c) => `{ timeline(after: ${JSON.stringify(c)}) { totalCount } }`],
    [
      'article.facts(after:)',
      (c) =>
        `{ article(id: "article:kommune21-2024-03-28-ozg-2-0") { facts(after: ${JSON.stringify(c)}) { totalCount } } }`,
    ],
  ];
  const bad: Array<[string, string]> = [
    ['an offset of 2³¹−1', cursor('OffsetConnection:2147483647')],
    ['an empty cursor', ''],
    ['a negative offset', cursor('OffsetConnection:-1')],
    ['a fraction', cursor('OffsetConnection:1.5')],
    ['hex', cursor('OffsetConnection:0x10')],
    ['a leading zero', cursor('OffsetConnection:01')],
    ['base64 not in its canonical form', `${cursor('OffsetConnection:1')}=`],
  ];

  it.each(fields.flatMap(([field, query]) => bad.map(([what, value]) => [field, what, query(value)] as const)))(
    '%s refuses %s as BAD_USER_INPUT naming the cursor',
    async (_field, _what, query) => {
      const { body } = await world.call(query);
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/^"(after|before)" is not a cursor this API gave out/);
    },
  );

  it('takes the cursors it gives out', async () => {
    const first = await world.call<{ search: { pageInfo: { endCursor: string } } }>(
      '{ search(query: "Sachsen", first: 2) { pageInfo { endCursor } } }',
    );
    const after = first.body.data?.search.pageInfo.endCursor ?? '';
    const next = await world.call(`{ search(query: "Sachsen", first: 2, after: "${after}") { totalCount } }`);
    expect(next.body.errors).toBeUndefined();
  });
});

describe('a query that runs out of time', () => {
  it('gets QUERY_TIMEOUT, not an internal error', async () => {
    // Neo4j ends a transaction past its timeout when it next looks (every two seconds at most), so a fast query
    // may finish first. An edit that waits for a lock another transaction holds outlives the timeout for sure;
    // the reads before it (the caller's token) take a few milliseconds.
    const holder = neo4j.driver(world.uri, neo4j.auth.basic(world.auth.user, world.auth.password));
    const session = holder.session();
    const held = await session.beginTransaction();
    const hasty = new Database({ uri: world.uri, ...world.auth, transactionTimeoutMs: 500 });
    try {
      await held.run("MATCH (n:Entity {id: 'person:lydia-hueskens'}) SET n.held = true");
      const call = world.client(createGovGraphYoga(hasty));
      const { body } = await call(
        'mutation { updateEntity(id: "person:lydia-hueskens", version: 1, patch: { description: "x" }) { id } }',
        {},
        'editor',
      );
      expect(codeOf(body)).toBe('QUERY_TIMEOUT');
      expect(body.errors?.[0]?.message).toMatch(/longer than the 15 s a query may run/);
    } finally {
      await held.rollback();
      await session.close();
      await holder.close();
      await hasty.close();
    }
  });
});

describe('malformed ids', () => {
  it.each([
    ['history', '{ history(id: "not an id") { id } }', 'anonymous'],
    ['revokeApiToken', 'mutation { revokeApiToken(id: "nope") }', 'admin'],
    ['deleteRelation', 'mutation { deleteRelation(id: "rel:Bad Id", version: 1) }', 'editor'],
    ['updateEntity', 'mutation { updateEntity(id: "Person X", version: 1, patch: { name: "x" }) { id } }', 'editor'],
    ['revertChange', 'mutation { revertChange(id: "change:none") { id } }', 'editor'],
  ] as const)('%s refuses one with BAD_USER_INPUT', async (_name, query, who) => {
    const before = await world.snapshot();
    const { body } = await world.call(query, {}, who);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.argument).toBe('id');
    expect(await world.snapshot()).toEqual(before);
  });

  it('answer a well-formed unknown one as before: no history, no token revoked', async () => {
    expect((await world.call('{ history(id: "person:nobody-here") { id } }')).body.data).toEqual({ history: [] });
    const revoked = await world.call(
      'mutation { revokeApiToken(id: "token:00000000-0000-4000-8000-000000000000") }',
      {},
      'admin',
    );
    expect(revoked.body.data).toEqual({ revokeApiToken: false });
  });
});

describe('refusals over HTTP', () => {
  let origin = '';
  const live = new ListenedChannel();
  beforeAll(async () => {
    origin = await serve(createGovGraphYoga(world.db, undefined, live.pubsub));
  });

  const expectCoded = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('x-govgraph-error-code')).toBe('BAD_REQUEST');
    const body = (await response.json()) as Reply;
    expect(codeOf(body)).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message.length).toBeGreaterThan(10);
  };

  it('406 and 415 carry a body with a code', async () => {
    const query = JSON.stringify({ query: '{ stats { entities } }' });
    await expectCoded(
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/plain' },
        body: query,
      }),
      406,
    );
    await expectCoded(
      await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: '<x/>',
      }),
      415,
    );
  });

  it('HEAD is 405 with the code in its header (its answer has no body by HTTP’s rules)', async () => {
    const response = await fetch(`${origin}/graphql`, { method: 'HEAD' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('x-govgraph-error-code')).toBe('BAD_REQUEST');
  });

  it('431 for headers too large carries a body with a code, and the connection is closed', async () => {
    const { port } = new URL(origin);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = tcp({ host: '127.0.0.1', port: Number(port) });
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.write(`GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(raw).toMatch(/x-govgraph-error-code: BAD_REQUEST/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

describe('the session cookie behind a TLS proxy', () => {
  const login = async (origin: string, headers: Record<string, string>) => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: `mutation { login(email: "${world.emailOf('viewer')}", password: "${PASSWORD}") { email } }`,
      }),
    });
    expect(((await response.json()) as Reply).errors).toBeUndefined();
    return response.headers.getSetCookie();
  };

  it('is Secure whenever the original request was https, as a trusted proxy says', async () => {
    const behindProxy = await serve(createGovGraphYoga(world.db, { ...DEFAULT_SETTINGS, trustProxy: 1 }));
    const host = new URL(behindProxy).host;
    const viaTls = await login(behindProxy, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '192.0.2.1',
      origin: `https://${host}`,
    });
    expect(viaTls).toHaveLength(2);
    for (const cookie of viaTls) expect(cookie).toMatch(/; Secure/i);
    const plain = await login(behindProxy, { 'x-forwarded-for': '192.0.2.2' });
    for (const cookie of plain) expect(cookie).not.toMatch(/; Secure/i);
    // Without a trusted proxy the header is anyone's to write, and not believed.
    const direct = await serve(createGovGraphYoga(world.db));
    for (const cookie of await login(direct, { 'x-forwarded-proto': 'https' })) {
      expect(cookie).not.toMatch(/; Secure/i);
    }
  });
});

describe('new passwords', () => {
  const create = (password: string, language?: string) =>
    world.call(
      'mutation($e: String!, $p: String!) { createUser(email: $e, password: $p, role: VIEWER) { email } }',
      { e: `weak-${Math.random().toString(36).slice(2)}@govgraph.test`, p: password },
      {
        authorization: world.headersOf('admin').authorization ?? '',
        ...(language ? { 'accept-language': language } : {}),
      },
    );

  it.each([
    ['twelve spaces', ' '.repeat(12)],
    ['one letter twelve times', 'aaaaaaaaaaaa'],
    ['twelve digits in a row', '123456789012'],
    ['a common word twice', 'passwordpassword'],
  ])('refuses %s as too easy to guess, saying why', async (_what, password) => {
    const before = await world.snapshot();
    const { body } = await create(password);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions).toMatchObject({ argument: 'password' });
    expect(body.errors?.[0]?.message).toMatch(/^The password (must have at least 12 characters|is too easy to guess)/);
    expect(await world.snapshot()).toEqual(before);
  });

  it('says so in German when the caller asks for German, and takes a strong one', async () => {
    const weak = await create('passwordpassword', 'de-DE,de;q=0.9,en;q=0.8');
    expect(weak.body.errors?.[0]?.message).toMatch(/^Das Passwort ist zu leicht zu erraten: /);
    expect(weak.body.errors?.[0]?.extensions?.problem).toBe('WEAK_PASSWORD');
    expect((await create('Sachsen-Anhalt digitalisiert 2024')).body.errors).toBeUndefined();
  });
});

describe('live-update streams', () => {
  let origin = '';
  const live = new ListenedChannel();
  beforeAll(async () => {
    origin = await serve(createGovGraphYoga(world.db, undefined, live.pubsub));
  });

  const open = (headers: Record<string, string> = {}) =>
    fetch(`${origin}/graphql?query=${encodeURIComponent('subscription { graphChanged { batch } }')}`, {
      headers: { accept: 'text/event-stream', 'x-govgraph-csrf': '1', ...headers },
    });

  it(`are at most ${LIVE_STREAMS.perClient} per client; the next is refused with RATE_LIMITED`, async () => {
    const before = live.listening;
    const streams = await Promise.all(Array.from({ length: LIVE_STREAMS.perClient }, () => open()));
    for (const stream of streams) expect(stream.status).toBe(200);
    const refused = await open();
    const text = await refused.text();
    expect(text).toContain('RATE_LIMITED');
    expect(text).toContain('STREAMS');
    await Promise.all(streams.map((stream) => stream.body?.cancel()));
    // Closed ones make room again, once the server has seen them end.
    await live.untilAtMost(before);
    const again = await open();
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it('of a login end when it logs out or loses its role', async () => {
    const loginAs = async (who: 'editor' | 'editor2') => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { login(email: "${world.emailOf(who)}", password: "${PASSWORD}") { email } }`,
        }),
      });
      return response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    };
    const ended = async (cookie: string, act: () => Promise<unknown>) => {
      const stream = await open({ cookie });
      expect(stream.status).toBe(200);
      const events = sseEvents(stream.body as ReadableStream<Uint8Array>);
      const done = events.next();
      await act();
      const started = Date.now();
      const result = await Promise.race([
        done,
        new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 10_000)),
      ]);
      expect(result).toEqual({ done: true, value: undefined });
      expect(Date.now() - started).toBeLessThan(10_000);
    };
    const editor = await loginAs('editor');
    await ended(editor, () =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: editor },
        body: JSON.stringify({ query: 'mutation { logout }' }),
      }),
    );
    const second = await loginAs('editor2');
    await ended(second, () =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...world.headersOf('admin') },
        body: JSON.stringify({
          query: `mutation { setUserRole(email: "${world.emailOf('editor2')}", role: VIEWER) { role } }`,
        }),
      }),
    );
  });
});
