import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION, tokenHash } from '../../server/services/accounts/sessions.js';
import { codeOf, type EditorsWorld, PASSWORD, startEditorsWorld } from '../support/editors.js';

// Logins, their ids and their end, against a Neo4j of their own. Time is not waited for: the test moves a
// session's clocks back in Neo4j, as if the minutes had passed.

let world: EditorsWorld;
let call: EditorsWorld['call'];

beforeAll(async () => {
  world = await startEditorsWorld();
  call = world.call;
});

afterAll(() => world?.stop());

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email role } }';
const ME = '{ me { email role } }';

/** `name=value` of the session cookie a response sets, or null. */
function cookieOf(response: Response): string | null {
  const header = response.headers.get('set-cookie');
  return header?.startsWith('govgraph_session=') ? (header.split(';')[0] as string) : null;
}

const idOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

async function login(email: string, password = PASSWORD, cookie?: string): Promise<string> {
  const { body, response } = await call<{ login: { email: string } }>(
    LOGIN,
    { e: email, p: password },
    cookie ? { cookie } : {},
  );
  expect(body.errors).toBeUndefined();
  const set = cookieOf(response);
  expect(set).not.toBeNull();
  return set as string;
}

async function me(cookie: string): Promise<{ email: string; role: string } | null> {
  const { body } = await call<{ me: { email: string; role: string } | null }>(ME, {}, { cookie });
  expect(body.errors).toBeUndefined();
  return body.data?.me ?? null;
}

/** Moves clocks of the session with this cookie back, as if `seconds` had passed since. */
async function agoSeconds(
  cookie: string,
  property: 'issuedAt' | 'lastSeenAt' | 'supersededAt' | 'reissuedAt',
  seconds: number,
): Promise<void> {
  const rows = await world.db.write(
    {
      name: 'test-session-clock',
      text: `MATCH (s:Session {tokenHash: $hash}) SET s.${property} = datetime() - duration({seconds: $seconds})
             RETURN count(s) AS n`,
    },
    { hash: tokenHash(idOf(cookie)), seconds },
  );
  expect(Number(rows[0]?.n)).toBe(1);
}

async function sessionCount(email: string): Promise<number> {
  const [row] = await world.db.read(
    { name: 'test-session-count', text: 'MATCH (:User {email: $email})<-[:OF]-(s:Session) RETURN count(s) AS n' },
    { email },
  );
  return Number(row?.n);
}

describe('sessions', () => {
  it('are stored only as hashes of their ids', async () => {
    const cookie = await login(world.emailOf('viewer'));
    const rows = await world.db.read({
      name: 'test-session-props',
      text: 'MATCH (s:Session) RETURN [k IN keys(s) | toString(s[k])] AS values',
    });
    for (const row of rows) expect((row.values as string[]).join(' ')).not.toContain(idOf(cookie));
  });

  it('start with a new id at every login; an id the browser brought along ends there', async () => {
    const email = world.emailOf('viewer');
    const first = await login(email);
    const second = await login(email, PASSWORD, first);
    expect(second).not.toBe(first);
    expect(await me(second)).toEqual({ email, role: 'VIEWER' });
    // The id from before the login (say, one planted by someone else) is of no use to anyone now.
    expect(await me(first)).toBeNull();
    // A made-up id is not taken up by a login either.
    const planted = 'govgraph_session=ggs_planted-by-someone-else';
    const third = await login(email, PASSWORD, planted);
    expect(idOf(third)).not.toBe('ggs_planted-by-someone-else');
    expect(await me(planted)).toBeNull();
  });

  it('end on the server at logout: the old cookie replayed is anonymous', async () => {
    const cookie = await login(world.emailOf('editor'));
    const { body, response } = await call<{ logout: boolean }>('mutation { logout }', {}, { cookie });
    expect(body.data?.logout).toBe(true);
    expect(response.headers.get('set-cookie')).toMatch(/^govgraph_session=;/);
    expect(await me(cookie)).toBeNull();
  });

  it(`get a new id after ${SESSION.rotateMinutes} minutes of use; the old one works ${SESSION.graceSeconds} s longer`, async () => {
    const email = world.emailOf('editor');
    const old = await login(email);
    // Not due yet: no new cookie.
    expect(cookieOf((await call(ME, {}, { cookie: old })).response)).toBeNull();
    await agoSeconds(old, 'issuedAt', SESSION.rotateMinutes * 60 + 1);

    // Requests the page sends at once with the old id: exactly one of them hands out the new id.
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => call<{ me: { email: string } }>(ME, {}, { cookie: old })),
    );
    for (const reply of replies) expect(reply.body.data?.me.email).toBe(email);
    const renewed = replies.map((reply) => cookieOf(reply.response)).filter((c): c is string => c !== null);
    expect(renewed).toHaveLength(1);
    const fresh = renewed[0] as string;
    expect(fresh).not.toBe(old);
    const header = replies.find((r) => cookieOf(r.response))?.response.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Strict/i);

    // The old id still works within the grace period, and hands out nothing more.
    const late = await call(ME, {}, { cookie: old });
    expect(cookieOf(late.response)).toBeNull();
    expect(await me(old)).toEqual({ email, role: 'EDITOR' });
    expect(await me(fresh)).toEqual({ email, role: 'EDITOR' });

    // After it, only the new one does.
    await agoSeconds(old, 'supersededAt', SESSION.graceSeconds + 1);
    expect(await me(old)).toBeNull();
    expect(await me(fresh)).toEqual({ email, role: 'EDITOR' });
  });

  it(`hand out another new id when the old one is still used ${SESSION.reissueSeconds} s after the first was lost`, async () => {
    const email = world.emailOf('editor');
    const old = await login(email);
    await agoSeconds(old, 'issuedAt', SESSION.rotateMinutes * 60 + 1);
    // The answer with the new id never reaches the browser (the search box cancelled its request, say).
    const lost = cookieOf((await call(ME, {}, { cookie: old })).response);
    expect(lost).not.toBeNull();
    expect(cookieOf((await call(ME, {}, { cookie: old })).response)).toBeNull();

    await agoSeconds(old, 'reissuedAt', SESSION.reissueSeconds + 1);
    const again = cookieOf((await call(ME, {}, { cookie: old })).response);
    expect(again).not.toBeNull();
    expect(again).not.toBe(lost);
    expect(await me(again as string)).toEqual({ email, role: 'EDITOR' });

    // The old id's grace still ends when it began: using it keeps nothing alive.
    await agoSeconds(old, 'supersededAt', SESSION.graceSeconds + 1);
    expect(await me(old)).toBeNull();
    expect(await me(again as string)).toEqual({ email, role: 'EDITOR' });
  });

  it('end everywhere at a logout with either id of a replaced pair', async () => {
    const old = await login(world.emailOf('editor2'));
    await agoSeconds(old, 'issuedAt', SESSION.rotateMinutes * 60 + 1);
    const fresh = cookieOf((await call(ME, {}, { cookie: old })).response) as string;
    expect(fresh).not.toBeNull();
    await call('mutation { logout }', {}, { cookie: old });
    expect(await me(old)).toBeNull();
    expect(await me(fresh)).toBeNull();
  });

  it(`end after ${SESSION.idleMinutes / 60} hours without a request, and use restarts that clock`, async () => {
    const email = world.emailOf('viewer');
    const used = await login(email);
    const idle = await login(email);
    await agoSeconds(used, 'lastSeenAt', SESSION.idleMinutes * 60 - 30);
    await agoSeconds(idle, 'lastSeenAt', SESSION.idleMinutes * 60 - 30);
    // A request within the idle time keeps the session; the one left alone times out a minute later.
    expect(await me(used)).toEqual({ email, role: 'VIEWER' });
    await agoSeconds(idle, 'lastSeenAt', SESSION.idleMinutes * 60 + 30);
    expect(await me(idle)).toBeNull();
    expect(await me(used)).toEqual({ email, role: 'VIEWER' });
  });

  it(`end ${SESSION.absoluteHours} hours after the login, however they are used, through every new id`, async () => {
    const email = world.emailOf('viewer');
    const cookie = await login(email);
    const { response } = await call(LOGIN, { e: email, p: PASSWORD });
    const expires = Date.parse(/Expires=([^;]+)/i.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '');
    expect(Math.abs(expires - (Date.now() + SESSION.absoluteHours * 3600_000))).toBeLessThan(60_000);

    await agoSeconds(cookie, 'issuedAt', SESSION.rotateMinutes * 60 + 1);
    const fresh = cookieOf((await call(ME, {}, { cookie })).response) as string;
    await world.db.write(
      {
        name: 'test-session-expire',
        text: 'MATCH (s:Session {tokenHash: $hash}) SET s.expiresAt = datetime() - duration({seconds: 1})',
      },
      { hash: tokenHash(idOf(fresh)) },
    );
    expect(await me(fresh)).toBeNull();
  });

  it('leave no dead sessions behind in the database', async () => {
    const email = `tidy-${world.run}@govgraph.test`;
    await world.accounts.createUser({ email, password: PASSWORD, role: 'viewer' }, 'test');
    const first = await login(email);
    await agoSeconds(first, 'lastSeenAt', SESSION.idleMinutes * 60 + 1);
    await login(email);
    expect(await sessionCount(email)).toBe(1);
  });
});

describe('a new password', () => {
  it('ends every other session of the account and gives the caller a new id', async () => {
    const email = `changes-${world.run}@govgraph.test`;
    await world.accounts.createUser({ email, password: PASSWORD, role: 'editor' }, 'test');
    const here = await login(email);
    const elsewhere = await login(email);
    const CHANGE =
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email } }';
    const NEW = 'a new and longer passphrase';

    const wrong = await call(CHANGE, { c: 'not the password!', n: NEW }, { cookie: here });
    expect(codeOf(wrong.body)).toBe('BAD_USER_INPUT');
    const short = await call(CHANGE, { c: PASSWORD, n: 'short' }, { cookie: here });
    expect(codeOf(short.body)).toBe('BAD_USER_INPUT');
    expect(short.body.errors?.[0]?.message).toBe('The new password must have at least 12 characters.');
    expect(await me(elsewhere)).toEqual({ email, role: 'EDITOR' });

    const changed = await call<{ changePassword: { email: string } }>(
      CHANGE,
      { c: PASSWORD, n: NEW },
      { cookie: here },
    );
    expect(changed.body.data?.changePassword.email).toBe(email);
    const fresh = cookieOf(changed.response) as string;
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(here);
    expect(await me(fresh)).toEqual({ email, role: 'EDITOR' });
    expect(await me(here)).toBeNull();
    expect(await me(elsewhere)).toBeNull();

    expect(codeOf((await call(LOGIN, { e: email, p: PASSWORD })).body)).toBe('UNAUTHENTICATED');
    expect(await login(email, NEW)).toMatch(/^govgraph_session=/);
    // Anonymous callers have no password to change.
    expect(codeOf((await call(CHANGE, { c: NEW, n: PASSWORD })).body)).toBe('UNAUTHENTICATED');
  });
});

describe('a new role', () => {
  const SET_ROLE = 'mutation($e: String!, $r: Role!) { setUserRole(email: $e, role: $r) { email role } }';

  it('ends every session of the account; its API tokens act with the new role at once', async () => {
    const email = `promoted-${world.run}@govgraph.test`;
    await world.accounts.createUser({ email, password: PASSWORD, role: 'viewer' }, 'test');
    const token = (await world.accounts.createApiToken(email, 'tool', 'test')).token;
    const cookie = await login(email);

    const refused = await call(SET_ROLE, { e: email, r: 'EDITOR' }, 'editor');
    expect(codeOf(refused.body)).toBe('FORBIDDEN');
    expect(await me(cookie)).toEqual({ email, role: 'VIEWER' });

    const set = await call<{ setUserRole: { role: string } }>(SET_ROLE, { e: email, r: 'EDITOR' }, 'admin');
    expect(set.body.data?.setUserRole).toEqual({ email, role: 'EDITOR' });
    expect(await me(cookie)).toBeNull();
    const viaToken = await call<{ me: { role: string } }>(ME, {}, { authorization: `Bearer ${token}` });
    expect(viaToken.body.data?.me.role).toBe('EDITOR');
    expect(await me(await login(email))).toEqual({ email, role: 'EDITOR' });
  });

  it('gives an admin who changes their own role a new id, ends their other sessions, and keeps one admin', async () => {
    const email = `admin-${world.run}-2@govgraph.test`;
    await world.accounts.createUser({ email, password: PASSWORD, role: 'admin' }, 'test');
    const here = await login(email);
    const elsewhere = await login(email);
    const demoted = await call<{ setUserRole: { role: string } }>(
      SET_ROLE,
      { e: email, r: 'EDITOR' },
      { cookie: here },
    );
    expect(demoted.body.data?.setUserRole.role).toBe('EDITOR');
    const fresh = cookieOf(demoted.response) as string;
    expect(await me(fresh)).toEqual({ email, role: 'EDITOR' });
    expect(await me(here)).toBeNull();
    expect(await me(elsewhere)).toBeNull();

    // The world's admin is now the only one: it cannot give its role away.
    const last = await call(SET_ROLE, { e: world.emailOf('admin'), r: 'VIEWER' }, 'admin');
    expect(codeOf(last.body)).toBe('BAD_USER_INPUT');
    expect(last.body.errors?.[0]?.message).toBe(
      `${world.emailOf('admin')} is the last admin; make another account admin first.`,
    );
    const unknown = await call(SET_ROLE, { e: `nobody-${world.run}@govgraph.test`, r: 'VIEWER' }, 'admin');
    expect(codeOf(unknown.body)).toBe('BAD_USER_INPUT');
  });
});

describe('API tokens', () => {
  const CREATE =
    'mutation($e: String!, $d: Int) { createApiToken(email: $e, name: "tool", expiresInDays: $d) { token expiresAt } }';

  it('expire after the days they were made for, and otherwise last until revoked', async () => {
    const made = await call<{ createApiToken: { token: string; expiresAt: string } }>(
      CREATE,
      { e: world.emailOf('viewer'), d: 30 },
      'admin',
    );
    const { token, expiresAt } = made.body.data?.createApiToken ?? { token: '', expiresAt: '' };
    expect(Math.abs(Date.parse(expiresAt) - (Date.now() + 30 * 86400_000))).toBeLessThan(60_000);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call<{ me: { email: string } }>(ME, {}, bearer)).body.data?.me.email).toBe(world.emailOf('viewer'));
    await world.db.write(
      {
        name: 'test-token-expire',
        text: 'MATCH (t:ApiToken {tokenHash: $hash}) SET t.expiresAt = datetime() - duration({seconds: 1})',
      },
      { hash: tokenHash(token) },
    );
    expect((await call<{ me: unknown }>(ME, {}, bearer)).body.data?.me).toBeNull();

    const lasting = await call<{ createApiToken: { expiresAt: string | null } }>(
      CREATE,
      { e: world.emailOf('viewer') },
      'admin',
    );
    expect(lasting.body.data?.createApiToken.expiresAt).toBeNull();
    for (const d of [0, -1, 3651]) {
      const bad = await call(CREATE, { e: world.emailOf('viewer'), d }, 'admin');
      expect(codeOf(bad.body)).toBe('BAD_USER_INPUT');
      expect(bad.body.errors?.[0]?.message).toBe('"expiresInDays" must be 1 to 3650.');
    }
  });
});
