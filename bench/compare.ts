import { type ChildProcess, fork } from 'node:child_process';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Database } from '../server/db/database.js';
import { Accounts } from '../server/services/accounts/accounts.js';
import { ALTERNATIVE_OPERATIONS, type Alternative, startAlternative } from './alternative.js';
import { benchDriver } from './connection.js';
import { type Capture, Capturer, replayEdit, replayRead } from './floor.js';
import type { InputLists } from './inputs.js';
import {
  alternate,
  type LoadResult,
  loadTest,
  loadTestFunction,
  median,
  type Percentiles,
  processCpuMs,
} from './measure.js';
import { hashOf, type Inputs, OPERATION_NAMES, OPERATIONS, type OperationName } from './operations.js';
import type { ServeMessage } from './serve.js';

export const SIDES = ['floor', 'govgraph', 'alternative'] as const;
export type Side = (typeof SIDES)[number];

export interface OperationReport {
  readonly operation: OperationName;
  readonly inputs: number;
  /** Per side: each percentile the median of 3 rounds, in ms. */
  readonly latency: Record<Side, Percentiles>;
  readonly rounds: Record<Side, Percentiles[]>;
  /** Inputs where GovGraph's and the alternative's canonical answers hash the same. */
  readonly sameAnswers: number;
  /** Median database hits of GovGraph's statements (the floor sends the same ones), from PROFILE. */
  readonly dbHits: number;
  /** The same for @neo4j/graphql's statements (absent in results of runs before it was measured). */
  readonly alternativeDbHits?: number;
  /** Under load (reads only): per side and number of concurrent connections. */
  readonly load: Record<Side, LoadResult[]>;
  /** CPU milliseconds per request at the highest concurrency: the server process and Neo4j's JVM. */
  readonly cpuPerRequest: Record<Side, { server: number; neo4j: number }>;
}

interface Server {
  readonly url: string;
  readonly authorization?: string | undefined;
  readonly child: ChildProcess;
  cpuMs(): Promise<number>;
}

async function startServer(which: 'govgraph' | 'alternative', uri: string): Promise<Server> {
  // Both servers run as `npm start` runs GovGraph: NODE_ENV=production (server/production.ts).
  const child = fork(new URL('./serve.ts', import.meta.url), [which, uri], {
    execArgv: ['--import', 'tsx', '--import', './server/production.ts'],
  });
  const started = await new Promise<{ url: string; authorization?: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The ${which} server exited (${code}) before it listened`)));
    child.on('message', (message: ServeMessage) => {
      if ('url' in message) resolve(message);
    });
  });
  return {
    ...started,
    child,
    cpuMs: () =>
      new Promise((resolve) => {
        const onMessage = (message: ServeMessage) => {
          if ('cpuMicros' in message) {
            child.off('message', onMessage);
            resolve(message.cpuMicros / 1000);
          }
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
  };
}

async function post(
  url: string,
  body: string,
  authorization?: string,
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (json.errors) throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json;
}

const body = (document: string, variables: Record<string, unknown>) => JSON.stringify({ query: document, variables });

export interface CompareOptions {
  readonly uri: string;
  readonly db: Database;
  readonly jvmPid: number;
  readonly inputs: InputLists;
  readonly connections: readonly number[];
  readonly loadSeconds: number;
  readonly only?: readonly OperationName[] | undefined;
  readonly log: (line: string) => void;
}

/** Versions of the entities to edit, as stored now. */
async function versions(driver: Driver, ids: readonly string[]): Promise<Map<string, number>> {
  const { records } = await driver.executeQuery(
    'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.version AS version',
    { ids },
    { routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('id') as string, neo4j.integer.toNumber(r.get('version'))]));
}

export async function compare(options: CompareOptions): Promise<OperationReport[]> {
  const { uri, log } = options;
  const driver = benchDriver(uri);
  const accounts = new Accounts(options.db);
  const email = `bench-${Date.now()}@govgraph.invalid`;
  await accounts.createUser({ email, password: `bench-${Date.now()}-password`, role: 'editor' }, 'bench');
  const token = (await accounts.createApiToken(email, 'benchmark', 'bench')).token;
  const govgraph = await startServer('govgraph', uri);
  const alternative = await startServer('alternative', uri);
  const capturer = new Capturer(uri);
  // An in-process @neo4j/graphql for PROFILE only (the timed one runs in its own process).
  const profiler = await startAlternative(driver);
  const reports: OperationReport[] = [];
  try {
    for (const name of OPERATION_NAMES) {
      if (options.only && !options.only.includes(name)) continue;
      reports.push(await compareOne(name, { ...options, driver, capturer, profiler, govgraph, alternative, token }));
      log(`${name}: ${JSON.stringify(reports.at(-1)?.latency)}`);
    }
  } finally {
    await capturer.close();
    await profiler.close();
    govgraph.child.kill();
    alternative.child.kill();
    await driver.close();
  }
  return reports;
}

interface Context extends CompareOptions {
  readonly driver: Driver;
  readonly capturer: Capturer;
  readonly profiler: Alternative;
  readonly govgraph: Server;
  readonly alternative: Server;
  readonly token: string;
}

async function compareOne<N extends OperationName>(name: N, ctx: Context): Promise<OperationReport> {
  const operation = OPERATIONS[name];
  const other = ALTERNATIVE_OPERATIONS[name];
  const write = operation.write;
  const bearer = `Bearer ${ctx.token}`;
  // Reads: the same inputs for every side. Edits: a pool per side, each with its versions.
  const pools = (
    write ? ctx.inputs.updateEntity : [0, 1, 2].map(() => ctx.inputs[name as Exclude<N, 'updateEntity'>])
  ) as Inputs[N][][];
  const known = await Promise.all(
    pools.map((pool) =>
      versions(
        ctx.driver,
        (pool as Array<{ id: string }>).map((input) => input.id),
      ),
    ),
  );
  const withVersion = (side: number, input: Inputs[N]): Inputs[N] => {
    if (!write) return input;
    const id = (input as { id: string }).id;
    return { ...input, version: known[side]?.get(id) ?? 1 };
  };
  const bumped = (side: number, input: Inputs[N]) => {
    if (!write) return;
    const id = (input as { id: string }).id;
    known[side]?.set(id, (known[side]?.get(id) ?? 1) + 1);
  };
  const floorPool = pools[0] as Inputs[N][];

  ctx.log(`${name}: capturing GovGraph's statements and checking both sides give the same answers …`);
  const captures: Capture[] = [];
  let sameAnswers = 0;
  for (const input of floorPool) {
    const capture = await ctx.capturer.capture(
      operation.document,
      operation.variables(withVersion(0, input)),
      write ? ctx.token : undefined,
    );
    if (capture.body.errors)
      throw new Error(`${name}: GovGraph refused ${JSON.stringify(input)}: ${JSON.stringify(capture.body.errors)}`);
    bumped(0, input);
    captures.push(capture);
    if (!write) {
      const ours = hashOf(operation.canonical(capture.body.data));
      const theirs = await post(ctx.alternative.url, body(other.document, other.variables(input)));
      if (hashOf(other.canonical(theirs.data)) === ours) sameAnswers += 1;
    }
  }
  if (write) {
    // Each side's first edit of its pool, compared field by field (the ids differ by design).
    const ours = OPERATIONS.updateEntity.canonical(captures[0] ? captures[0].body.data : null);
    const input = pools[2]?.[0] as Inputs['updateEntity'];
    const theirs = await post(
      ctx.alternative.url,
      body(
        ALTERNATIVE_OPERATIONS.updateEntity.document,
        ALTERNATIVE_OPERATIONS.updateEntity.variables(withVersion(2, input as Inputs[N]) as Inputs['updateEntity']),
      ),
      ctx.alternative.authorization,
    );
    bumped(2, input as Inputs[N]);
    const answer = ALTERNATIVE_OPERATIONS.updateEntity.canonical(theirs.data);
    // Both sides' first edits (of different entities) must each have set the description they were sent.
    const sent = (floorPool[0] as Inputs['updateEntity'] | undefined)?.description;
    if (answer.description === input.description && ours.description === sent) sameAnswers = 1;
  }

  const request = async (side: Side, index: number) => {
    if (side === 'floor') {
      const capture = captures[index] as Capture;
      await (write ? replayEdit(ctx.driver, capture) : replayRead(ctx.driver, capture));
      return;
    }
    const k = side === 'govgraph' ? 1 : 2;
    const input = withVersion(k, (pools[k] as Inputs[N][])[index] as Inputs[N]);
    // Reading is public: only the edit sends the editor's token (checking it costs GovGraph a lookup).
    if (side === 'govgraph')
      await post(ctx.govgraph.url, body(operation.document, operation.variables(input)), write ? bearer : undefined);
    else await post(ctx.alternative.url, body(other.document, other.variables(input)), ctx.alternative.authorization);
    bumped(k, input);
  };
  ctx.log(`${name}: timing ${floorPool.length} inputs × 3 sides × 3 rounds after a warm-up …`);
  const timed = await alternate(SIDES, floorPool, (side, _input, index) => request(side, index), 3, floorPool.length);

  const hits = [];
  for (const capture of captures.slice(0, 10)) {
    hits.push(write ? await replayEdit(ctx.driver, capture, true) : await replayRead(ctx.driver, capture, true));
  }
  const theirHits = [];
  for (const [index, input] of floorPool.slice(0, 10).entries()) {
    // An edit is profiled on the version the alternative's own pool has reached; it is rolled back.
    const sent = write ? withVersion(2, (pools[2] as Inputs[N][])[index] as Inputs[N]) : input;
    theirHits.push(
      await ctx.profiler.dbHits(
        other.document,
        other.variables(sent),
        write ? ctx.profiler.editorAuthorization : undefined,
      ),
    );
  }

  const load = { floor: [], govgraph: [], alternative: [] } as Record<Side, LoadResult[]>;
  const cpuPerRequest = {} as Record<Side, { server: number; neo4j: number }>;
  if (!write) {
    const govgraphBodies = floorPool.map((input) => body(operation.document, operation.variables(input)));
    const alternativeBodies = floorPool.map((input) => body(other.document, other.variables(input)));
    for (const connections of ctx.connections) {
      for (const side of SIDES) {
        const server = side === 'govgraph' ? ctx.govgraph : side === 'alternative' ? ctx.alternative : null;
        const cpu0 = {
          server: server ? await server.cpuMs() : process.cpuUsage().user / 1000,
          jvm: processCpuMs(ctx.jvmPid),
        };
        const result =
          side === 'floor'
            ? await loadTestFunction(
                (i) => replayRead(ctx.driver, captures[i % captures.length] as Capture).then(() => {}),
                connections,
                ctx.loadSeconds,
              )
            : await loadTest(
                (server as Server).url,
                side === 'govgraph' ? govgraphBodies : alternativeBodies,
                connections,
                ctx.loadSeconds,
              );
        load[side].push(result);
        const cpu1 = {
          server: server ? await server.cpuMs() : process.cpuUsage().user / 1000,
          jvm: processCpuMs(ctx.jvmPid),
        };
        const n = Math.max(1, result.requests);
        cpuPerRequest[side] = {
          server: Math.round(((cpu1.server - cpu0.server) / n) * 100) / 100,
          neo4j: Math.round(((cpu1.jvm - cpu0.jvm) / n) * 100) / 100,
        };
      }
    }
  }
  return {
    operation: name,
    inputs: floorPool.length,
    latency: { floor: timed.floor.median, govgraph: timed.govgraph.median, alternative: timed.alternative.median },
    rounds: { floor: timed.floor.rounds, govgraph: timed.govgraph.rounds, alternative: timed.alternative.rounds },
    sameAnswers,
    dbHits: median(hits),
    alternativeDbHits: median(theirHits),
    load,
    cpuPerRequest,
  };
}
