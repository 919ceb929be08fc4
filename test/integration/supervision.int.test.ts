import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { embeddedAuth } from '../../server/db/embedded.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { alive, type ServerProcess, startServer } from '../support/server-process.js';

// GovGraph as `npm start` runs it, with its embedded Neo4j on a data folder of its own. The JVM is
// killed with SIGKILL while readers and writers keep going; then the server is stopped mid-request.

let dataDir: string;
let server: ServerProcess & { url: string };
let token: string;

const SEARCH = '{ search(query: "Hüskens", first: 3) { totalCount edges { node { id } } } }';
const CREATE = `mutation($input: CreateRelationInput!) { createRelation(input: $input) { id } }`;
const SEED_ARTICLE = 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt';

interface Answer {
  readonly at: number;
  readonly ms: number;
  readonly status: number;
  readonly code: string | null;
  readonly data: Record<string, unknown> | null;
}

interface NeoReady {
  readonly pid: number;
  readonly uri: string;
}

const readyFile = () => path.join(dataDir, 'neo4j.json');
const jvm = (): NeoReady => JSON.parse(readFileSync(readyFile(), 'utf8')) as NeoReady;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ask(query: string, variables: object = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const at = performance.now();
  const response = await fetch(`${server.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  return {
    at,
    ms: performance.now() - at,
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? null,
    data: body.data ?? null,
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'govgraph-supervised-'));
  server = await startServer({
    GOVGRAPH_DATA_DIR: dataDir,
    GOVGRAPH_BOLT_PORT: '0',
    GOVGRAPH_NEO4J_HEAP: '512m',
    PORT: '0',
  });
  // An editor's API token, straight into the server's Neo4j.
  const db = new Database({ uri: jvm().uri, ...embeddedAuth(dataDir) });
  const accounts = new Accounts(db);
  const email = `supervised-${Date.now()}@govgraph.test`;
  await accounts.createUser({ email, password: 'correct horse battery staple', role: 'editor' }, 'test');
  token = (await accounts.createApiToken(email, 'load', 'test')).token;
  await db.close();
}, 240_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
});

describe('the supervised embedded Neo4j', () => {
  it('comes back after kill -9 under load: answers stay fast and typed, and no acknowledged write is lost or doubled', {
    timeout: 240_000,
  }, async () => {
    const killed = jvm();
    // A warm server first: its first queries are planned before the clock starts.
    for (let i = 0; i < 5; i += 1) expect((await ask(SEARCH)).status).toBe(200);
    let stop = false;
    const reads: Answer[] = [];
    const reader = async () => {
      while (!stop) reads.push(await ask(SEARCH));
    };

    // Each writer adds facts one after another. A fact is retried with its Idempotency-Key until it is
    // acknowledged: created, or ALREADY_APPLIED (its first try committed, its answer was lost).
    const acknowledged: string[] = [];
    const acknowledgedAt = new Map<string, number>();
    const writeAnswers: Answer[] = [];
    const writer = async (name: string) => {
      for (let n = 0; !stop; n += 1) {
        const role = `Last ${name} ${n}`;
        const key = randomUUID();
        const input = {
          type: 'ADVISES',
          from: 'person:markus-bauer',
          to: 'org:nkr',
          role,
          citations: [{ article: SEED_ARTICLE }],
        };
        const headers = { authorization: `Bearer ${token}`, 'idempotency-key': key };
        for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
          const answer = await ask(CREATE, { input }, headers).catch(() => null);
          if (answer) writeAnswers.push(answer);
          if (answer && ((answer.status === 200 && answer.code === null) || answer.code === 'ALREADY_APPLIED')) {
            acknowledged.push(role);
            acknowledgedAt.set(name, performance.now());
            break;
          }
          await sleep(250);
        }
      }
    };
    const load = Promise.all([reader(), reader(), reader(), writer('a'), writer('b')]);
    /** Waits (up to a minute) until the load has made progress: more reads answered and writes acknowledged. */
    const progress = async (moreReads: number, moreWrites: number) => {
      const [r, w] = [reads.length, acknowledged.length];
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(50)) {
        if (reads.length >= r + moreReads && acknowledged.length >= w + moreWrites) return;
      }
    };

    await progress(20, 4);
    const killedAt = performance.now();
    process.kill(killed.pid, 'SIGKILL');

    // The server restarts the JVM on the same port; it is back when it has written its ready file anew.
    let backAt = Number.POSITIVE_INFINITY;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
      if (existsSync(readyFile()) && jvm().pid !== killed.pid) {
        backAt = performance.now() - (Date.now() - statSync(readyFile()).mtimeMs);
        break;
      }
    }
    expect(backAt).toBeLessThan(Number.POSITIVE_INFINITY);
    // Then it plans the main queries before it takes requests again; load goes on a few seconds more.
    const servingAgain = /Serving again: the restarted Neo4j planned the main queries in (\d+) ms/;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && !servingAgain.test(server.output()); ) {
      await sleep(100);
    }
    // Load goes on after that, until it has made progress on the restarted Neo4j too.
    await progress(20, 4);
    stop = true;
    await load;

    const answers = [...reads, ...writeAnswers];
    const slow = answers
      .filter((a) => a.ms >= 3000)
      .map((a) => ({ from: Math.round(a.at - killedAt), ms: Math.round(a.ms), status: a.status, code: a.code }));
    console.log(`JVM back ${Math.round(backAt - killedAt)} ms after the kill; answers over 3 s:`, slow);
    // The process never went down, and said what happened.
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).toContain('The embedded Neo4j stopped unexpectedly (signal SIGKILL); restarting it.');
    expect(server.output()).toMatch(/The embedded Neo4j is back after [\d.]+ s \(restart 1\)\./);
    expect(server.output()).toMatch(servingAgain);
    expect(alive(killed.pid)).toBe(false);

    // Every answer is the data or a typed error: 503 while Neo4j is away, or ALREADY_APPLIED for a retried write
    // whose first try committed just before the kill. None leaks an internal error.
    for (const answer of [...reads, ...writeAnswers]) {
      expect([200, 503, 409]).toContain(answer.status);
      if (answer.status === 503) expect(answer.code).toBe('SERVICE_UNAVAILABLE');
      if (answer.status === 409) expect(answer.code).toBe('ALREADY_APPLIED');
    }
    expect(reads.every((r) => r.status !== 409)).toBe(true);
    // Requests that begin while the JVM is gone answer within 5 s (those begun in its last 5 s may be answered
    // by the new JVM instead, and wait for it like for any busy Neo4j).
    const whileDown = [...reads, ...writeAnswers].filter((r) => r.at >= killedAt && r.at < backAt - 5000);
    expect(whileDown.length).toBeGreaterThan(10);
    for (const answer of whileDown) expect(answer.ms).toBeLessThan(5000);
    const during = reads.filter((r) => r.at >= killedAt && r.at < backAt);
    expect(during.some((r) => r.status === 503)).toBe(true);

    // Serving again within 10 s of Neo4j's return.
    const firstServed = reads.find((r) => r.at >= backAt && r.status === 200);
    expect(firstServed).toBeDefined();
    const recoveredMs = (firstServed?.at ?? 0) + (firstServed?.ms ?? 0) - backAt;
    expect(recoveredMs).toBeLessThan(10_000);

    // Every acknowledged fact is there exactly once, with exactly one recorded creation.
    // Both writers got through again after the restart.
    expect(acknowledgedAt.get('a')).toBeGreaterThan(backAt);
    expect(acknowledgedAt.get('b')).toBeGreaterThan(backAt);
    const db = new Database({ uri: jvm().uri, ...embeddedAuth(dataDir) });
    try {
      const rows = await db.read(
        {
          name: 'load-facts',
          text: `MATCH (:Entity {id: 'person:markus-bauer'})-[r:ADVISES]->(:Entity {id: 'org:nkr'})
                 WHERE r.role STARTS WITH 'Last '
                 OPTIONAL MATCH (c:Change {target: r.id, action: 'CREATE'})
                 RETURN r.role AS role, count(c) AS creations`,
        },
        {},
      );
      const stored = new Map(rows.map((row) => [String(row.role), Number(row.creations)]));
      for (const role of acknowledged) expect(stored.get(role), role).toBe(1);
      expect(rows.filter((row) => Number(row.creations) !== 1)).toEqual([]);
      // A fact may be stored though its writer gave up waiting; none is stored twice (roles are unique).
      expect(rows.length).toBe(new Set(rows.map((row) => row.role)).size);
    } finally {
      await db.close();
    }
    console.log(
      `kill -9 under load: queries planned in ${servingAgain.exec(server.output())?.[1]} ms; JVM back after ${((backAt - killedAt) / 1000).toFixed(1)} s, serving ` +
        `${(recoveredMs / 1000).toFixed(1)} s later; ${answers.length} answers, ${whileDown.length} begun while it was down (slowest ` +
        `${Math.max(...whileDown.map((r) => r.ms)).toFixed(0)} ms), slowest of all ` +
        `${Math.max(...answers.map((r) => r.ms)).toFixed(0)} ms; ${acknowledged.length} facts acknowledged`,
    );
  });

  it('drains on SIGTERM: a request in flight is answered, new connections are refused, the JVM stops', {
    timeout: 60_000,
  }, async () => {
    const pid = jvm().pid;
    const { port } = new URL(server.url);
    const body = JSON.stringify({ query: SEARCH });
    // A request whose body is still arriving when the stop begins.
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 1500);
    });
    await sleep(300);
    const stoppedAt = performance.now();
    server.child.kill('SIGTERM');

    // Once it has begun to drain, it takes no new connection.
    await expect
      .poll(
        () =>
          fetch(`${server.url}healthz`).then(
            () => 'answered',
            () => 'refused',
          ),
        { timeout: 5_000 },
      )
      .toBe('refused');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const found = JSON.parse(answer.text) as { data: { search: { edges: Array<{ node: { id: string } }> } } };
    expect(found.data.search.edges.map((e) => e.node.id)).toContain('person:lydia-hueskens');

    expect(await server.exited).toBe(0);
    const stopMs = performance.now() - stoppedAt;
    expect(server.output()).toContain('Stopping GovGraph');
    expect(server.output()).not.toContain('stopped unexpectedly (exit');
    expect(alive(pid)).toBe(false);
    expect(existsSync(readyFile())).toBe(false);
    console.log(`SIGTERM: drained and stopped (JVM included) in ${(stopMs / 1000).toFixed(1)} s`);
  });
});
