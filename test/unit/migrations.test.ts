import { describe, expect, it } from 'vitest';
import { loadMigrations, parseMigration } from '../../server/db/migrate.js';

describe('migration files', () => {
  it('split into statements at semicolons that end a line, without comments', () => {
    const migration = parseMigration(
      '0009-x',
      '// why\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\nCREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y);\n',
    );
    expect(migration.statements).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y)',
    ]);
    expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are the numbered files under cypher/migrations, in order', () => {
    const names = loadMigrations().map((m) => m.name);
    expect(names[0]).toBe('0001-entity-ids');
    expect(names).toEqual([...names].sort());
    expect(names).toContain('0002-entity-search');
  });
});
