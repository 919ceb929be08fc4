import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';
import { type EmbeddedAuth, embeddedAuth, startEmbeddedNeo4j } from '../../server/db/embedded.js';
import { migrate } from '../../server/db/migrate.js';
import { B } from '../../server/services/backup/queries.js';
import { closePooled, openPooled, parkPooled } from './neo4j-pool.js';

const STATE = [
  { name: 'test-scratch-indexes', text: 'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state' },
  { name: 'test-scratch-constraints', text: 'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties' },
  { name: 'test-scratch-migrations', text: 'MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum' },
];
const SIZE = { name: 'test-scratch-size', text: 'MATCH (n) WHERE NOT n:Migration RETURN count(n) AS nodes' };
/** A graph larger than this is not worth emptying for the next file: a new database is quicker. */
const REUSE_UP_TO_NODES = 50_000;

/** Its schema and migration records: what a migrated, empty database has, and the next file must find. */
async function stateOf(db: Database): Promise<string> {
  const parts = await Promise.all(STATE.map(async (query) => (await db.read(query)).map((row) => JSON.stringify(row))));
  return JSON.stringify(parts.map((rows) => rows.sort()));
}

/** Its nodes other than the migration records. */
async function sizeOf(db: Database): Promise<number> {
  return Number((await db.read(SIZE))[0]?.nodes ?? 0);
}

/**
 * Empties a migrated scratch database for the next test file, if it is still as migrated: the same indexes and
 * constraints, the same migration records. Whether it did.
 */
async function emptyForReuse(db: Database, migrated: string): Promise<boolean> {
  if ((await sizeOf(db)) > REUSE_UP_TO_NODES || (await stateOf(db)) !== migrated) return false;
  // The restore's own wipe: everything but the migration records, in batches.
  while (Number((await db.write(B.wipe, { limit: 5000, keepMarker: false }))[0]?.deleted ?? 0) > 0) {}
  return (await stateOf(db)) === migrated;
}

/**
 * A Neo4j of its own, for tests that empty or replace the whole graph and so
 * cannot share the seeded test database with the other test files: opened in
 * the test suites' Neo4j JVM (test/support/neo4j-pool.ts), or in a JVM of its
 * own where there is none. In the pool it may be one an earlier file used,
 * migrated and emptied again; either way the test gets a migrated, empty graph.
 */
export async function startScratchNeo4j(): Promise<{
  db: Database;
  uri: string;
  auth: EmbeddedAuth;
  stop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'govgraph-scratch-'));
  const pool = inject('neo4jPool');
  const neo4j = pool
    ? {
        uri: await openPooled(pool, dataDir, { reuse: true }),
        auth: embeddedAuth(dataDir),
        stop: () => closePooled(pool, dataDir),
      }
    : await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m' });
  const db = new Database({ uri: neo4j.uri, ...neo4j.auth });
  await migrate(db);
  const migrated = await stateOf(db);
  const nodes = await sizeOf(db);
  if (nodes !== 0) throw new Error(`A scratch Neo4j must start empty; ${dataDir} holds ${nodes} nodes.`);
  return {
    db,
    uri: neo4j.uri,
    auth: neo4j.auth,
    async stop() {
      const reusable = pool !== undefined && (await emptyForReuse(db, migrated).catch(() => false));
      await db.close();
      if (reusable && pool) await parkPooled(pool, dataDir);
      else await neo4j.stop();
    },
  };
}

/** The environment a GovGraph command needs to use this Neo4j through NEO4J_URI: its login. */
export function credentials(neo4j: { auth: EmbeddedAuth }): { NEO4J_USER: string; NEO4J_PASSWORD: string } {
  return { NEO4J_USER: neo4j.auth.user, NEO4J_PASSWORD: neo4j.auth.password };
}
