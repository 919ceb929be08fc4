import { afterAll, describe, expect, it } from 'vitest';
import { setupApi } from '../support/api.js';
import { factsOf, neighboursOf, SEED } from '../support/seed-facts.js';

const { db, gql } = setupApi();
afterAll(() => db.close());

interface SearchResult {
  search: {
    totalCount: number;
    edges: Array<{ cursor: string; score: number; node: { id: string; name: string; kind: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const SEARCH = `query ($q: String!, $kinds: [EntityKind!], $first: Int, $after: String) {
  search(query: $q, kinds: $kinds, first: $first, after: $after) {
    totalCount
    edges { cursor score node { id name kind } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('search', () => {
  it.each(['Hüskens', 'Hueskens', 'huskens', 'HÜSKENS', 'Lydia Hüs'])('finds Lydia Hüskens as "%s"', async (q) => {
    const { data, errors } = await gql<SearchResult>(SEARCH, { q });
    expect(errors).toBeUndefined();
    expect(data?.search.edges[0]?.node).toEqual({ id: 'person:lydia-hueskens', name: 'Lydia Hüskens', kind: 'PERSON' });
  });

  it('finds the ministry by its abbreviation and the law by OZG', async () => {
    const mid = await gql<SearchResult>(SEARCH, { q: 'MID' });
    expect(mid.data?.search.edges.map((e) => e.node.id)).toContain('org:mid-sachsen-anhalt');
    const ozg = await gql<SearchResult>(SEARCH, { q: 'OZG' });
    expect(ozg.data?.search.edges[0]?.node.name).toBe('Onlinezugangsgesetz');
  });

  it('ranks an exact word above a mere prefix', async () => {
    const { data } = await gql<SearchResult>(SEARCH, { q: 'Sachsen', kinds: ['REGION'] });
    const names = data?.search.edges.map((e) => e.node.name) ?? [];
    expect(names[0]).toBe('Sachsen');
    expect(names).toContain('Sachsen-Anhalt');
    const scores = data?.search.edges.map((e) => e.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('filters by kind', async () => {
    const { data } = await gql<SearchResult>(SEARCH, { q: 'Sachsen', kinds: ['ORGANIZATION'] });
    expect(data?.search.edges.length).toBeGreaterThan(0);
    expect(data?.search.edges.every((e) => e.node.kind === 'ORGANIZATION')).toBe(true);
  });

  it('pages through all results with cursors, without gaps or repeats', async () => {
    const first = await gql<SearchResult>(SEARCH, { q: 'Kreis', first: 100 });
    const total = first.data?.search.totalCount ?? 0;
    expect(total).toBeGreaterThan(20);
    const all = first.data?.search.edges.map((e) => e.node.id) ?? [];
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result: { data?: SearchResult | null } = await gql<SearchResult>(SEARCH, { q: 'Kreis', first: 7, after });
      const connection = result.data?.search;
      paged.push(...(connection?.edges.map((e) => e.node.id) ?? []));
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(paged).toHaveLength(Math.min(total, 100) === total ? total : paged.length);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.slice(0, all.length)).toEqual(all.slice(0, paged.length));
  });

  it.each([
    ['an empty text', { q: '   ' }, 'The search text needs at least one letter or digit.'],
    ['only punctuation', { q: '"*:(' }, 'The search text needs at least one letter or digit.'],
    ['a page too large', { q: 'a', first: 500 }, '"first" must be between 0 and 100, got 500.'],
    [
      'a made-up cursor',
      { q: 'a', after: 'bm9wZQ==' },
      '"after" is not a cursor this API gave out ("bm9wZQ=="); use a cursor from pageInfo or an edge.',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_what, variables, message) => {
    const { data, errors } = await gql<SearchResult>(SEARCH, variables);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });
});

interface HoodResult {
  neighborhood: {
    truncated: boolean;
    nodes: Array<{ id: string; name: string }>;
    edges: Array<{
      id: string;
      type: string;
      role: string | null;
      from: { id: string };
      to: { id: string };
      citations: Array<{ quote: string | null; article: { title: string; publishedOn: string } }>;
    }>;
  };
}

const HOOD = `query ($ids: [ID!]!, $depth: Int, $limit: Int, $types: [RelationType!]) {
  neighborhood(ids: $ids, depth: $depth, limit: $limit, relationTypes: $types) {
    truncated
    nodes { id name }
    edges { id type role from { id } to { id } citations { quote article { title publishedOn } } }
  }
}`;

describe('neighborhood', () => {
  it('gives Lydia Hüskens with her ministry and the meeting, each fact cited', async () => {
    const { data, errors } = await gql<HoodResult>(HOOD, { ids: ['person:lydia-hueskens'] });
    expect(errors).toBeUndefined();
    const ids = data?.neighborhood.nodes.map((n) => n.id).sort();
    const hers = neighboursOf('person:lydia-hueskens');
    for (const id of ['event:digitalrat-sachsen-anhalt-2022-sitzung-2', 'org:mid-sachsen-anhalt'])
      expect(hers).toContain(id);
    expect(ids).toEqual(['person:lydia-hueskens', ...hers].sort());
    const office = data?.neighborhood.edges.find((e) => e.id === 'rel:hueskens-ministerin-mid');
    expect(office).toMatchObject({
      type: 'HOLDS_OFFICE_AT',
      from: { id: 'person:lydia-hueskens' },
      to: { id: 'org:mid-sachsen-anhalt' },
      role: 'Ministerin für Infrastruktur und Digitales',
    });
    expect(office?.citations[0]).toEqual({
      quote: 'Neben der Ministerin für Infrastruktur und Digitales, Lydia Hüskens,',
      article: { title: 'Sachsen-Anhalt: Digitalrat tritt erneut zusammen', publishedOn: '2022-08-31' },
    });
    expect(data?.neighborhood.truncated).toBe(false);
  });

  it('reaches two hops out and returns every relation among the nodes', async () => {
    const { data } = await gql<HoodResult>(HOOD, { ids: ['person:lydia-hueskens'], depth: 2 });
    const ids = new Set(data?.neighborhood.nodes.map((n) => n.id));
    for (const id of ['org:digitalrat-sachsen-anhalt', 'person:markus-bauer', 'region:bernburg-saale', 'region:15']) {
      expect(ids).toContain(id);
    }
    for (const edge of data?.neighborhood.edges ?? []) {
      expect(ids.has(edge.from.id) && ids.has(edge.to.id)).toBe(true);
    }
    // The Digitalrat advises the ministry: both are in, so that edge must be too.
    expect(data?.neighborhood.edges.map((e) => e.id)).toContain('rel:digitalrat-beraet-mid');
  });

  it('honours the limit, nearest first, and says it truncated', async () => {
    const { data } = await gql<HoodResult>(HOOD, { ids: ['region:15'], limit: 5 });
    expect(data?.neighborhood.nodes).toHaveLength(6);
    expect(data?.neighborhood.truncated).toBe(true);
    const all = await gql<HoodResult>(HOOD, { ids: ['region:15'], limit: 1000 });
    expect(all.data?.neighborhood.truncated).toBe(false);
    // Sachsen-Anhalt and all it is linked to: the Bund, 14 Kreise, ministries, councils, people …
    expect(neighboursOf('region:15').size).toBeGreaterThan(1 + 14 + 3);
    expect(all.data?.neighborhood.nodes).toHaveLength(1 + neighboursOf('region:15').size);
  });

  it('follows only the relation types asked for', async () => {
    const { data } = await gql<HoodResult>(HOOD, { ids: ['region:15'], types: ['PART_OF'], limit: 1000 });
    expect(data?.neighborhood.edges.every((e) => e.type === 'PART_OF')).toBe(true);
    // The Bund above it, its 14 Kreise and what else the sources say is part of it (its ministries …).
    const parts = neighboursOf('region:15', ['PART_OF']);
    expect(parts).toContain('region:de');
    expect([...parts].filter((id) => /^region:15\d{3}$/.test(id))).toHaveLength(14);
    expect(data?.neighborhood.nodes).toHaveLength(1 + parts.size);
  });

  it.each([
    ['an unknown id', { ids: ['person:nobody'] }, 'NOT_FOUND', 'No entity with id person:nobody.'],
    ['a depth of 50', { ids: ['law:ozg'], depth: 50 }, 'BAD_USER_INPUT', '"depth" must be between 1 and 3, got 50.'],
    [
      'a negative limit',
      { ids: ['law:ozg'], limit: -1 },
      'BAD_USER_INPUT',
      '"limit" must be between 0 and 1000, got -1.',
    ],
    ['no ids', { ids: [] }, 'BAD_USER_INPUT', '"ids" must be between 1 and 50, got 0.'],
    [
      'a malformed id',
      { ids: ["x') DETACH DELETE n //"] },
      'BAD_USER_INPUT',
      `"x') DETACH DELETE n //" is not a GovGraph id; ids look like person:lydia-hueskens or region:15089.`,
    ],
  ])('refuses %s with a clear error', async (_what, variables, code, message) => {
    const { data, errors } = await gql<HoodResult>(HOOD, variables);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ message, extensions: { code } });
  });
});

describe('node and nodes', () => {
  it('load any entity or relation by its global id, with kind-specific fields', async () => {
    const { data, errors } = await gql<{
      region: { name: string; level: string; ags: string; nuts: string; population: number } | null;
      law: { name: string; aliases: string[]; mentionedIn: { nodes: Array<{ title: string }> } } | null;
      relation: { type: string; from: { name: string }; to: { name: string } } | null;
      missing: unknown;
    }>(`{
      region: node(id: "region:15089") { ... on Region { name level ags nuts population } }
      law: node(id: "law:ozg") { ... on Law { name aliases mentionedIn { nodes { title } } } }
      relation: node(id: "rel:digitalrat-beraet-mid") { ... on Relation { type from { name } to { name } } }
      missing: node(id: "person:nobody") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.region).toEqual({
      name: 'Salzlandkreis',
      level: 'KREIS',
      ags: '15089',
      nuts: 'DEE0C',
      population: 190560,
    });
    // The articles that name the OZG, newest first (the first page of 20).
    const citing = new Set(SEED.mentions.filter((m) => m.entity === 'law:ozg').map((m) => m.article));
    const articles = SEED.entities
      .filter((e) => citing.has(e.id))
      .sort((a, b) =>
        a.publishedOn === b.publishedOn
          ? a.id < b.id
            ? -1
            : 1
          : (a.publishedOn ?? '') > (b.publishedOn ?? '')
            ? -1
            : 1,
      );
    expect(articles.map((a) => a.name)).toContain('Sachsen-Anhalt: Digitalrat tritt erneut zusammen');
    expect(data?.law).toEqual({
      name: 'Onlinezugangsgesetz',
      aliases: ['OZG'],
      mentionedIn: { nodes: articles.slice(0, 20).map((a) => ({ title: a.name })) },
    });
    expect(data?.relation).toEqual({
      type: 'ADVISES',
      from: { name: 'Digitalrat Sachsen-Anhalt' },
      to: { name: 'Ministerium für Infrastruktur und Digitales' },
    });
    expect(data?.missing).toBeNull();
  });

  it('pages an entity’s relations in a stable order', async () => {
    const query = `query ($after: String) { node(id: "org:mid-sachsen-anhalt") { ... on Entity {
      relations(first: 2, after: $after) { totalCount edges { cursor node { id type } } pageInfo { hasNextPage endCursor } }
    } } }`;
    type R = {
      node: {
        relations: {
          totalCount: number;
          edges: Array<{ node: { id: string; type: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    // By type, then id.
    const facts = factsOf('org:mid-sachsen-anhalt')
      .map((r) => ({ id: r.id, type: r.type }))
      .sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : 1) : a.type < b.type ? -1 : 1));
    expect(facts.length).toBeGreaterThan(4);
    const seen: Array<{ id: string; type: string }> = [];
    let after: string | undefined;
    for (let page = 0; page < Math.ceil(facts.length / 2); page += 1) {
      const { data } = await gql<R>(query, after ? { after } : {});
      expect(data?.node.relations.totalCount).toBe(facts.length);
      seen.push(...(data?.node.relations.edges.map((e) => e.node) ?? []));
      expect(data?.node.relations.pageInfo.hasNextPage).toBe(seen.length < facts.length);
      after = data?.node.relations.pageInfo.endCursor;
    }
    expect(seen).toEqual(facts);
  });
});

describe('errors', () => {
  it('are typed and never leak internals', async () => {
    const { errors } = await gql('{ search(query: 5) { totalCount } }');
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const bad = await gql('{ nope }');
    expect(bad.errors?.[0]?.message).toMatch(/^Cannot query field "nope" on type "Query"./);
    expect(JSON.stringify(bad)).not.toMatch(/stack|neo4j|cypher/i);
  });
});

describe('the model through the API', () => {
  it('counts entities per kind and regions per level', async () => {
    const { data, errors } = await gql<{
      stats: {
        entities: number;
        kinds: Array<{ kind: string; count: number }>;
        regionLevels: Array<{ level: string; count: number }>;
        relationTypes: Array<{ type: string; count: number }>;
        newestArticleDate: string;
      };
    }>(
      '{ stats { entities kinds { kind count } regionLevels { level count } relationTypes { type count } newestArticleDate } }',
    );
    expect(errors).toBeUndefined();
    const levels = Object.fromEntries(data?.stats.regionLevels.map((l) => [l.level, l.count]) ?? []);
    const tally = (values: ReadonlyArray<string | undefined>) => {
      const counts: Record<string, number> = {};
      for (const value of values) if (value) counts[value] = (counts[value] ?? 0) + 1;
      return counts;
    };
    const regions = SEED.entities.filter((e) => e.kind === 'REGION');
    expect(levels).toEqual(tally(regions.map((r) => r.level)));
    expect(levels).toMatchObject({ BUND: 1, LAND: 16, KREIS: 401 });
    const kinds = Object.fromEntries(data?.stats.kinds.map((k) => [k.kind, k.count]) ?? []);
    // Other test files add entities of their own; the seed's are all there.
    for (const [kind, count] of Object.entries(tally(SEED.entities.map((e) => e.kind)))) {
      expect(kinds[kind]).toBeGreaterThanOrEqual(count);
    }
    expect(data?.stats.entities).toBe(Object.values(kinds).reduce((a, b) => a + b, 0));
    expect(data?.stats.relationTypes.find((t) => t.type === 'PART_OF')?.count).toBeGreaterThanOrEqual(417);
    const newest =
      SEED.entities
        .map((e) => e.publishedOn ?? '')
        .sort()
        .at(-1) ?? '';
    expect(newest >= '2025').toBe(true);
    expect(data?.stats.newestArticleDate).toBe(newest);
  });

  it.each([
    ['NKR', 'Nationaler Normenkontrollrat'],
    ['Normenkontrollrat', 'Nationaler Normenkontrollrat'],
    ['Schloemer', 'Bernd Schlömer'],
    ['schlomer', 'Bernd Schlömer'],
    ['MID', 'Ministerium für Infrastruktur und Digitales'],
    ['OZG 2.0', 'OZG-Änderungsgesetz'],
    ['Onlinezugangsgesetz', 'Onlinezugangsgesetz'],
    ['CDO', 'Chief Digital Officer'],
    ['Thueringen', 'Thüringen'],
  ])('finds "%s" as %s', async (q, name) => {
    const { data } = await gql<SearchResult>(SEARCH, { q });
    expect(data?.search.edges[0]?.node.name).toBe(name);
  });

  it('tells what is known from one article, with dates and their precision', async () => {
    const { data, errors } = await gql<{
      article: {
        title: string;
        publishedOn: string;
        facts: {
          totalCount: number;
          nodes: Array<{
            type: string;
            from: { name: string };
            to: { name: string };
            validFrom: { date: string; precision: string; qualifier: string } | null;
            validTo: { date: string; precision: string; qualifier: string } | null;
          }>;
        };
      } | null;
    }>(`{ article(id: "article:kommune21-2024-03-28-baden-wuerttemberg-e-government") {
      title publishedOn
      facts(first: 10) { totalCount nodes { type from { name } to { name }
        validFrom { date precision qualifier } validTo { date precision qualifier } } }
    } }`);
    expect(errors).toBeUndefined();
    expect(data?.article?.title).toBe('Baden-Württemberg: Koordiniertes E-Government');
    expect(data?.article?.facts.totalCount).toBe(3);
    const funding = data?.article?.facts.nodes.find((f) => f.type === 'SUPPORTS');
    expect(funding).toEqual({
      type: 'SUPPORTS',
      from: { name: 'Baden-Württemberg' },
      to: { name: 'E-Government-Koordinatorinnen und -Koordinatoren Baden-Württemberg' },
      validFrom: { date: '2024-03-28', precision: 'DAY', qualifier: 'ON_OR_BEFORE' },
      validTo: { date: '2025-06', precision: 'MONTH', qualifier: 'EXACT' },
    });
  });

  it('gives events a date with precision and a place, and entities their figures', async () => {
    const { data, errors } = await gql<{
      meeting: {
        date: { date: string; precision: string; qualifier: string };
        place: Array<{ name: string; level: string }>;
      };
      programme: {
        initiativeType: string;
        figures: Array<{ label: string; value: number; citation: { quote: string } }>;
      };
      ministry: { orgType: string; website: string; version: number; recordedBy: string | null };
    }>(`{
      meeting: node(id: "event:digitalrat-sachsen-anhalt-2022-sitzung-2") { ... on Event { date { date precision qualifier } place { name level } } }
      programme: node(id: "initiative:e-government-koordinatoren-bw") { ... on Initiative { initiativeType figures { label value citation { quote } } } }
      ministry: node(id: "org:mid-sachsen-anhalt") { ... on Organization { orgType website version recordedBy } }
    }`);
    expect(data?.meeting).toEqual({
      date: { date: '2022-08-31', precision: 'DAY', qualifier: 'ON_OR_BEFORE' },
      place: [{ name: 'Bernburg (Saale)', level: 'GEMEINDE' }],
    });
    expect(data?.programme).toEqual({
      initiativeType: 'PROGRAMME',
      figures: [
        {
          label: 'Koordinatorinnen und Koordinatoren',
          value: 38,
          citation: { quote: 'Die ingesamt 38 Koordinatorinnen und Koordinatoren' },
        },
      ],
    });
    // Who recorded it is for editors: an anonymous reader gets the rest, and an error at that field.
    expect(data?.ministry).toEqual({
      orgType: 'MINISTRY',
      website: 'https://mid.sachsen-anhalt.de',
      version: 1,
      recordedBy: null,
    });
    expect(errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['ministry', 'recordedBy'], 'UNAUTHENTICATED']]);
  });

  it('refuses an article query for an id that is not an article', async () => {
    const { errors } = await gql('{ article(id: "law:ozg") { title } }');
    expect(errors?.[0]).toMatchObject({
      message: '"law:ozg" is not an article id; article ids start with "article:".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
