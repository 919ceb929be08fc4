import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportGraph, toCanonicalJson, toGraphML } from '../services/transfer/transfer.js';
import { runCommand, UsageError } from './run.js';

/** npm run export -- <file.json>: the canonical JSON, and GraphML beside it. */
runCommand(async (db, args) => {
  const target = args.find((arg) => !arg.startsWith('-'));
  if (!target?.endsWith('.json')) {
    throw new UsageError('Usage: npm run export -- <file.json>   (writes file.json and file.graphml)');
  }
  const file = await exportGraph(db);
  const graphml = target.replace(/\.json$/, '.graphml');
  writeFileSync(target, toCanonicalJson(file));
  writeFileSync(graphml, toGraphML(file));
  return (
    `Exported ${file.entities.length} entities, ${file.relations.length} relations and ` +
    `${file.mentions.length} mentions to ${path.resolve(target)} and ${path.resolve(graphml)}.`
  );
});
