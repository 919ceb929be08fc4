import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EditorsWorld, type Reply, startEditorsWorld } from '../support/editors.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { BAD_DATES, CYPHER_INJECTIONS, LUCENE_QUERIES, SEED } from '../support/hostile/tables.js';

// Random input from fast-check against the API on a seeded Neo4j of its own. The seed is fixed so a run can be
// repeated; fast-check prints it, with the smallest failing input, when a property fails.
const RUNS = { numRuns: 100, seed: 20_240_901, endOnFailure: true } as const;

let world: EditorsWorld;
beforeAll(async () => {
  world = await startEditorsWorld();
});
afterAll(() => world?.stop());

type Body = Reply<Record<string, unknown>>;

/** The property every answer must have: no 5xx, and every error a typed one a client can act on. */
function assertTyped(status: number, body: Body, allowed: readonly string[]): void {
  expect(status).toBeLessThan(500);
  for (const error of body.errors ?? []) {
    expect(allowed, JSON.stringify(error)).toContain(error.extensions?.code);
  }
}

/** Text as people and attackers type it: anything Unicode, Lucene and Cypher syntax, HTML, edges of the limits. */
const text = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      ...CYPHER_INJECTIONS,
      ...LUCENE_QUERIES,
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("x")',
      ' ',
    ),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('\uD800', 'a\uDC00b', '\u0000', '\u200B', 'e\u0301', 'İstanbul', 'ß'), weight: 1 },
  { arbitrary: fc.string({ minLength: 295, maxLength: 305 }), weight: 1 },
  { arbitrary: fc.string({ minLength: 495, maxLength: 505 }), weight: 1 },
);

/** A partial date, mostly well-formed. */
const date = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date('1800-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(d.toISOString().slice(0, 4), d.toISOString().slice(0, 7), d.toISOString().slice(0, 10)),
      ),
    weight: 5,
  },
  { arbitrary: fc.constantFrom(...BAD_DATES.filter((value): value is string => typeof value === 'string')), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
const qualifier = fc.constantFrom('EXACT', 'ON_OR_AFTER', 'ON_OR_BEFORE');

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** The text as the model keeps it: trimmed. */
const trimmed = (value: string) => value.trim();

describe('search', () => {
  const SEARCH = 'query ($q: String!) { search(query: $q, first: 20) { totalCount nodes { id } } }';
  const LUCENE_SYNTAX = /[+\-&|!(){}[\]^"~*?:\\/]/g;

  it('answers any text with hits or BAD_USER_INPUT, and reads Lucene syntax as plain text', async () => {
    const query = fc.oneof(
      text,
      fc
        .array(
          fc.constantFrom(
            'OZG',
            'Hüskens',
            'digital',
            'AND',
            'OR',
            'NOT',
            '*',
            '~2',
            '^3',
            ':',
            '"',
            '(',
            ')',
            '\\',
            ' ',
          ),
          {
            maxLength: 8,
          },
        )
        .map((words) => words.join('')),
    );
    let searches = 0;
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        searches += 1;
        const { body, response } = await world.call(SEARCH, { q });
        assertTyped(response.status, body, ['BAD_USER_INPUT']);
        // The same words without the syntax find the same entities in the same order.
        const plain = await world.call(SEARCH, { q: q.replace(LUCENE_SYNTAX, ' ') });
        if (q.length <= 200) expect(plain.body).toEqual(body);
      }),
      { ...RUNS, numRuns: 150 },
    );
    console.log(`fuzz search: ${searches} runs`);
  }, 180_000);
});

describe('entities', () => {
  const READ = `query ($id: ID!) { node(id: $id) { ... on Entity { id kind name aliases description }
    ... on Event { eventType date { date precision qualifier } } ... on Law { abbreviation } } }`;
  const CREATE = 'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }';

  /** Mostly the attributes of the kind, sometimes one of another kind (which must be refused). */
  const input = fc.constantFrom('PERSON', 'LAW', 'EVENT', 'INITIATIVE').chain((kind) =>
    fc.record(
      {
        kind: fc.constant(kind),
        name: text,
        aliases: fc.array(text, { maxLength: 4 }),
        description: fc.option(text, { nil: null }),
        ...(kind === 'LAW' ? { abbreviation: text } : {}),
        ...(kind === 'EVENT' || kind === 'PERSON'
          ? { eventType: fc.constantFrom('MEETING', 'DECISION', 'OTHER'), date, dateQualifier: qualifier }
          : {}),
        ...(kind === 'INITIATIVE' ? { initiativeType: fc.constantFrom('PROGRAMME', 'PROJECT', 'TOPIC') } : {}),
      },
      {
        requiredKeys: [
          'kind',
          'name',
          ...(kind === 'EVENT' ? ['eventType'] : kind === 'INITIATIVE' ? ['initiativeType'] : []),
        ] as never[],
      },
    ),
  ) as fc.Arbitrary<{
    kind: string;
    name: string;
    aliases?: string[];
    description?: string | null;
    abbreviation?: string;
    eventType?: string;
    date?: string;
    dateQualifier?: string;
    initiativeType?: string;
  }>;

  it('creates what it accepts exactly as sent (trimmed), and nothing else', async () => {
    let before = await graphFingerprint(world.db);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(input, async (candidate) => {
        const { body, response } = await world.call(CREATE, { input: candidate }, 'editor');
        assertTyped(response.status, body, ['BAD_USER_INPUT']);
        const after = await graphFingerprint(world.db);
        const id = (body.data?.createEntity as { id?: string } | null | undefined)?.id;
        if (!id) {
          expect(after).toEqual(before);
          return;
        }
        accepted += 1;
        before = after;
        const read = await world.call<{ node: Record<string, unknown> }>(READ, { id });
        const node = read.body.data?.node ?? {};
        expect(node.kind).toBe(candidate.kind);
        expect(node.name).toBe(trimmed(candidate.name));
        expect(node.aliases).toEqual((candidate.aliases ?? []).map(trimmed));
        expect(node.description).toBe(candidate.description == null ? null : trimmed(candidate.description));
        if (candidate.kind === 'LAW') expect(node.abbreviation).toBe(candidate.abbreviation?.trim() ?? null);
        if (candidate.kind === 'EVENT') {
          expect(node.eventType).toBe(candidate.eventType ?? null);
          expect(node.date).toEqual(
            candidate.date === undefined
              ? null
              : {
                  date: candidate.date,
                  precision: candidate.date.length === 4 ? 'YEAR' : candidate.date.length === 7 ? 'MONTH' : 'DAY',
                  qualifier: candidate.dateQualifier ?? 'EXACT',
                },
          );
        }
      }),
      RUNS,
    );
    console.log(`fuzz createEntity: ${RUNS.numRuns} runs, ${accepted} accepted`);
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);

  it('updates what it accepts exactly as sent, and changes nothing it refuses', async () => {
    const created = await world.call<{ createEntity: { id: string } }>(
      CREATE,
      { input: { kind: 'PERSON', name: `Fuzz Patch ${world.run}` } },
      'editor',
    );
    const id = created.body.data?.createEntity.id ?? '';
    const patch = fc.record(
      { name: text, aliases: fc.array(text, { maxLength: 3 }), description: fc.option(text, { nil: null }) },
      { requiredKeys: [] },
    );
    let before = await graphFingerprint(world.db);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(patch, fc.boolean(), async (changes, stale) => {
        const current = await world.call<{
          node: { version: number; name: string; aliases: string[]; description: string | null };
        }>('query ($id: ID!) { node(id: $id) { ... on Entity { version name aliases description } } }', { id });
        const was = current.body.data?.node;
        if (!was) throw new Error('the entity under test is gone');
        const version = stale ? was.version - 1 : was.version;
        const { body, response } = await world.call(
          'mutation ($id: ID!, $v: Int!, $p: EntityPatch!) { updateEntity(id: $id, version: $v, patch: $p) { id } }',
          { id, v: version, p: changes },
          'editor',
        );
        assertTyped(response.status, body, ['BAD_USER_INPUT', 'CONFLICT']);
        const after = await graphFingerprint(world.db);
        if (body.errors) {
          expect(after).toEqual(before);
          return;
        }
        expect(stale).toBe(false);
        accepted += 1;
        before = after;
        const read = await world.call<{ node: Record<string, unknown> }>(READ, { id });
        expect(read.body.data?.node).toMatchObject({
          name: changes.name === undefined ? was.name : trimmed(changes.name),
          aliases: changes.aliases === undefined ? was.aliases : changes.aliases.map(trimmed),
          description:
            changes.description === undefined
              ? was.description
              : changes.description === null
                ? null
                : trimmed(changes.description),
        });
      }),
      RUNS,
    );
    console.log(`fuzz updateEntity: ${RUNS.numRuns} runs, ${accepted} accepted`);
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);
});

describe('relations', () => {
  it('creates the facts it accepts exactly as sent, and nothing it refuses', async () => {
    const READ = `query ($id: ID!) { node(id: $id) { ... on Relation { type role from { id } to { id }
      validFrom { date qualifier } validTo { date qualifier } citations { article { id } quote } } } }`;
    const fact = fc.record(
      {
        role: optional(fc.option(text, { nil: null })),
        validFrom: optional(date),
        validFromQualifier: optional(qualifier),
        validTo: optional(date),
        validToQualifier: optional(qualifier),
        quote: optional(fc.option(text, { nil: null })),
        // Mostly a law, which a person may support; else an end of the wrong kind, or none.
        to: fc.oneof(
          { arbitrary: fc.constant(SEED.law), weight: 4 },
          { arbitrary: fc.constantFrom(SEED.person, SEED.article, 'law:no-such-law'), weight: 1 },
        ),
      },
      { requiredKeys: ['to'] },
    );
    let before = await graphFingerprint(world.db);
    let accepted = 0;
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(fact, async ({ to, quote, ...rest }) => {
        serial += 1;
        const input = {
          id: `rel:fuzz-${world.run}-${serial}`,
          type: 'SUPPORTS',
          from: SEED.person,
          to,
          ...rest,
          citations: [{ article: SEED.article, ...(quote === undefined ? {} : { quote }) }],
        };
        const { body, response } = await world.call(
          'mutation ($input: CreateRelationInput!) { createRelation(input: $input) { id } }',
          { input },
          'editor',
        );
        assertTyped(response.status, body, ['BAD_USER_INPUT', 'NOT_FOUND']);
        const after = await graphFingerprint(world.db);
        if (body.errors) {
          expect(after).toEqual(before);
          return;
        }
        accepted += 1;
        before = after;
        const read = await world.call<{ node: Record<string, unknown> }>(READ, { id: input.id });
        const day = (value: string | undefined, q: string | undefined) =>
          value === undefined ? null : { date: value, qualifier: q ?? 'EXACT' };
        expect(read.body.data?.node).toEqual({
          type: 'SUPPORTS',
          role: rest.role == null ? null : trimmed(rest.role),
          from: { id: SEED.person },
          to: { id: to },
          validFrom: day(rest.validFrom, rest.validFromQualifier),
          validTo: day(rest.validTo, rest.validToQualifier),
          citations: [{ article: { id: SEED.article }, quote: quote == null ? null : trimmed(quote) }],
        });
      }),
      RUNS,
    );
    console.log(`fuzz createRelation: ${RUNS.numRuns} runs, ${accepted} accepted`);
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);
});
