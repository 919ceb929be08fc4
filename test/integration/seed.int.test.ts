import { afterAll, describe, expect, it } from 'vitest';
import { buildSeed, readSeedFiles } from '../../seed/load.js';
import { migrate, parseMigration } from '../../server/db/migrate.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { testDatabase } from '../support/api.js';

const db = testDatabase();
afterAll(() => db.close());

const count = async (text: string, params: Record<string, unknown> = {}) => {
  const [row] = await db.read({ name: 'test-count', text }, params);
  return Number(row?.n ?? -1);
};

describe('seed loading', () => {
  it('is idempotent: loading again adds nothing and changes no version', async () => {
    const entities = await count('MATCH (e:Entity) RETURN count(e) AS n');
    const relations = await count('MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN count(r) AS n');
    const payload = buildSeed(readSeedFiles());
    expect(entities).toBe(payload.entities.length);
    expect(relations).toBe(payload.relations.length);
    await loadSeed(db, payload);
    expect(await count('MATCH (e:Entity) RETURN count(e) AS n')).toBe(entities);
    expect(await count('MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN count(r) AS n')).toBe(relations);
    expect(await count('MATCH (e:Entity) WHERE e.version <> 1 RETURN count(e) AS n')).toBe(0);
  });

  it('writes all or nothing: a failure midway leaves no trace', async () => {
    const payload = {
      entities: [
        {
          id: 'person:seed-atomic-test',
          label: 'Person',
          props: { id: 'person:seed-atomic-test', kind: 'PERSON', name: 'Atomar', aliases: [] },
        },
      ],
      relations: [],
      mentions: [],
    };
    await expect(
      db.writeAll([
        {
          query: { name: 'seed-entities', text: 'UNWIND $entities AS e CREATE (n:Entity) SET n = e.props' },
          params: payload,
        },
        { query: { name: 'fail', text: 'RETURN 1 / 0' }, params: {} },
      ]),
    ).rejects.toThrow(/by zero/i);
    expect(await count('MATCH (e:Entity {id: $id}) RETURN count(e) AS n', { id: 'person:seed-atomic-test' })).toBe(0);
  });
});

describe('migrations', () => {
  it('are recorded once and not run again', async () => {
    expect(await migrate(db)).toEqual([]);
    expect(await count('MATCH (m:Migration) RETURN count(m) AS n')).toBeGreaterThanOrEqual(2);
  });

  it('refuse to run when an applied file was edited afterwards', async () => {
    const edited = parseMigration('0001-entity-ids', '// edited\nCREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.x);\n');
    await expect(migrate(db, [edited])).rejects.toThrow(
      'Migration 0001-entity-ids was changed after it was applied to this database. Put the change into a new migration file instead.',
    );
  });
});
