import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messageOf, systemCodeOf } from '../../shared/errors.js';
import { ConfigError } from './config-error.js';

const LAUNCHER_DIR = fileURLToPath(new URL('../../neo4j-embedded/', import.meta.url));
const JAR = path.join(LAUNCHER_DIR, 'target', 'neo4j-embedded-1.0.0.jar');
const LAUNCHER_SOURCES = [
  path.join(LAUNCHER_DIR, 'pom.xml'),
  path.join(LAUNCHER_DIR, 'src/main/java/govgraph/neo4j/Main.java'),
];
const READY_LINE = /^GOVGRAPH_NEO4J_READY (\S+)$/m;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface EmbeddedOptions {
  readonly dataDir: string;
  readonly boltPort: number;
  readonly heap: string;
  /** Neo4j's page cache (e.g. 512m); the launcher's default otherwise. */
  readonly pageCache?: string;
  readonly log?: (line: string) => void;
  /**
   * Restart the JVM when it dies while we still need it (connect() sets this for the server and the
   * commands). It comes back on the same Bolt port, so the driver reconnects by itself.
   */
  readonly supervise?: boolean;
  /** Told when a supervised JVM died, and when its successor is ready. */
  readonly onRestart?: { down(): void; back(uri: string): void };
}

/** The Bolt login of the embedded Neo4j: the user neo4j with the password kept in its data folder. */
export interface EmbeddedAuth {
  readonly user: string;
  readonly password: string;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  /** What Bolt clients log in with (the launcher sets it at every start; see Main.java). */
  readonly auth: EmbeddedAuth;
  /** False when another GovGraph command already runs Neo4j on this data folder. */
  readonly owned: boolean;
  /** The JVM's process id (the benchmark reads its CPU time); a restarted JVM's once it runs. */
  readonly pid: number;
  /** How often a supervised JVM was restarted after it died. */
  readonly restarts: number;
  stop(): Promise<void>;
}

interface ReadyFile {
  readonly pid: number;
  readonly uri: string;
}

/**
 * Starts Neo4j Community in a child JVM on `dataDir`, or shares the one that
 * another GovGraph command already runs there (a store can only be opened by
 * one process). The JVM ends itself when our stdin pipe closes, so it never
 * outlives this process, even after a kill -9.
 */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  await mkdir(options.dataDir, { recursive: true });
  const running = await findRunning(options.dataDir);
  if (running) {
    log(`Using the embedded Neo4j already running on ${options.dataDir} (${running.uri}).`);
    return shared(running, options.dataDir);
  }
  checkJava();
  buildLauncherIfNeeded(log);
  try {
    const first = await launch(options, log);
    return options.supervise ? supervised(first, options, log) : owned(first, options.dataDir);
  } catch (error) {
    // Another command may have opened the store between our check and our start.
    if (!/lock/i.test(String(error))) throw error;
    const other = await waitForRunning(options.dataDir, 60_000);
    if (other) {
      log(`Using the embedded Neo4j that another command started on ${options.dataDir} (${other.uri}).`);
      return shared(other, options.dataDir);
    }
    throw error;
  }
}

/** Where the launcher keeps the password of the user neo4j (mode 0600). */
export function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'neo4j-password');
}

/** The Bolt login of the embedded Neo4j on `dataDir`, once the launcher has started there. */
export function embeddedAuth(dataDir: string): EmbeddedAuth {
  const file = passwordFile(dataDir);
  let password: string;
  try {
    password = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(
      `The embedded Neo4j's password file ${file} cannot be read (${systemCodeOf(error)}). ` +
        'It is written at the first start; remove the data folder to start afresh, or restore the file.',
    );
  }
  return { user: 'neo4j', password };
}

/** A JVM another GovGraph command runs (and supervises): ours to use, not to stop. */
function shared(running: ReadyFile, dataDir: string): EmbeddedNeo4j {
  return {
    uri: running.uri,
    auth: embeddedAuth(dataDir),
    owned: false,
    pid: running.pid,
    restarts: 0,
    stop: async () => {},
  };
}

function owned(jvm: Launched, dataDir: string): EmbeddedNeo4j {
  return {
    uri: jvm.uri,
    auth: embeddedAuth(dataDir),
    owned: true,
    pid: jvm.child.pid ?? 0,
    restarts: 0,
    stop: () => stopJvm(jvm.child),
  };
}

/** Waits before the n-th restart in a row: at once, then 1, 2, 4 … up to 30 s while it keeps dying. */
export function restartDelay(attempt: number): number {
  return attempt <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (attempt - 2));
}

/** A JVM that comes back on the same port and data folder whenever it dies, until `stop`. */
function supervised(first: Launched, options: EmbeddedOptions, log: (line: string) => void): EmbeddedNeo4j {
  const boltPort = Number(new URL(first.uri.replace(/^bolt/, 'http')).port);
  let current = first;
  let restarts = 0;
  let failuresInARow = 0;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  let diedAt = 0;
  const watch = (jvm: Launched) => {
    jvm.child.once('exit', (code, signal) => {
      if (stopping) return;
      diedAt = performance.now();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      log(`The embedded Neo4j stopped unexpectedly (${how}); restarting it.`);
      options.onRestart?.down();
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    });
  };

  const restart = async () => {
    while (!stopping) {
      failuresInARow += 1;
      const delay = restartDelay(failuresInARow);
      if (delay > 0) {
        log(`Restarting the embedded Neo4j in ${delay / 1000} s …`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delay).unref();
        });
        if (stopping) return;
      }
      try {
        const next = await launch({ ...options, boltPort }, log);
        if (stopping) {
          await stopJvm(next.child);
          return;
        }
        current = next;
        restarts += 1;
        watch(next);
        // A JVM that stays up for a minute resets the back-off.
        setTimeout(() => {
          if (current === next && next.child.exitCode === null) failuresInARow = 0;
        }, 60_000).unref();
        const after = ((performance.now() - diedAt) / 1000).toFixed(1);
        log(`The embedded Neo4j is back after ${after} s (restart ${restarts}).`);
        options.onRestart?.back(next.uri);
        return;
      } catch (error) {
        log(`Restarting the embedded Neo4j failed: ${messageOf(error).split('\n')[0]}`);
      }
    }
  };

  watch(first);
  return {
    uri: first.uri,
    auth: embeddedAuth(options.dataDir),
    owned: true,
    get pid() {
      return current.child.pid ?? 0;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      wake?.();
      await restarting;
      await stopJvm(current.child);
    },
  };
}

function readyFilePath(dataDir: string): string {
  return path.join(dataDir, 'neo4j.json');
}

async function findRunning(dataDir: string): Promise<ReadyFile | undefined> {
  const file = readyFilePath(dataDir);
  if (!existsSync(file)) return undefined;
  let ready: ReadyFile;
  try {
    ready = JSON.parse(readFileSync(file, 'utf8')) as ReadyFile;
  } catch {
    return undefined;
  }
  if (isAlive(ready.pid) && (await boltAnswers(ready.uri))) return ready;
  if (!isAlive(ready.pid)) {
    try {
      unlinkSync(file);
    } catch {
      // Someone else removed the stale file first.
    }
  }
  return undefined;
}

async function waitForRunning(dataDir: string, timeoutMs: number): Promise<ReadyFile | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const running = await findRunning(dataDir);
    if (running) return running;
    await sleep(500);
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return systemCodeOf(error) === 'EPERM';
  }
}

function boltAnswers(uri: string): Promise<boolean> {
  const { hostname, port } = new URL(uri.replace(/^bolt/, 'http'));
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new ConfigError(
      'The embedded Neo4j needs Java 17 or newer, and `java` was not found. Install it ' +
        '(Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless maven) or set NEO4J_URI to use another Neo4j.',
    );
  }
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new ConfigError(
      `The embedded Neo4j needs Java 17 or newer; \`java -version\` reports ${match?.[1] ?? 'an unknown version'}. ` +
        'Install Java 17 (or point JAVA_HOME/PATH at it) or set NEO4J_URI to use another Neo4j.',
    );
  }
}

/** Where the launcher's Maven project lives (its sources under src/, its build under target/). */
export const EMBEDDED_LAUNCHER_DIR = LAUNCHER_DIR;

/** The launcher's class path: its jar and Neo4j's jars beside it. */
function launcherClasspath(): string[] {
  return [JAR, path.join(LAUNCHER_DIR, 'target', 'lib', '*')];
}

/**
 * Builds the launcher with Maven when its jar is missing or older than its sources — or than `outputs`' own
 * sources (pairs of a source and the file built from it, such as the test suites' classes).
 */
export function buildLauncherIfNeeded(
  log: (line: string) => void,
  outputs: ReadonlyArray<{ source: string; built: string }> = [],
): void {
  const jarTime = existsSync(JAR) ? statSync(JAR).mtimeMs : 0;
  const lib = path.join(LAUNCHER_DIR, 'target', 'lib');
  const stale =
    !existsSync(lib) ||
    LAUNCHER_SOURCES.some((file) => statSync(file).mtimeMs > jarTime) ||
    outputs.some(({ source, built }) => !existsSync(built) || statSync(source).mtimeMs > statSync(built).mtimeMs);
  if (!stale) return;
  log('Building the embedded Neo4j launcher with Maven (first run downloads Neo4j from Maven Central)…');
  const result = spawnSync('mvn', ['-B', '-q', 'package'], { cwd: LAUNCHER_DIR, encoding: 'utf8' });
  if (result.error) {
    throw new ConfigError(
      'Building the embedded Neo4j needs Maven, and `mvn` was not found. Install it ' +
        '(Debian/Ubuntu: apt-get install -y maven) or set NEO4J_URI to use another Neo4j.',
    );
  }
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`Building the embedded Neo4j launcher failed (mvn package in ${LAUNCHER_DIR}):\n${tail}`);
  }
}

interface Launched {
  readonly uri: string;
  readonly child: ChildProcess;
}

function launch(options: EmbeddedOptions, log: (line: string) => void): Promise<Launched> {
  log(`Starting the embedded Neo4j on ${options.dataDir} …`);
  return startLauncherJvm({
    mainClass: 'govgraph.neo4j.Main',
    heap: options.heap,
    env: {
      GOVGRAPH_DATA_DIR: options.dataDir,
      GOVGRAPH_BOLT_PORT: String(options.boltPort),
      ...(options.pageCache ? { GOVGRAPH_NEO4J_PAGECACHE: options.pageCache } : {}),
    },
    ready: READY_LINE,
    what: 'The embedded Neo4j',
  }).then(({ child, ready: uri }) => {
    log(`Embedded Neo4j is ready at ${uri}.`);
    return { uri, child };
  });
}

/**
 * Starts a class of the launcher (its jar and Neo4j's beside it, `classpath` before them) in a JVM of its own
 * and waits until it prints the line `ready`; resolves with the line's first group. The JVM ends itself when
 * our stdin pipe closes (stopJvm).
 */
export function startLauncherJvm(options: {
  readonly mainClass: string;
  readonly heap: string;
  readonly classpath?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly ready: RegExp;
  /** For messages: "The embedded Neo4j". */
  readonly what: string;
}): Promise<{ child: ChildProcess; ready: string }> {
  const classpath = [...(options.classpath ?? []), ...launcherClasspath()].join(path.delimiter);
  const child = spawn('java', [`-Xmx${options.heap}`, '-XX:+UseSerialGC', '-cp', classpath, options.mainClass], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const onData = (chunk: Buffer) => {
      // Keep draining after start so a chatty JVM never blocks on a full pipe.
      if (ready) return;
      output += chunk.toString();
      if (output.length > 64_000) output = output.slice(-32_000);
      const match = options.ready.exec(output);
      if (match?.[1]) {
        ready = true;
        cleanup();
        resolve({ child, ready: match[1] });
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`${options.what} exited before it was ready (exit code ${code}):\n${tail}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      void stopJvm(child);
      reject(new Error(`${options.what} did not become ready within ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => {
      cleanup();
      reject(error);
    });
  });
}

/** Stops a launcher JVM cleanly (closing stdin is its signal, see Main.java), killing it if it hangs. */
export async function stopJvm(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
