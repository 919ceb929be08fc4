import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, type CypherQuery } from '../../db/queries.js';

const NAMES = [
  'census',
  'unknown',
  'fingerprint',
  'records',
  'skipped',
  'restore-begin',
  'restore-unfinished',
  'restore-records',
  'restore-links',
  'restore-end',
  'wipe',
] as const;

/** The queries of backup and restore, from cypher/backup/, read once. */
export const B = Object.fromEntries(
  NAMES.map((name) => [
    name,
    { name: `backup-${name}`, text: readFileSync(path.join(CYPHER_DIR, 'backup', `${name}.cypher`), 'utf8') },
  ]),
) as Readonly<Record<(typeof NAMES)[number], CypherQuery>>;
