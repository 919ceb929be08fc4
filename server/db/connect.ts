import type { Config } from '../config.js';
import { Database } from './database.js';
import { startEmbeddedNeo4j } from './embedded.js';

export interface Connection {
  readonly db: Database;
  /** Human-readable: where the data lives. */
  readonly where: string;
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or starts (or shares) the embedded Neo4j when it is unset. */
export async function connect(config: Config, log: (line: string) => void = console.log): Promise<Connection> {
  const { uri: configuredUri, user, password, database } = config.neo4j;
  const embedded = configuredUri ? undefined : await startEmbeddedNeo4j({ ...config.embedded, log });
  const uri = configuredUri ?? embedded?.uri;
  if (!uri) throw new Error('No Neo4j URI');
  const db = new Database({ uri, user, password, database });
  try {
    await db.verify();
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}`);
  }
  return {
    db,
    where: embedded ? `embedded Neo4j (${config.embedded.dataDir}) at ${uri}` : `Neo4j at ${uri}`,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}
