import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { migrate } from '../server/db/migrate.js';
import { compare } from './compare.js';
import { benchDriver } from './connection.js';
import { benchCorpus } from './corpus.js';
import { benchFrontend, type FrontendReport } from './frontend.js';
import { pickInputs } from './inputs.js';
import { evaluateIntake, formatReport } from './intake/eval.js';
import { type LoadReport, loadSynthetic } from './load.js';
import { OPERATION_NAMES, type OperationName } from './operations.js';
import { type BenchSummary, updateReadme } from './report.js';
import { FULL, QUICK } from './synthetic.js';

/**
 * `npm run bench` (the issue's full scale) or `npm run bench -- --quick` (a
 * tenth): the synthetic graph in its own embedded Neo4j under .data/bench-*,
 * never mixed with the real graph; then every operation measured on the
 * floor (bare driver), GovGraph and @neo4j/graphql side by side. Results go
 * to bench/results/*.json and, for the full run (or with --readme), to the
 * README's table. `--only search,paths` limits the operations; the full run
 * also times the explorer in Chromium (`--frontend` / `--no-frontend` to
 * choose); `--report` only writes the README's table again from the results; `--corpus` times the seed's load
 * and the explorer's queries on the curated corpus beside the captured page's graph (bench/results/corpus.json);
 * `--only intake` scores the article intake on its evaluation set (bench/intake/, bench/results/intake.json).
 */
const { values } = parseArgs({
  allowNegative: true,
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20221031' },
    only: { type: 'string' },
    readme: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    frontend: { type: 'boolean' },
    corpus: { type: 'boolean', default: false },
  },
});
const scale = values.quick ? QUICK : FULL;
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
const only = values.only?.split(',').map((name) => name.trim());
const unknown =
  only?.filter((name) => name !== 'intake' && !(OPERATION_NAMES as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0)
  throw new Error(`--only: unknown operation ${unknown.join(', ')} (known: intake, ${OPERATION_NAMES.join(', ')})`);
const name = values.quick ? 'quick' : 'full';
const log = (line: string) => console.log(`[bench] ${line}`);
const readResults = <T>(file: string): T | undefined => {
  const where = path.join('bench/results', file);
  return existsSync(where) ? (JSON.parse(readFileSync(where, 'utf8')) as T) : undefined;
};
if (values.report) {
  const summary = readResults<BenchSummary>(`compare-${values.quick ? 'quick' : 'full'}.json`);
  if (!summary) throw new Error('--report: no bench/results/compare-*.json yet; run the benchmark first');
  updateReadme(summary, 'README.md', readResults<FrontendReport>('frontend.json'));
  console.log('[bench] wrote the table in README.md from bench/results');
  process.exit(0);
}
if (only?.includes('intake')) {
  // The intake needs no database: it reads each article of its evaluation set against the seed graph.
  const started = performance.now();
  const report = evaluateIntake();
  console.log(formatReport(report));
  log(`read ${report.all.articles} articles in ${Math.round(performance.now() - started)} ms`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/intake.json', `${JSON.stringify(report, null, 2)}\n`);
  log('wrote bench/results/intake.json');
  if (only.length === 1) process.exit(0);
}
if (values.corpus) {
  mkdirSync('bench/results', { recursive: true });
  const report = await benchCorpus(log);
  writeFileSync('bench/results/corpus.json', `${JSON.stringify(report, null, 2)}\n`);
  log('wrote bench/results/corpus.json');
  process.exit(0);
}
const machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
mkdirSync('bench/results', { recursive: true });
const write = (file: string, value: unknown) => {
  writeFileSync(path.join('bench/results', file), `${JSON.stringify(value, null, 2)}\n`);
  log(`wrote bench/results/${file}`);
};

const neo4jServer = await startEmbeddedNeo4j({
  dataDir: path.resolve(`.data/bench-${name}`),
  boltPort: 0,
  heap: '2g',
  // Enough page cache to hold the store in memory, as a production server would.
  pageCache: values.quick ? '512m' : '2g',
  log: (line) => log(`neo4j: ${line}`),
});
// Bulk writes of 10,000 rows may take longer than the server's 15 s limit for interactive requests.
process.env.NEO4J_USER = neo4jServer.auth.user;
process.env.NEO4J_PASSWORD = neo4jServer.auth.password;
const db = new Database({ uri: neo4jServer.uri, ...neo4jServer.auth, transactionTimeoutMs: 600_000 });
const driver = benchDriver(neo4jServer.uri);
try {
  await migrate(db);
  log(`loading the synthetic graph (seed ${seed}, ${scale.relations} relations) …`);
  const loaded = await loadSynthetic(db, scale, seed, log);
  const loadFile = path.join('bench/results', `load-${name}.json`);
  let load: LoadReport | null = null;
  if (loaded.entities + loaded.relations > 0) {
    load = loaded;
    log(
      `loaded ${loaded.entities} entities (${loaded.entitiesPerSecond}/s) and ${loaded.relations} relations (${loaded.relationsPerSecond}/s), ${loaded.writeSeconds.toFixed(1)} s`,
    );
    write(`load-${name}.json`, { at: new Date().toISOString(), seed, scale, machine, load });
  } else {
    log('the graph was loaded by an earlier run; its load rates stay as measured then');
    if (existsSync(loadFile)) load = (JSON.parse(readFileSync(loadFile, 'utf8')) as { load: LoadReport }).load;
  }

  const inputs = await pickInputs(driver, scale, seed, values.quick ? 30 : 50);
  const operations = await compare({
    uri: neo4jServer.uri,
    db,
    jvmPid: neo4jServer.pid,
    inputs,
    connections: [1, 8, 32],
    loadSeconds: values.quick ? 3 : 5,
    only: only?.filter((o) => o !== 'intake') as OperationName[] | undefined,
    log,
  });
  const summary: BenchSummary = {
    at: new Date().toISOString(),
    scale: name,
    entities: Object.values(scale).reduce((a, b) => a + b, 0) - scale.relations,
    relations: scale.relations,
    load,
    machine,
    operations,
  };
  // A run of some operations only never overwrites the results of a whole run.
  write(only ? `compare-${name}-only.json` : `compare-${name}.json`, summary);
  if (values.frontend ?? name === 'full') {
    log('timing the explorer in Chromium with 200, 1,000 and 5,000 entities …');
    write('frontend.json', await benchFrontend({ log }));
  }
  if ((name === 'full' || values.readme) && !only) {
    updateReadme(summary, 'README.md', readResults<FrontendReport>('frontend.json'));
    log('updated the table in README.md');
  }
} finally {
  await driver.close();
  await db.close();
  await neo4jServer.stop();
}
