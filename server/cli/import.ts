import { readFileSync } from 'node:fs';
import { messageOf, systemCodeOf } from '../../shared/errors.js';
import { importGraph } from '../services/transfer/transfer.js';
import { runCommand, UsageError } from './run.js';

/** npm run import -- [--replace] <file.json>: restores an export, all or nothing. */
runCommand(async (db, args) => {
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--replace');
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1 || !files[0]) {
    throw new UsageError('Usage: npm run import -- [--replace] <file.json>');
  }
  let text: string;
  try {
    text = readFileSync(files[0], 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${files[0]}: ${systemCodeOf(error) ?? messageOf(error)}`);
  }
  const done = await importGraph(db, text, { replace: args.includes('--replace') });
  return `Imported ${done.entities} entities, ${done.relations} relations and ${done.mentions} mentions from ${files[0]}.`;
});
