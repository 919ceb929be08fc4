import path from 'node:path';
import { describeCounts } from '../services/backup/format.js';
import { defaultBackupPath, takeBackup, writeBackupFile } from '../services/backup/take.js';
import { runCommand, UsageError } from './run.js';

const USAGE = 'Usage: npm run backup [-- --out <file.ndjson.gz>]   (default: backups/govgraph-<time>.ndjson.gz)';

/** npm run backup [-- --out FILE]: everything needed to get the service back, in one checked file. */
runCommand(async (db, args) => {
  let out: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--out' && args[i + 1] !== undefined && out === undefined) out = args[++i];
    else if (arg.startsWith('--out=') && arg.length > 6 && out === undefined) out = arg.slice(6);
    else throw new UsageError(USAGE);
  }
  const started = performance.now();
  const now = new Date();
  const { manifest, data } = await takeBackup(db, now);
  const target = path.resolve(out ?? defaultBackupPath('backups', now));
  const { bytes } = await writeBackupFile(target, data);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { sessions, idempotencyKeys } = manifest.skipped;
  return [
    `Backup written to ${target} (${(bytes / 1024).toFixed(0)} KiB, ${seconds} s):`,
    `  ${describeCounts(manifest.counts)}.`,
    `  Not kept: ${sessions} ${sessions === 1 ? 'session' : 'sessions'} (after a restore everyone logs in again), ` +
      `${idempotencyKeys} idempotency ${idempotencyKeys === 1 ? 'key' : 'keys'}.`,
  ].join('\n');
});
