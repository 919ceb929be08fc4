import { messageOf } from '../../shared/errors.js';
import { loadConfig } from '../config.js';
import { connect } from '../connect.js';
import { ConfigError } from '../db/config-error.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';

/** Errors whose message is all a person needs; anything else also gets its stack. */
const PLAIN_ERRORS = new Set(['ConfigError', 'SeedError', 'ImportError', 'UsageError', 'BackupError']);

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A command reads or writes a whole graph (an export of 200,000 entities, a backup) in few transactions:
 * they may take minutes, where a request's are cut at 15 s.
 */
const COMMAND_TRANSACTION_TIMEOUT_MS = 30 * 60_000;

/**
 * Runs a command against the configured Neo4j (sharing a running embedded
 * one), migrated first, and exits with 0 or 1 and a plain message.
 */
export function runCommand(work: (db: Database, args: string[]) => Promise<string>): void {
  const run = async () => {
    const config = loadConfig();
    const connection = await connect(config, (line) => console.error(line), {
      transactionTimeoutMs: COMMAND_TRANSACTION_TIMEOUT_MS,
    });
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
      console.error(plain ? messageOf(error) : error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
