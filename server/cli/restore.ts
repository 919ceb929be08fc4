import { readFileSync } from 'node:fs';
import path from 'node:path';
import { messageOf, systemCodeOf } from '../../shared/errors.js';
import { BackupError, decodeBackup, describeCounts } from '../services/backup/format.js';
import { census, describeCensus, restoreBackup } from '../services/backup/restore.js';
import { defaultBackupPath, takeBackup, writeBackupFile } from '../services/backup/take.js';
import { runCommand, UsageError } from './run.js';

const USAGE = 'Usage: npm run restore -- [--replace] <backup.ndjson.gz>';

/**
 * npm run restore -- [--replace] FILE: checks the whole file, then restores it
 * into an empty database; --replace saves and removes the current content first.
 */
runCommand(async (db, args) => {
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--replace');
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1 || !files[0]) throw new UsageError(USAGE);
  const file = files[0];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${systemCodeOf(error) ?? messageOf(error)}`);
  }
  const started = performance.now();
  let backup: ReturnType<typeof decodeBackup>;
  try {
    backup = decodeBackup(bytes);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    throw new BackupError(`${file} cannot be restored. ${error.message}\nNothing was changed.`);
  }
  const lines: string[] = [];
  const replace = args.includes('--replace');
  const present = await census(db);
  let saved: string | null = null;
  if (replace && Object.keys(present).length > 0 && !present.RestoreInProgress) {
    const now = new Date();
    saved = path.resolve(defaultBackupPath('backups', now));
    const current = await takeBackup(db, now).catch((error: Error) => {
      throw new BackupError(
        `Cannot save the current content before replacing it: ${error.message}\nNothing was changed.`,
      );
    });
    await writeBackupFile(saved, current.data);
    console.log(`Saved the current content to ${saved}.`);
  }
  const result = await restoreBackup(db, backup, { replace, source: path.resolve(file), saved });
  if (result.removed) lines.push(`Removed ${describeCensus(result.removed)}.`);
  if (result.migrated.length > 0) lines.push(`Applied to the restored data: ${result.migrated.join(', ')}.`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { sessions } = backup.manifest.skipped;
  lines.push(
    `Restored ${file} (made ${backup.manifest.createdAt}) in ${seconds} s:`,
    `  ${describeCounts(backup.manifest.counts)}.`,
    `  Sessions are not part of a backup (${sessions} at the time): everyone logs in again.`,
  );
  return lines.join('\n');
});
