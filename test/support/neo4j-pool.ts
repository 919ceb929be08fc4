import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import {
  buildLauncherIfNeeded,
  checkJava,
  EMBEDDED_LAUNCHER_DIR,
  launcherClasspath,
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
  const classpath = [path.join(EMBEDDED_LAUNCHER_DIR, 'target/test-classes'), ...launcherClasspath()];
  const child = spawn(
    'java',
    [`-Xmx${heap}`, '-XX:+UseSerialGC', '-cp', classpath.join(path.delimiter), 'govgraph.neo4j.Pool'],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`The test Neo4j pool exited (code ${code}):\n${output.slice(-2000)}`)),
    );
  });
  // Keep draining, so a chatty Neo4j never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return { url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

/** Opens a Neo4j on `dataDir` in the pool (its password lands in the folder, as the launcher's does). */
export async function openPooled(poolUrl: string, dataDir: string, pageCache = '128m'): Promise<string> {
  const query = new URLSearchParams({ dir: dataDir, pagecache: pageCache });
  const response = await fetch(`${poolUrl}/start?${query}`, { method: 'POST' });
  const body = await response.text();
  if (!response.ok) throw new Error(`The test Neo4j pool could not open ${dataDir}: ${body}`);
  return body;
}

/** Shuts the pool's Neo4j on `dataDir` down. */
export async function closePooled(poolUrl: string, dataDir: string): Promise<void> {
  const response = await fetch(`${poolUrl}/stop?${new URLSearchParams({ dir: dataDir })}`, { method: 'POST' });
  if (!response.ok) throw new Error(`The test Neo4j pool could not stop ${dataDir}: ${await response.text()}`);
}
