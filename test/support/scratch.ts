import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';
import { type EmbeddedAuth, embeddedAuth, startEmbeddedNeo4j } from '../../server/db/embedded.js';
import { migrate } from '../../server/db/migrate.js';
import { closePooled, openPooled } from './neo4j-pool.js';

/**
 * A Neo4j of its own, for tests that empty or replace the whole graph and so
 * cannot share the seeded test database with the other test files: opened in
 * the test suites' Neo4j JVM (test/support/neo4j-pool.ts), or in a JVM of its
 * own where there is none.
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
    ? { uri: await openPooled(pool, dataDir), auth: embeddedAuth(dataDir), stop: () => closePooled(pool, dataDir) }
    : await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '512m' });
  const db = new Database({ uri: neo4j.uri, ...neo4j.auth });
  await migrate(db);
  return {
    db,
    uri: neo4j.uri,
    auth: neo4j.auth,
    async stop() {
      await db.close();
      await neo4j.stop();
    },
  };
}

/** The environment a GovGraph command needs to use this Neo4j through NEO4J_URI: its login. */
export function credentials(neo4j: { auth: EmbeddedAuth }): { NEO4J_USER: string; NEO4J_PASSWORD: string } {
  return { NEO4J_USER: neo4j.auth.user, NEO4J_PASSWORD: neo4j.auth.password };
}
