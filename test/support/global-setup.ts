import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSeed, type GraphContent, readSeedFiles } from '../../seed/load.js';
import { Database } from '../../server/db/database.js';
import { embeddedAuth } from '../../server/db/embedded.js';
import { migrate } from '../../server/db/migrate.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { type Neo4jPool, openPooled, startNeo4jPool } from './neo4j-pool.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** Bolt login of the test Neo4j: the embedded one's, or GOVGRAPH_TEST_NEO4J_USER/PASSWORD. */
    neo4jUser: string | undefined;
    neo4jPassword: string | undefined;
    /** The control address of the JVM that opens a Neo4j per test file that asks (see neo4j-pool.ts). */
    neo4jPool: string | undefined;
    /** The seed the test Neo4j holds, read once for the run (test/support/seed-facts.ts hands it on). */
    seedContent: GraphContent | undefined;
  }
}

interface TestNeo4j {
  readonly uri: string;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly pool: string | undefined;
  readonly seed: GraphContent;
  readonly stop: () => Promise<void>;
}

// The tiers that need Neo4j each run this setup; the first starts and seeds it, the others share it (the promise
// lives on globalThis, which every project's setup in the main process sees), and the last one out stops it.
const shared = globalThis as typeof globalThis & { govgraphTestNeo4j?: { ready: Promise<TestNeo4j>; users: number } };

/**
 * Starts the test suites' Neo4j JVM and in it the shared Neo4j on its own test data folder (never the one
 * `npm start` uses), empties it, migrates and seeds it. With GOVGRAPH_TEST_NEO4J_URI the tests use that
 * Neo4j instead — and empty it; test files that need a graph of their own then start their own JVM.
 */
async function startTestNeo4j(): Promise<TestNeo4j> {
  const external = process.env.GOVGRAPH_TEST_NEO4J_URI;
  let pool: Neo4jPool | undefined;
  let uri: string;
  let user: string | undefined;
  let password: string | undefined;
  if (external) {
    uri = external;
    user = process.env.GOVGRAPH_TEST_NEO4J_USER;
    password = process.env.GOVGRAPH_TEST_NEO4J_PASSWORD;
  } else {
    pool = await startNeo4jPool('3g', (line) => console.log(`[neo4j] ${line}`));
    const dataDir = path.resolve('.data/test');
    uri = await openPooled(pool.url, dataDir, { pageCache: '256m' });
    ({ user, password } = embeddedAuth(dataDir));
  }
  const db = new Database({ uri, user, password });
  await db.write({ name: 'test-wipe', text: 'MATCH (n) DETACH DELETE n' });
  await migrate(db);
  const seed = buildSeed(readSeedFiles());
  await loadSeed(db, seed);
  await db.close();
  return { uri, user, password, pool: pool?.url, seed, stop: async () => pool?.stop() };
}

export default async function setup(project: TestProject) {
  shared.govgraphTestNeo4j ??= { ready: startTestNeo4j(), users: 0 };
  const state = shared.govgraphTestNeo4j;
  state.users += 1;
  const { uri, user, password, pool, seed } = await state.ready;
  project.provide('seedContent', seed);
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  project.provide('neo4jPool', pool);
  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    shared.govgraphTestNeo4j = undefined;
    await (await state.ready).stop();
  };
}
