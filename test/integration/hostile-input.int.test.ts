import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { type EditorsWorld, startEditorsWorld } from '../support/editors.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { hostileCorpus, warmUpRequests } from '../support/hostile/corpus.js';
import { type BadRequest, CATEGORIES } from '../support/hostile/tables.js';

// Edits are tried, so the corpus runs against a seeded Neo4j of its own, over HTTP as `npm start` serves it.
let world: EditorsWorld;
let server: Server;
let base: string;

beforeAll(async () => {
  world = await startEditorsWorld();
  server = createApp({ yoga: world.yoga });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await world?.stop();
});

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly ms: number;
  /** The X-GovGraph-Error-Code header, where the answer has one. */
  readonly codeHeader?: string | null;
}

/** Sends raw bytes over a socket and reads the answer until the server closes. */
function sendRaw(raw: string): Promise<{ status: number; text: string; codeHeader: string | null }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(raw));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      const head = received.slice(0, received.indexOf('\r\n\r\n'));
      const codeHeader = /^x-govgraph-error-code: *(\S+)/im.exec(head)?.[1] ?? null;
      resolve({ status, text: received.slice(received.indexOf('\r\n\r\n') + 4), codeHeader });
    });
  });
}

async function send(request: BadRequest): Promise<Answer> {
  const started = performance.now();
  if (request.raw !== undefined) {
    const { status, text, codeHeader } = await sendRaw(request.raw);
    return { status, text, codeHeader, ms: performance.now() - started };
  }
  const method = request.method ?? 'POST';
  const caller = request.as ?? 'anonymous';
  const response = await fetch(`${base}/graphql${request.search ?? ''}`, {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      accept: 'application/graphql-response+json, application/json',
      ...world.headersOf(caller === 'anonymous' ? 'anonymous' : caller),
      ...request.headers,
    },
    body: method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : request.body,
    ...(request.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await response.text();
  return {
    status: response.status,
    text,
    codeHeader: response.headers.get('x-govgraph-error-code'),
    ms: performance.now() - started,
  };
}

/** What a client must never see: stack frames, file paths, the database and its query language. */
const INTERNALS =
  /neo4j|cypher|\bat [\w.<>$]+ \(|at file:|node_modules|\/work\/|\/server\/|\.[jt]s:\d+|stacktrace|"stack"/gi;

/** Problems with an answer, as sentences; none when it is fine. */
function judge(request: BadRequest, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500 || answer.status < 200) problems.push(`status ${answer.status}`);
  if (request.status !== undefined && answer.status !== request.status) {
    problems.push(`status ${answer.status}, expected ${request.status}`);
  }
  let body: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined;
  try {
    body = answer.text === '' ? undefined : JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const shown = errors.length > 0 ? JSON.stringify(errors) : body === undefined ? answer.text : '';
  // Words the request itself sent may come back in a message ("'…apoc.cypher…' is not an id"): not a leak.
  const sent = `${typeof request.body === 'string' ? request.body : ''} ${request.search ?? ''}`.toLowerCase();
  const leaks = [...shown.matchAll(INTERNALS)].filter((match) => !sent.includes(match[0].toLowerCase()));
  if (leaks.length > 0) problems.push(`internal detail: ${shown.slice(0, 300)}`);
  for (const error of errors) {
    if (typeof error.extensions?.code !== 'string') problems.push(`an error without a code: ${JSON.stringify(error)}`);
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
      problems.push(`an internal error: ${JSON.stringify(error)}`);
  }
  if (request.code !== undefined && errors[0]?.extensions?.code !== request.code) {
    problems.push(`code ${String(errors[0]?.extensions?.code)}, expected ${request.code}`);
  }
  // Every refusal says why with a code: in its body, or for HEAD (no body by HTTP's rules) in a header.
  if (answer.status >= 400 && errors.length === 0 && !answer.codeHeader) {
    problems.push(`a refusal without a code: ${answer.status} ${answer.text.slice(0, 200)}`);
  }
  if (answer.status === 200 && request.expect === 'refused' && errors.length === 0) {
    problems.push(`accepted: ${answer.text.slice(0, 200)}`);
  }
  if (answer.status === 200 && body === undefined && request.method !== 'OPTIONS') {
    problems.push(`200 without JSON: ${answer.text.slice(0, 200)}`);
  }
  if (answer.ms > 5_000) problems.push(`took ${Math.round(answer.ms)} ms`);
  return problems;
}

describe('the body size limit', () => {
  it('still lets the largest legitimate request through: an article of 100,000 characters to read', async () => {
    const text = 'Die Landesregierung von Sachsen-Anhalt berät über das Onlinezugangsgesetz. Ärger über Verzögerungen. '
      .repeat(1000)
      .slice(0, 100_000);
    const body = JSON.stringify({
      query: `query ($a: ArticleDraft!) { proposeFacts(article: $a) { entities { key } } }`,
      variables: { a: { title: 'Groß', publishedOn: '2024-01-01', url: 'https://example.org/a', text } },
    });
    const answer = await send({
      category: 'giant strings and bodies',
      name: 'largest',
      as: 'editor',
      body,
      expect: 'handled',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.proposeFacts.entities.length).toBeGreaterThan(0);
  });
});

describe('the hostile-input corpus', () => {
  const corpus = hostileCorpus();

  it('has at least 300 bad requests in every category', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const category of CATEGORIES) {
      expect(corpus.filter((request) => request.category === category).length, category).toBeGreaterThan(0);
    }
  });

  it('answers each with a 4xx or a typed error, quickly and without internals, and changes nothing', async () => {
    const before = await graphFingerprint(world.db);
    const failures: string[] = [];
    let coldest = 0;
    for (const request of warmUpRequests()) {
      const answer = await send(request);
      coldest = Math.max(coldest, answer.ms);
      for (const problem of judge(request, { ...answer, ms: 0 })) failures.push(`${request.name}: ${problem}`);
    }
    const times: Array<{ ms: number; name: string }> = [];
    const byCategory = new Map<string, number>();
    let last = before;
    for (const [index, request] of corpus.entries()) {
      const answer = await send(request).catch((error: Error) => {
        failures.push(`${request.category} / ${request.name}: no answer (${String(error.cause ?? error)})`);
        return { status: 0, text: '', ms: 0, lost: true };
      });
      if ('lost' in answer) continue;
      times.push({ ms: answer.ms, name: `${request.category}: ${request.name}` });
      if (answer.ms > 1_000) console.log(`slow: ${Math.round(answer.ms)} ms for ${request.category}: ${request.name}`);
      byCategory.set(request.category, (byCategory.get(request.category) ?? 0) + 1);
      for (const problem of judge(request, answer)) {
        failures.push(`${request.category} / ${request.name}: ${problem}`);
      }
      // Where a category ends, the graph must still be as it was: this names the category that changed it.
      if (corpus[index + 1]?.category !== request.category) {
        const now = await graphFingerprint(world.db);
        if (now.hash !== last.hash)
          failures.push(`${request.category}: the graph changed (${JSON.stringify(last)} → ${JSON.stringify(now)})`);
        last = now;
      }
    }
    times.sort((a, b) => a.ms - b.ms);
    const median = times[Math.floor(times.length / 2)]?.ms ?? 0;
    const slowest = times.at(-1);
    console.log(
      `hostile corpus: ${corpus.length} requests after ${warmUpRequests().length} to warm up (slowest ${coldest.toFixed(0)} ms); median ${median.toFixed(1)} ms; slowest ${slowest?.ms.toFixed(0)} ms (${slowest?.name}); ` +
        `by category: ${[...byCategory].map(([category, count]) => `${category} ${count}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    // The server still serves, and the graph is exactly as it was.
    const alive = await send({
      category: 'batches',
      name: 'a good request',
      body: JSON.stringify({ query: '{ search(query: "OZG", first: 1) { nodes { id } } }' }),
      expect: 'handled',
    });
    expect(JSON.parse(alive.text)).toEqual({ data: { search: { nodes: [{ id: 'law:ozg' }] } } });
    expect(await graphFingerprint(world.db)).toEqual(before);
  }, 600_000);
});
