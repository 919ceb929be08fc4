import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, readSeedFiles } from '../../seed/load.js';
import { Database } from '../../server/db/database.js';
import { createApp } from '../../server/http/app.js';
import { readiness } from '../../server/http/restore-gate.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { LoginGuard } from '../../server/services/accounts/login-guard.js';
import { type Backup, BackupError, decodeBackup } from '../../server/services/backup/format.js';
import { census, restoreBackup } from '../../server/services/backup/restore.js';
import { takeBackup, writeBackupFile } from '../../server/services/backup/take.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { exportGraph, toCanonicalJson } from '../../server/services/transfer/transfer.js';
import type { Reply } from '../support/editors.js';
import { credentials, startScratchNeo4j } from '../support/scratch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'correct horse battery staple';
const EMAIL = { admin: 'admin@govgraph.test', editor: 'editor@govgraph.test', viewer: 'viewer@govgraph.test' };
const ENTITY = 'person:erika-sicherung';
// The seed, and what the edits below add to it: one person, one fact that names it.
const SEED = buildSeed(readSeedFiles());
const ENTITIES = SEED.entities.length + 1;
const RELATIONS = SEED.relations.length + 1;
const MENTIONS = SEED.mentions.length + 1;

type Scratch = Awaited<ReturnType<typeof startScratchNeo4j>>;
let source: Scratch;
let target: Scratch;
const tokens: Record<'editor' | 'revoked', string> = { editor: '', revoked: '' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'govgraph-backup-'));
let file: string;

const servers = new Map<Database, ReturnType<typeof createGovGraphYoga>>();

/** A GraphQL call to a server over `db`, as the editor's API token or with a cookie. */
async function call<T>(
  db: Database,
  query: string,
  variables: Record<string, unknown> = {},
  auth?: string,
  extra: Record<string, string> = {},
) {
  const yoga = servers.get(db) ?? createGovGraphYoga(db, { publicRead: true, fourEyes: true });
  servers.set(db, yoga);
  const headers: Record<string, string> = { ...extra };
  if (auth?.startsWith('ggt_')) headers.authorization = `Bearer ${auth}`;
  else if (auth) headers.cookie = auth;
  const response = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Reply<T>;
  return { body, response };
}

async function ok<T>(db: Database, query: string, variables: Record<string, unknown> = {}, extra = {}) {
  const { body } = await call<T>(db, query, variables, tokens.editor, extra);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const HISTORY = `query($id: ID!) { history(id: $id) {
  id batch operation target action by before after fromVersion toVersion reverts revertedBy at } }`;

/** Everything besides the graph, with each property's Cypher type, so a date-time restored as text shows. */
async function operational(db: Database) {
  const rows = await db.read({
    name: 'test-operational',
    text: `MATCH (n) WHERE n:User OR n:ApiToken OR n:Change OR n:Intake
           OPTIONAL MATCH (n)-[:OF]->(u:User)
           RETURN labels(n) AS labels, n {.*} AS props, u.id AS of,
                  [k IN keys(n) | [k, valueType(n[k])]] AS types
           ORDER BY n.id`,
  });
  // Neo4j lists a node's keys in no fixed order.
  return rows.map((row) => ({
    ...row,
    types: (row.types as string[][]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  }));
}

const canonical = async (db: Database) => toCanonicalJson(await exportGraph(db));

/** Rewrites a backup's lines; the manifest's checksums are brought up to date unless `keepChecksums`. */
function rewrite(bytes: Buffer, edit: (lines: string[]) => void, keepChecksums = false): Buffer {
  const lines = gunzipSync(bytes).toString('utf8').split('\n');
  edit(lines);
  if (!keepChecksums) {
    const manifest = JSON.parse(lines[0] as string) as { sections: Array<{ bytes: number; sha256: string }> };
    manifest.sections.forEach((section, index) => {
      const data = Buffer.from(lines[index + 1] as string, 'utf8');
      section.bytes = data.length;
      section.sha256 = createHash('sha256').update(data).digest('hex');
    });
    lines[0] = JSON.stringify(manifest);
  }
  return gzipSync(lines.join('\n'));
}

beforeAll(async () => {
  [source, target] = await Promise.all([startScratchNeo4j(), startScratchNeo4j()]);
  const db = source.db;
  await loadSeed(db);
  const accounts = new Accounts(db);
  await accounts.createUser({ email: EMAIL.admin, password: PASSWORD, role: 'admin' }, 'test');
  await accounts.createUser({ email: EMAIL.editor, password: PASSWORD, role: 'editor' }, EMAIL.admin);
  await accounts.createUser({ email: EMAIL.viewer, password: PASSWORD, role: 'viewer' }, EMAIL.admin);
  tokens.editor = (await accounts.createApiToken(EMAIL.editor, 'Redaktionstool', EMAIL.admin)).token;
  const revoked = await accounts.createApiToken(EMAIL.viewer, 'altes Skript', EMAIL.admin);
  await accounts.revokeApiToken(revoked.id, EMAIL.admin);
  tokens.revoked = revoked.token;

  // Edits through the API: a new person, a correction, a correction reverted, a fact (sent with an idempotency
  // key, which a backup leaves out), an intake waiting for approval.
  await ok(db, 'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }', {
    input: { kind: 'PERSON', id: ENTITY, name: 'Erika Sicherung', description: 'Referentin' },
  });
  await ok(
    db,
    `mutation { updateEntity(id: "${ENTITY}", version: 1, patch: { description: "Referatsleiterin" }) { id } }`,
  );
  const wrong = await ok<{ updateEntity: { id: string } }>(
    db,
    `mutation { updateEntity(id: "${ENTITY}", version: 2, patch: { description: "falsch" }) { id } }`,
  );
  expect(wrong.updateEntity.id).toBe(ENTITY);
  const [last] = (await ok<{ history: Array<{ id: string }> }>(db, HISTORY, { id: ENTITY })).history;
  await ok(db, 'mutation($id: ID!) { revertChange(id: $id) { id } }', { id: last?.id });
  await ok(
    db,
    'mutation($input: CreateRelationInput!) { createRelation(input: $input) { id } }',
    {
      input: {
        type: 'HOLDS_OFFICE_AT',
        from: ENTITY,
        to: 'org:kreisverwaltung-salzlandkreis',
        role: 'Referatsleiterin',
        validFrom: '2024-05',
        citations: [{ article: 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt', quote: 'Referat' }],
      },
    },
    { 'idempotency-key': 'backup-test-relation' },
  );
  await ok(db, 'mutation($input: IntakeInput!) { submitIntake(input: $input) { status } }', {
    input: {
      article: {
        title: 'Salzlandkreis: Neue Amtsleiterin',
        publisher: 'Kommune21',
        publishedOn: '2024-05-08',
        url: 'https://www.kommune21.de/sicherung.html',
      },
      text: 'Erika Sicherung leitet seit Mai 2024 das Digitalamt.',
      facts: [
        {
          type: 'HOLDS_OFFICE_AT',
          from: ENTITY,
          to: 'org:kreisverwaltung-salzlandkreis',
          role: 'Leiterin des Digitalamts',
          quote: 'Erika Sicherung leitet seit Mai 2024 das Digitalamt.',
        },
      ],
    },
  });
  // A login: sessions are left out of a backup on purpose.
  const login = await call(db, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email } }', {
    e: EMAIL.editor,
    p: PASSWORD,
  });
  expect(login.body.errors).toBeUndefined();

  file = path.join(dir, 'first.ndjson.gz');
  await writeBackupFile(file, (await takeBackup(db)).data);
}, 300_000);

afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a backup', () => {
  it('holds the graph, accounts, tokens, history and intakes, counted and checksummed; only its owner may read it', () => {
    const backup = decodeBackup(readFileSync(file));
    expect(backup.manifest).toMatchObject({
      format: 'govgraph-backup',
      formatVersion: 1,
      counts: { entities: ENTITIES, relations: RELATIONS, users: 3, apiTokens: 2, intakes: 1 },
      skipped: { sessions: 1, idempotencyKeys: 1, bulkLoads: 0 },
    });
    expect(backup.manifest.counts.changes).toBe(5);
    expect(backup.manifest.migrations.map((m) => m.name)).toContain('0005-change-batches');
    expect(backup.records.users.find((u) => u.props.email === EMAIL.editor)?.props.passwordHash).toMatch(/^scrypt\$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is refused rather than leave out nodes it does not know', async () => {
    const mystery = { name: 'test-mystery', text: 'CREATE (:Notiz {text: "wichtig"})-[:BETRIFFT]->(:Notiz)' };
    await source.db.write(mystery);
    try {
      await expect(takeBackup(source.db)).rejects.toThrow(
        /^The database holds nodes :Notiz \(2\), relationships BETRIFFT from Notiz to Notiz \(1\), which a backup does not know; nothing was written\.$/,
      );
    } finally {
      await source.db.write({ name: 'test-mystery-gone', text: 'MATCH (n:Notiz) DETACH DELETE n' });
    }
  });

  it('refuses to overwrite a file', async () => {
    await expect(writeBackupFile(file, Buffer.from('x'))).rejects.toThrow(/exists already; a backup never overwrites/);
  });
});

describe('restore refuses a bad file and changes nothing', () => {
  const good = () => readFileSync(file);
  const manifestOf = (lines: string[]) => JSON.parse(lines[0] as string) as Record<string, unknown>;

  it.each<[string, () => Buffer, RegExp]>([
    ['an empty file', () => Buffer.alloc(0), /^It is truncated: its compressed data ends early\.$/],
    ['a truncated file', () => good().subarray(0, Math.floor(good().length / 2)), /^It is truncated/],
    ['a file that is not compressed', () => Buffer.from('{"format": "govgraph"}\n'), /not gzip-compressed/],
    [
      'an export instead of a backup',
      () => gzipSync('{\n  "entities": [],\n  "format": "govgraph"\n}\n'),
      /^It is not a GovGraph backup: its first line is not a JSON manifest\.$/,
    ],
    [
      'a section changed after it was written',
      () =>
        rewrite(
          good(),
          (lines) => {
            lines[2] = (lines[2] as string).replace('"role":"viewer"', '"role":"admin"');
          },
          true,
        ),
      /^Its line 3 \(section users\) does not match the manifest's checksum/,
    ],
    [
      'a missing section',
      () => rewrite(good(), (lines) => void lines.splice(4, 1), true),
      /^It has 4 sections after the manifest; the manifest lists 5 \(the file is truncated\)\.$/,
    ],
    [
      'a newer format',
      () =>
        rewrite(good(), (lines) => {
          lines[0] = JSON.stringify({ ...manifestOf(lines), formatVersion: 2 });
        }),
      /^It has format version 2, made by a newer GovGraph; this one reads version 1\.$/,
    ],
    [
      'an account without its password hash',
      () =>
        rewrite(good(), (lines) => {
          const users = JSON.parse(lines[2] as string) as Array<{ props: Record<string, unknown> }>;
          delete (users[1] as { props: Record<string, unknown> }).props.passwordHash;
          lines[2] = JSON.stringify(users);
        }),
      /^Its section users \(line 3\) has invalid records:\nusers\[1\]\.props\.passwordHash \(user:.+\): /,
    ],
    [
      'a change whose time is not a date-time',
      () =>
        rewrite(good(), (lines) => {
          lines[4] = (lines[4] as string).replace(/"at":"[^"]+"/, '"at":"gestern"');
        }),
      /^Its section changes \(line 5\) has invalid records:\nchanges\[0\]\.props\.at \(change:.+\): must be an ISO date-time/,
    ],
    [
      'a token of an account that is not in it',
      () =>
        rewrite(good(), (lines) => {
          const users = JSON.parse(lines[2] as string) as Array<{ props: { email: string } }>;
          lines[2] = JSON.stringify(users.filter((u) => u.props.email !== EMAIL.editor));
          lines[0] = JSON.stringify({
            ...manifestOf(lines),
            counts: { ...(manifestOf(lines).counts as object), users: 2 },
          });
        }),
      /^It does not fit together:\napiTokens: token:.+ belongs to user:.+, which is not in the backup$/,
    ],
    [
      'a fact whose end is missing from the graph',
      () =>
        rewrite(good(), (lines) => {
          const graph = JSON.parse(lines[1] as string) as { entities: Array<{ id: string }> };
          graph.entities = graph.entities.filter((e) => e.id !== ENTITY);
          lines[1] = JSON.stringify(graph);
        }),
      /^Its section graph \(line 2\) is inconsistent:\ngraph: relation rel:.+: from person:erika-sicherung is not a known entity/,
    ],
  ])('%s', async (_what, make, message) => {
    const bytes = make();
    expect(() => decodeBackup(bytes)).toThrow(BackupError);
    expect(() => decodeBackup(bytes)).toThrow(message);
    expect(await census(target.db)).toEqual({});
  });
});

describe('restore', () => {
  let backup: Backup;
  beforeAll(() => {
    backup = decodeBackup(readFileSync(file));
  });

  it('into an empty database brings back the graph, accounts, tokens, history and intakes exactly', async () => {
    expect(await restoreBackup(target.db, backup, { source: file })).toEqual({ removed: null, migrated: [] });
    expect(await canonical(target.db)).toBe(await canonical(source.db));
    expect(await operational(target.db)).toEqual(await operational(source.db));

    const accounts = new Accounts(target.db);
    const guard = new LoginGuard();
    expect((await accounts.login(EMAIL.editor, PASSWORD, guard))?.user.email).toBe(EMAIL.editor);
    expect(await accounts.login(EMAIL.editor, 'not the password at all', guard)).toBeNull();
    expect((await accounts.userForApiToken(tokens.editor))?.email).toBe(EMAIL.editor);
    expect(await accounts.userForApiToken(tokens.revoked)).toBeNull();

    // Through the API: the same history, the intake still waiting, and editing goes on at the next version.
    const history = await ok<{ history: unknown[] }>(target.db, HISTORY, { id: ENTITY });
    expect(history).toEqual(await ok(source.db, HISTORY, { id: ENTITY }));
    expect(history.history).toHaveLength(4);
    const pending = '{ pendingIntakes { id title submittedBy } }';
    expect(await ok(target.db, pending)).toEqual(await ok(source.db, pending));
    const edited = await ok<{ updateEntity: { version: number } }>(
      target.db,
      `mutation { updateEntity(id: "${ENTITY}", version: 4, patch: { description: "Amtsleiterin" }) { version } }`,
    );
    expect(edited.updateEntity.version).toBe(5);
  });

  it('refuses a database that is not empty, saying what it holds, and changes nothing', async () => {
    const before = [await canonical(target.db), await operational(target.db)];
    await expect(restoreBackup(target.db, backup, { source: file })).rejects.toThrow(
      new RegExp(
        `^The database is not empty: it holds ${ENTITIES} entities, 3 accounts, 2 API tokens, 1 session, 6 recorded changes and 1 intake\\. A restore fills an empty database only;`,
      ),
    );
    expect([await canonical(target.db), await operational(target.db)]).toEqual(before);
  });

  it('that fails midway leaves the database empty and servers answering 503, naming the saved copy, until one completes', async () => {
    // The same Neo4j, through a connection that breaks when the history is being written.
    const faulty = new Database({
      uri: target.uri,
      ...target.auth,
      observe: ({ query, params }) => {
        if (query.name === 'backup-restore-records' && params.label === 'Change') throw new Error('connection lost');
      },
    });
    const saved = path.join(dir, 'before-replace.ndjson.gz');
    try {
      await expect(restoreBackup(faulty, backup, { source: file, replace: true, saved })).rejects.toThrow(
        `The restore failed (connection lost); the database was emptied again, and servers answer 503 until a ` +
          `restore completes. The content before the restore is saved in ${saved}; put it back with: ` +
          `npm run restore -- --replace ${saved}`,
      );
    } finally {
      await faulty.close();
    }
    expect(await census(target.db)).toEqual({ RestoreInProgress: 1 });
    // A server on it answers nobody, and says why and how to get the service back; it is not ready.
    const app = createApp({ yoga: createGovGraphYoga(target.db), ready: () => readiness(target.db) });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    try {
      const refused = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { entities } }' }),
      });
      expect(refused.status).toBe(503);
      const body = (await refused.json()) as Reply;
      expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors?.[0]?.message).toContain(`npm run restore -- --replace ${saved}`);
      const notReady = await fetch(`${url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.text()).toContain(`saved in ${saved}`);
      // Only a completed restore brings the service back (a restore without --replace is refused meanwhile).
      await expect(restoreBackup(target.db, backup, { source: file })).rejects.toThrow(/unfinished restore/);
      await restoreBackup(target.db, backup, { source: file, replace: true });
      expect(await canonical(target.db)).toBe(await canonical(source.db));
      // Servers look for an unfinished restore on their own schedule (restore-gate.ts): ready again soon after.
      await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
      const served = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { entities } }' }),
      });
      expect(served.status).toBe(200);
    } finally {
      app.closeAllConnections();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});

describe('the backup and restore commands', () => {
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: source.uri, ...credentials(source) },
      encoding: 'utf8',
    });
  const restore = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/restore.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: target.uri, ...credentials(target) },
      encoding: 'utf8',
    });

  it('back up to backups/ by default; restore refuses a full database and a damaged file, and replaces on request', async () => {
    const made = run('backup');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const written = /^Backup written to (.+\.ndjson\.gz) \(\d+ KiB, [\d.]+ s\):$/m.exec(made.stdout)?.[1] as string;
    expect(path.relative(ROOT, written)).toMatch(
      /^backups\/govgraph-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.ndjson\.gz$/,
    );
    expect(made.stdout).toContain(
      `${ENTITIES} entities, ${RELATIONS} relations, ${MENTIONS} mentions, 3 accounts, 2 API tokens, 5 recorded changes, 1 intake.`,
    );
    expect(made.stdout).toContain('Not kept: 1 session (after a restore everyone logs in again), 1 idempotency key.');
    const saved: string[] = [written];
    try {
      const before = await canonical(target.db);
      const full = restore(written);
      expect(full.status).toBe(1);
      expect(full.stderr.trim()).toMatch(
        new RegExp(`^The database is not empty: it holds ${ENTITIES} entities, 3 accounts`),
      );

      const damaged = path.join(dir, 'damaged.ndjson.gz');
      writeFileSync(damaged, readFileSync(written).subarray(0, 2000));
      const refused = restore('--replace', damaged);
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toBe(
        `${damaged} cannot be restored. It is truncated: its compressed data ends early.\nNothing was changed.`,
      );
      expect(await canonical(target.db)).toBe(before);

      const replaced = restore('--replace', written);
      expect(replaced.stderr).toBe('');
      expect(replaced.status).toBe(0);
      saved.push(/^Saved the current content to (.+)\.$/m.exec(replaced.stdout)?.[1] as string);
      expect(replaced.stdout).toContain(
        `Removed ${ENTITIES} entities, 3 accounts, 2 API tokens, 5 recorded changes and 1 intake.`,
      );
      expect(replaced.stdout).toContain('Sessions are not part of a backup (1 at the time): everyone logs in again.');
      expect(await canonical(target.db)).toBe(await canonical(source.db));
      expect(await operational(target.db)).toEqual(await operational(source.db));
      expect(decodeBackup(readFileSync(saved[1] as string)).manifest.counts.changes).toBe(5);
    } finally {
      for (const name of saved) if (name) rmSync(name, { force: true });
    }
  });

  it('say how they are used', () => {
    expect(run('backup', '--outt', 'x').stderr.trim()).toMatch(/^Usage: npm run backup/);
    expect(restore().stderr.trim()).toBe('Usage: npm run restore -- [--replace] <backup.ndjson.gz>');
    expect(restore(path.join(dir, 'nope.ndjson.gz')).stderr.trim()).toBe(
      `Cannot read ${path.join(dir, 'nope.ndjson.gz')}: ENOENT`,
    );
  });
});
