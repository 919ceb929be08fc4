import { ConfigError, loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';

/** Errors whose message is all a person needs; anything else also gets its stack. */
const PLAIN_ERRORS = new Set(['ConfigError', 'SeedError', 'ImportError', 'UsageError', 'BackupError']);

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Runs a command against the configured Neo4j (sharing a running embedded
 * one), migrated first, and exits with 0 or 1 and a plain message.
 */
export function runCommand(work: (db: Database, args: string[]) => Promise<string>): void {
  const run = async () => {
    const config = loadConfig();
    const connection = await connect(config, (line) => console.error(line));
    try {
      await migrate(connection.db);
      console.log(await work(connection.db, process.argv.slice(2)));
    } finally {
      await connection.close();
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      const plain = error instanceof ConfigError || (error instanceof Error && PLAIN_ERRORS.has(error.name));
      console.error(plain ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
