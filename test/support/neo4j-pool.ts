import path from 'node:path';
import {
  buildLauncherIfNeeded,
  checkJava,
  EMBEDDED_LAUNCHER_DIR,
  startLauncherJvm,
  stopJvm,
} from '../../server/db/embedded.js';

const POOL_SOURCE = path.join(EMBEDDED_LAUNCHER_DIR, 'src/test/java/govgraph/neo4j/Pool.java');
const POOL_CLASS = path.join(EMBEDDED_LAUNCHER_DIR, 'target/test-classes/govgraph/neo4j/Pool.class');
const READY_LINE = /^GOVGRAPH_NEO4J_POOL (\S+)$/m;

export interface Neo4jPool {
  /** The pool's control address, handed to the test workers. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the test suites' Neo4j JVM (neo4j-embedded/src/test/java/govgraph/neo4j/Pool.java): it opens a
 * Neo4j of its own for each test file that asks, each configured as the one `npm start` runs, so a file that
 * needs an empty or private graph waits about a second for it instead of a JVM's start.
 */
export async function startNeo4jPool(heap: string, log: (line: string) => void): Promise<Neo4jPool> {
  checkJava();
  buildLauncherIfNeeded(log, [{ source: POOL_SOURCE, built: POOL_CLASS }]);
  const { child, ready: url } = await startLauncherJvm({
    mainClass: 'govgraph.neo4j.Pool',
    classpath: [path.join(EMBEDDED_LAUNCHER_DIR, 'target/test-classes')],
    heap,
    ready: READY_LINE,
    what: 'The test Neo4j pool',
  });
  return { url, stop: () => stopJvm(child) };
}

/**
 * Opens a Neo4j on `dataDir` in the pool (its password lands in the folder, as the launcher's does), with the
 * pool's page cache (128 MiB) unless `pageCache` says otherwise. With `reuse`, a migrated and emptied one that a
 * finished test file parked (parkPooled) serves instead, when there is one.
 */
export async function openPooled(
  poolUrl: string,
  dataDir: string,
  options: { pageCache?: string; reuse?: boolean } = {},
): Promise<string> {
  const query = new URLSearchParams({
    dir: dataDir,
    ...(options.pageCache ? { pagecache: options.pageCache } : {}),
    ...(options.reuse ? { reuse: '1' } : {}),
  });
  const response = await fetch(`${poolUrl}/start?${query}`, { method: 'POST' });
  const body = await response.text();
  if (!response.ok) throw new Error(`The test Neo4j pool could not open ${dataDir}: ${body}`);
  return body;
}

/** Hands the pool's Neo4j on `dataDir` back for a later openPooled with `reuse`: it must be migrated and empty. */
export async function parkPooled(poolUrl: string, dataDir: string): Promise<void> {
  const response = await fetch(`${poolUrl}/park?${new URLSearchParams({ dir: dataDir })}`, { method: 'POST' });
  if (!response.ok) throw new Error(`The test Neo4j pool could not park ${dataDir}: ${await response.text()}`);
}

/** Shuts the pool's Neo4j on `dataDir` down. */
export async function closePooled(poolUrl: string, dataDir: string): Promise<void> {
  const response = await fetch(`${poolUrl}/stop?${new URLSearchParams({ dir: dataDir })}`, { method: 'POST' });
  if (!response.ok) throw new Error(`The test Neo4j pool could not stop ${dataDir}: ${await response.text()}`);
}
