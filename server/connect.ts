import { messageOf } from '../shared/errors.js';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { startEmbeddedNeo4j } from './db/embedded.js';
import { Q, type QueryName } from './db/queries.js';

export interface Connection {
  readonly db: Database;
  /** Human-readable: where the data lives. */
  readonly where: string;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts (or shares) the embedded Neo4j when it is unset. An embedded JVM
 * this process started is restarted when it dies.
 */
export async function connect(
  config: Config,
  log: (line: string) => void = console.log,
  options: { readonly transactionTimeoutMs?: number } = {},
): Promise<Connection> {
  const { uri: configuredUri, user, password, database } = config.neo4j;
  let db: Database | undefined;
  // Each death holds requests until its own successor has planned the main queries.
  let release: (() => void) | undefined;
  const embedded = configuredUri
    ? undefined
    : await startEmbeddedNeo4j({
        ...config.embedded,
        log,
        supervise: true,
        onRestart: {
          down: () => db?.holdUntil(new Promise<void>((resolve) => (release = resolve))),
          back: () => {
            const own = release;
            if (!db) return;
            const started = performance.now();
            void warmUp(db).then(() => {
              log(
                `Serving again: the restarted Neo4j planned the main queries in ${Math.round(performance.now() - started)} ms.`,
              );
              own?.();
            });
          },
        },
      });
  const uri = configuredUri ?? embedded?.uri;
  if (!uri) throw new Error('No Neo4j URI');
  db = new Database({
    uri,
    user: embedded ? embedded.auth.user : user,
    password: embedded ? embedded.auth.password : password,
    database,
    ...options,
  });
  try {
    await db.verify();
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${messageOf(error)}`);
  }
  const connected = db;
  return {
    db: connected,
    where: embedded ? `embedded Neo4j (${config.embedded.dataDir}) at ${uri}` : `Neo4j at ${uri}`,
    async close() {
      await connected.close();
      await embedded?.stop();
    },
  };
}

/** What the explorer and most programs ask first: planned before a restarted Neo4j takes requests again. */
const FIRST_ASKED: readonly QueryName[] = ['token-user', 'session-user', 'search', 'neighborhood', 'entities-by-ids'];
const WARM_UP_MS = 20_000;

/** Plans the statements (EXPLAIN runs nothing) so the first requests do not wait for it; at most WARM_UP_MS. */
export async function warmUp(db: Database): Promise<void> {
  const planned = Promise.all(
    FIRST_ASKED.map((name) => db.read({ name: `plan ${name}`, text: `EXPLAIN ${Q[name].text}` }).catch(() => {})),
  );
  await Promise.race([planned, new Promise((resolve) => setTimeout(resolve, WARM_UP_MS).unref())]);
}
