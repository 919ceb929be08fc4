import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Q, type QueryName } from '../../server/db/queries.js';

/**
 * The plans Neo4j makes for the queries that must stay fast on a big graph
 * (EXPLAIN: planned, not run). Each test names the operator that would make
 * the query slow again.
 */
interface Plan {
  readonly operatorType: string;
  readonly arguments: Record<string, unknown>;
  readonly children: readonly Plan[];
}

let driver: Driver;
beforeAll(() => {
  const user = inject('neo4jUser');
  driver = neo4j.driver(inject('neo4jUri'), user ? neo4j.auth.basic(user, inject('neo4jPassword') ?? '') : undefined);
});
afterAll(() => driver.close());

async function operators(name: QueryName, params: Record<string, unknown>): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${Q[name].text}`, params, { routing: 'READ' });
  const out: string[] = [];
  const walk = (plan: Plan) => {
    out.push(plan.operatorType.replace(/@.*$/, ''));
    for (const child of plan.children) walk(child);
  };
  walk(summary.plan as unknown as Plan);
  return out;
}

const int = (n: number) => neo4j.int(n);

describe('paths', () => {
  const base = { from: 'person:a', to: 'org:b', maxLength: int(4), maxPaths: int(10), types: null, asOf: null };

  it.each([
    ['without filters', base],
    ['with relation types and a day', { ...base, types: ['HOLDS_OFFICE_AT', 'MEMBER_OF'], asOf: '2022-08-31' }],
  ])('search from both ends at once (ShortestPath), never an exhaustive fallback, %s', async (_, params) => {
    const ops = await operators('paths', params);
    expect(ops).toContain('ShortestPath');
    // An exhaustive search for the case that no path is found: every path of up to 6 hops, explosive around hubs.
    expect(ops).not.toContain('AntiConditionalApply');
    expect(ops.some((op) => op.startsWith('VarLengthExpand'))).toBe(false);
  });
});

describe('neighbourhood', () => {
  it.each([1, 2, 3])('expands hop by hop at depth %i: no path enumeration (VarLengthExpand)', async (depth) => {
    const ops = await operators('neighborhood', {
      ids: ['person:a'],
      depth: int(depth),
      limit: int(100),
      kinds: null,
      types: null,
      asOf: null,
    });
    expect(ops.filter((op) => op === 'Expand(All)').length).toBeGreaterThanOrEqual(3);
    expect(ops.some((op) => op.startsWith('VarLengthExpand'))).toBe(false);
  });
});

describe('relations by id', () => {
  it.each([
    ['relations-by-ids', { ids: ['rel:x'] }],
    ['relation-lock', { id: 'rel:x' }],
    ['relation-ids-like', { prefix: 'rel:x' }],
  ] as const)(
    '%s seeks the relation types’ id indexes instead of scanning every relationship',
    async (name, params) => {
      const ops = await operators(name, params);
      expect(ops.filter((op) => /Relationship(Unique)?Index(Seek|SeekByRange)/.test(op)).length).toBeGreaterThan(10);
      expect(ops.some((op) => /AllRelationshipsScan|RelationshipTypeScan/.test(op))).toBe(false);
    },
  );
});

describe('timeline', () => {
  it.each([
    ['a window', { from: '2022-01-01', to: '2022-03-31' }],
    ['no window', { from: null, to: null }],
  ])('reads events by a range seek on their start day, with %s', async (_, window) => {
    const ops = await operators('timeline', {
      ...window,
      eventTypes: null,
      entityId: null,
      regionId: null,
      skip: int(0),
      limit: int(50),
    });
    expect(ops).toContain('NodeIndexSeekByRange');
    expect(ops).not.toContain('NodeByLabelScan');
  });
});
