import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QUICK, type Scale, syntheticEntities, syntheticRelations } from '../../bench/synthetic.js';
import { checkContent } from '../../shared/integrity.js';
import { Entity, Relation } from '../../shared/model.js';

const TINY: Scale = {
  people: 300,
  organisations: 100,
  regions: 60,
  laws: 10,
  initiatives: 20,
  articles: 40,
  events: 200,
  relations: 3_000,
};

const all = <T>(chunks: Generator<T[]>): T[] => [...chunks].flat();
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the synthetic benchmark graph', () => {
  it('is the same for the same seed, whatever the chunk size, and different for another seed', () => {
    const a = { e: all(syntheticEntities(TINY, 7, 1000)), r: all(syntheticRelations(TINY, 7, 1000)) };
    const b = { e: all(syntheticEntities(TINY, 7, 37)), r: all(syntheticRelations(TINY, 7, 37)) };
    expect(hash(a)).toBe(hash(b));
    expect(hash(all(syntheticRelations(TINY, 8)))).not.toBe(hash(a.r));
  });

  it('holds only valid entities and facts: kinds allowed, ends and cited articles present, ids unique', () => {
    const entities = all(syntheticEntities(TINY, 1));
    const relations = all(syntheticRelations(TINY, 1));
    for (const entity of entities) expect(Entity.safeParse(entity).success, entity.id).toBe(true);
    for (const relation of relations) expect(Relation.safeParse(relation).success, relation.id).toBe(true);
    expect(checkContent([{ where: 'synthetic', content: { entities, relations, mentions: [] } }])).toEqual([]);
    expect(entities.length).toBe(730);
    expect(relations.length).toBe(3_000);
  });

  it('has German names and hubs: some entities gather many facts', () => {
    const people = all(syntheticEntities(TINY, 1)).filter((e) => e.kind === 'PERSON');
    expect(people.some((p) => /[äöüß]/.test(p.name))).toBe(true);
    const degree = new Map<string, number>();
    for (const r of all(syntheticRelations(TINY, 1))) degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    const sorted = [...degree.values()].sort((x, y) => y - x);
    expect(sorted[0]).toBeGreaterThan(10 * (sorted[Math.floor(sorted.length / 2)] ?? 1));
  });

  it('has the issue’s scale in full and a tenth of it for --quick', () => {
    expect(QUICK.relations).toBe(100_000);
    expect(QUICK.events).toBe(10_000);
  });
});
