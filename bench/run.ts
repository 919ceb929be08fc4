import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { migrate } from '../server/db/migrate.js';
import { loadSynthetic } from './load.js';
import { FULL, QUICK } from './synthetic.js';

/**
 * `npm run bench` (the issue's full scale) or `npm run bench -- --quick` (a
 * tenth): the synthetic graph in its own embedded Neo4j under .data/bench-*,
 * never mixed with the real graph; results to bench/results/*.json.
 */
const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '20221031' } },
});
const scale = values.quick ? QUICK : FULL;
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
const name = values.quick ? 'quick' : 'full';
const log = (line: string) => console.log(`[bench] ${line}`);

const neo4j = await startEmbeddedNeo4j({
  dataDir: path.resolve(`.data/bench-${name}`),
  boltPort: 0,
  heap: '2g',
  log: (line) => log(`neo4j: ${line}`),
});
// Bulk writes of 10,000 rows may take longer than the server's 15 s limit for interactive requests.
const db = new Database({ uri: neo4j.uri, transactionTimeoutMs: 600_000 });
try {
  await migrate(db);
  log(`loading the synthetic graph (seed ${seed}, ${scale.relations} relations) …`);
  const load = await loadSynthetic(db, scale, seed, log);
  log(
    `loaded ${load.entities} entities (${load.entitiesPerSecond}/s) and ${load.relations} relations (${load.relationsPerSecond}/s), ${load.writeSeconds.toFixed(1)} s of writes`,
  );
  mkdirSync('bench/results', { recursive: true });
  const file = path.join('bench/results', `load-${name}.json`);
  const machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), seed, scale, machine, load }, null, 2)}\n`);
  log(`wrote ${file}`);
} finally {
  await db.close();
  await neo4j.stop();
}
