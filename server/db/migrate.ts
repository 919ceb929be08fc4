import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RELATION_TYPES } from '../../shared/vocabulary.js';
import type { Database } from './database.js';
import { CYPHER_DIR, Q } from './queries.js';

export interface Migration {
  readonly name: string;
  readonly checksum: string;
  readonly statements: readonly string[];
}

const MIGRATION_FILE = /^(\d{4})-[a-z0-9-]+\.cypher$/;

/** Splits a migration file into statements: `;` at a line's end ends one; `//` lines are comments. */
export function parseMigration(name: string, text: string): Migration {
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const statements = body
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
  const checksum = createHash('sha256').update(text).digest('hex');
  return { name, checksum, statements };
}

export function loadMigrations(dir = path.join(CYPHER_DIR, 'migrations')): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort();
  for (const file of files) {
    if (!MIGRATION_FILE.test(file)) {
      throw new Error(`Migration file ${file} must be named NNNN-some-name.cypher`);
    }
  }
  return files.map((file) => parseMigration(file.replace(/\.cypher$/, ''), readFileSync(path.join(dir, file), 'utf8')));
}

/**
 * One migration per relation type of the vocabulary, from a template: a new
 * type gets its id constraint and validity indexes without a hand-written file.
 * Types are checked to be plain identifiers before they go into the statement.
 */
export function relationTypeMigrations(
  types: readonly string[] = RELATION_TYPES,
  template = readFileSync(path.join(CYPHER_DIR, 'templates', 'relation-type.cypher'), 'utf8'),
): Migration[] {
  return types.map((type) => {
    if (!/^[A-Z][A-Z_]*$/.test(type)) throw new Error(`Relation type ${type} is not an upper-case identifier`);
    const text = template.replaceAll('{{TYPE}}', type).replaceAll('{{name}}', type.toLowerCase());
    return parseMigration(`relation-type-${type}`, text);
  });
}

/**
 * Applies the migrations not yet recorded in the database, in order. A
 * recorded migration whose file has changed since is an error: migrations
 * are history, and a new change needs a new file.
 */
export async function migrate(
  db: Database,
  migrations = [...loadMigrations(), ...relationTypeMigrations()],
): Promise<string[]> {
  const applied = new Map((await db.read(Q['migration-applied'])).map((row) => [row.name, row.checksum]));
  const ran: string[] = [];
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was changed after it was applied to this database. ` +
            'Put the change into a new migration file instead.',
        );
      }
      continue;
    }
    for (const statement of migration.statements) await db.schema(statement);
    await db.write(Q['migration-record'], { name: migration.name, checksum: migration.checksum });
    ran.push(migration.name);
  }
  // New indexes fill in the background; wait so the first search finds everything.
  if (ran.length > 0) await db.schema('CALL db.awaitIndexes(120)');
  return ran;
}
