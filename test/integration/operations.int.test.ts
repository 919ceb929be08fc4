import { afterAll, describe, expect, it } from 'vitest';
import * as generated from '../../web/src/generated/graphql.js';
import { setupApi } from '../support/api.js';

const { db, gql } = setupApi();
afterAll(() => db.close());

/**
 * Every query the explorer sends, with the largest variables it ever sends,
 * against the real server: none may be refused by the query limits (cost,
 * depth, tokens) or fail validation.
 */
const largest: Record<string, Record<string, unknown>> = {
  SearchDocument: { query: 'digital', first: 8 },
  NeighborhoodDocument: { ids: ['region:09'], depth: 1, limit: 960, asOf: '2022-08-31', relationTypes: ['PART_OF'] },
  PathsDocument: { from: 'person:bernd-schloemer', to: 'region:15089', asOf: null },
  EntitiesDocument: { ids: ['person:bernd-schloemer', 'region:15', 'law:ozg'] },
  ArticleFactsDocument: { id: 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt' },
  RelationsDocument: { ids: ['rel:schloemer-landes-cio', 'rel:part-of-15089'] },
  RelationCountsDocument: { id: 'region:15', asOf: '2022-08-31' },
  MeDocument: {},
  // What a visitor's explorer asks; editors' also ask who and what before and after (`audit: true`).
  HistoryDocument: { id: 'person:lydia-hueskens', audit: false },
  EditableRelationDocument: { id: 'rel:hueskens-ministerin-mid' },
};
/**
 * Editors' queries, sent here anonymously: refused as UNAUTHENTICATED, which the
 * server only says after the query passed validation and the limits.
 */
const editorsOnly: Record<string, Record<string, unknown>> = {
  ProposeFactsDocument: {
    article: {
      title: 'T',
      publishedOn: '2022-08-31',
      url: 'https://example.org/a',
      publisher: 'P',
      text: 'x'.repeat(100_000),
    },
  },
  PendingIntakesDocument: {},
  // The edit form's entity, with who recorded it.
  EditableEntityDocument: { id: 'region:15' },
};
/** Anonymous here: `me` is rightly null. */
const MAY_BE_NULL = new Set(['MeDocument']);

describe("the explorer's queries", () => {
  // Mutations are exercised where they may change the graph (editing tests on a Neo4j of their own).
  const documents = Object.entries(generated).filter(
    ([name, document]) => name.endsWith('Document') && /^\s*query/.test(String(document)),
  );

  it('are all covered here', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      [...Object.keys(largest), ...Object.keys(editorsOnly)].sort(),
    );
  });

  it.each(Object.keys(editorsOnly))(
    '%s passes validation and limits, and asks anonymous callers to log in',
    async (name) => {
      const document = (generated as Record<string, unknown>)[name];
      const response = await gql<Record<string, unknown>>(String(document), editorsOnly[name]);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    },
  );

  it.each(Object.keys(largest))('%s runs within the server limits and returns data', async (name) => {
    const document = (generated as Record<string, unknown>)[name];
    const response = await gql<Record<string, unknown>>(String(document), largest[name]);
    expect(response.errors).toBeUndefined();
    if (!MAY_BE_NULL.has(name)) expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
  });
});
