import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApi } from '../support/api.js';
import { EVENTS, type FACTS, factsOf, neighboursOf, SEED, validOn } from '../support/seed-facts.js';

const { db, gql } = setupApi();
afterAll(() => db.close());

interface PathsResult {
  paths: {
    length: number | null;
    paths: Array<{ nodeIds: string[]; edgeIds: string[]; length: number }>;
    nodes: Array<{ id: string }>;
    edges: Array<{ id: string; type: string }>;
  };
}

const PATHS = `query ($from: ID!, $to: ID!, $maxLength: Int, $asOf: Date, $types: [RelationType!]) {
  paths(from: $from, to: $to, maxLength: $maxLength, asOf: $asOf, relationTypes: $types) {
    length paths { nodeIds edgeIds length } nodes { id } edges { id type }
  }
}`;

describe('paths', () => {
  it('finds how Lydia Hüskens connects to the Salzlandkreis: every shortest path, three steps', async () => {
    const { data, errors } = await gql<PathsResult>(PATHS, { from: 'person:lydia-hueskens', to: 'region:15089' });
    expect(errors).toBeUndefined();
    expect(data?.paths.length).toBe(3);
    const routes = data?.paths.paths.map((p) => p.nodeIds.join(' > ')) ?? [];
    expect(routes).toContain(
      'person:lydia-hueskens > event:digitalrat-sachsen-anhalt-2022-sitzung-2 > person:markus-bauer > region:15089',
    );
    expect(routes).toContain(
      'person:lydia-hueskens > event:digitalrat-sachsen-anhalt-2022-sitzung-2 > region:bernburg-saale > region:15089',
    );
    expect(routes).toContain('person:lydia-hueskens > org:mid-sachsen-anhalt > region:15 > region:15089');
    for (const path of data?.paths.paths ?? []) {
      expect(path.length).toBe(3);
      expect(path.edgeIds).toHaveLength(3);
      expect(path.nodeIds[0]).toBe('person:lydia-hueskens');
      expect(path.nodeIds.at(-1)).toBe('region:15089');
    }
    const edgeIds = new Set(data?.paths.edges.map((e) => e.id));
    for (const path of data?.paths.paths ?? []) for (const id of path.edgeIds) expect(edgeIds).toContain(id);
  });

  it('follows only the relation types asked for, and says when nothing connects within maxLength', async () => {
    const viaEvents = await gql<PathsResult>(PATHS, {
      from: 'person:lydia-hueskens',
      to: 'region:15089',
      types: ['PARTICIPATED_IN', 'TOOK_PLACE_IN', 'PART_OF'],
    });
    expect(viaEvents.data?.paths.paths.map((p) => p.nodeIds)).toEqual([
      [
        'person:lydia-hueskens',
        'event:digitalrat-sachsen-anhalt-2022-sitzung-2',
        'region:bernburg-saale',
        'region:15089',
      ],
    ]);
    const tooShort = await gql<PathsResult>(PATHS, { from: 'person:lydia-hueskens', to: 'region:15089', maxLength: 2 });
    expect(tooShort.data?.paths).toEqual({ length: null, paths: [], nodes: [], edges: [] });
  });

  it('uses only facts valid on the asOf day', async () => {
    const now = await gql<PathsResult>(PATHS, { from: 'region:01', to: 'law:ozg-aenderungsgesetz' });
    expect(now.data?.paths.length).toBe(1);
    const before = await gql<PathsResult>(PATHS, {
      from: 'region:01',
      to: 'law:ozg-aenderungsgesetz',
      asOf: '2022-09-01',
    });
    expect(before.data?.paths.length).not.toBe(1);
  });

  it.each([
    [
      { from: 'person:lydia-hueskens', to: 'person:lydia-hueskens' },
      'BAD_USER_INPUT',
      '"from" and "to" are the same entity.',
    ],
    [
      { from: 'person:lydia-hueskens', to: 'region:15089', maxLength: 7 },
      'BAD_USER_INPUT',
      '"maxLength" must be between 1 and 6, got 7.',
    ],
    [{ from: 'person:nobody', to: 'region:15089' }, 'NOT_FOUND', 'No entity with id person:nobody.'],
    [
      { from: 'rel:digitalrat-beraet-mid', to: 'region:15089' },
      'BAD_USER_INPUT',
      '"rel:digitalrat-beraet-mid" is a relation; "from" takes an entity id.',
    ],
  ])('refuses %j', async (variables, code, message) => {
    const { errors } = await gql<PathsResult>(PATHS, variables);
    expect(errors?.[0]).toMatchObject({ message, extensions: { code } });
  });
});

interface HoodResult {
  neighborhood: {
    nodes: Array<{ id: string }>;
    edges: Array<{ id: string }>;
    truncated: boolean;
    hiddenNeighbors: Array<{ entity: { id: string }; count: number }>;
  };
}
const HOOD = `query ($ids: [ID!]!, $asOf: Date, $limit: Int) {
  neighborhood(ids: $ids, asOf: $asOf, limit: $limit) {
    nodes { id } edges { id } truncated hiddenNeighbors { entity { id } count }
  }
}`;

describe('neighborhood as of a day', () => {
  it('shows Schleswig-Holstein without its 2024 position when asked as of 2022-09-01', async () => {
    const now = await gql<HoodResult>(HOOD, { ids: ['region:01'], limit: 1000 });
    expect(now.data?.neighborhood.nodes.map((n) => n.id)).toContain('law:ozg-aenderungsgesetz');
    const then = await gql<HoodResult>(HOOD, { ids: ['region:01'], limit: 1000, asOf: '2022-09-01' });
    expect(then.data?.neighborhood.nodes.map((n) => n.id)).not.toContain('law:ozg-aenderungsgesetz');
    expect(then.data?.neighborhood.edges.map((e) => e.id)).not.toContain('rel:schleswig-holstein-lehnt-ozg-novelle-ab');
    // The Kreise of Schleswig-Holstein are timeless facts and stay; nothing appears that is not there today.
    const nowIds = now.data?.neighborhood.nodes.map((n) => n.id) ?? [];
    const thenIds = then.data?.neighborhood.nodes.map((n) => n.id) ?? [];
    const kreise = nowIds.filter((id) => /^region:01\d{3}$/.test(id));
    expect(kreise.length).toBeGreaterThan(10);
    expect(thenIds).toEqual(expect.arrayContaining(kreise));
    expect(nowIds).toEqual(expect.arrayContaining(thenIds));
    expect(thenIds.length).toBeLessThan(nowIds.length);
  });

  it('leaves out events that had not happened yet', async () => {
    const then = await gql<HoodResult>(HOOD, { ids: ['org:bundesrat'], limit: 1000, asOf: '2023-12-31' });
    const thenIds = then.data?.neighborhood.nodes.map((n) => n.id) ?? [];
    expect(thenIds).toContain('org:bundesrat');
    expect(thenIds).not.toContain('event:ozg-aenderungsgesetz-scheitert-im-bundesrat');
    const eventsThen = EVENTS.filter((e) => thenIds.includes(e.id));
    expect(eventsThen.length).toBeGreaterThan(0);
    for (const event of eventsThen) expect(event.start <= '2023-12-31').toBe(true);
    const later = await gql<HoodResult>(HOOD, { ids: ['org:bundesrat'], asOf: '2024-03-28' });
    expect(later.data?.neighborhood.nodes.map((n) => n.id)).toContain(
      'event:ozg-aenderungsgesetz-scheitert-im-bundesrat',
    );
  });

  it('says per entity how many neighbours the limit left out, each once however many facts lead to it', async () => {
    const { data } = await gql<HoodResult>(HOOD, { ids: ['region:15'], limit: 5 });
    expect(data?.neighborhood.truncated).toBe(true);
    expect(data?.neighborhood.nodes).toHaveLength(6);
    const saxonyAnhalt = data?.neighborhood.hiddenNeighbors.find((h) => h.entity.id === 'region:15');
    // Every neighbour of Sachsen-Anhalt (the Bund, its Kreise, ministries, councils, people …) but the 5 shown.
    const neighbours = neighboursOf('region:15');
    expect(neighbours.size).toBeGreaterThan(18);
    // Some are linked by more than one fact (a provider that serves the Land and sits in it).
    expect(factsOf('region:15').length).toBeGreaterThan(neighbours.size);
    expect(saxonyAnhalt?.count).toBe(neighbours.size - 5);
    // With a filter, the same rule.
    const filtered = await gql<HoodResult>(HOOD, { ids: ['region:15'], limit: 5, asOf: '2030-01-01' });
    const shown = (filtered.data?.neighborhood.nodes.length ?? 0) - 1;
    const valid = new Set(
      factsOf('region:15')
        .filter(validOn('2030-01-01'))
        .map((r) => (r.from === 'region:15' ? r.to : r.from)),
    );
    expect(filtered.data?.neighborhood.hiddenNeighbors.find((h) => h.entity.id === 'region:15')?.count).toBe(
      valid.size - shown,
    );
  });

  it('refuses a day that is not a date', async () => {
    const { errors } = await gql<HoodResult>(HOOD, { ids: ['law:ozg'], asOf: '2022-02-30' });
    expect(errors?.[0]?.message).toContain(
      'A Date is a calendar day written YYYY-MM-DD, e.g. 2022-09-01; got "2022-02-30".',
    );
  });
});

interface TimelineResult {
  timeline: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: { id: string; name: string; date: { date: string; qualifier: string } | null };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const TIMELINE = `query ($entityId: ID, $regionId: ID, $from: Date, $to: Date, $types: [EventType!], $first: Int, $after: String) {
  timeline(entityId: $entityId, regionId: $regionId, from: $from, to: $to, eventTypes: $types, first: $first, after: $after) {
    totalCount edges { cursor node { id name date { date qualifier } } } pageInfo { hasNextPage endCursor }
  }
}`;

describe('timeline', () => {
  it('lists the events of 2024', async () => {
    const { data, errors } = await gql<TimelineResult>(TIMELINE, { from: '2024-01-01', to: '2024-12-31', first: 100 });
    expect(errors).toBeUndefined();
    const of2024 = EVENTS.filter((e) => e.start <= '2024-12-31' && e.end >= '2024-01-01');
    expect(of2024.length).toBeGreaterThan(10);
    expect(data?.timeline.edges.map((e) => e.node.id)).toEqual(of2024.map((e) => e.id));
    expect(data?.timeline.edges.map((e) => e.node)).toContainEqual({
      id: 'event:ozg-aenderungsgesetz-scheitert-im-bundesrat',
      name: 'Scheitern des OZG-Änderungsgesetzes im Bundesrat',
      date: { date: '2024-03-22', qualifier: 'EXACT' },
    });
  });

  it('orders all events by date and pages through them', async () => {
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    for (;;) {
      const page: { data?: TimelineResult | null } = await gql<TimelineResult>(TIMELINE, { first: 25, after });
      expect(page.data?.timeline.totalCount).toBe(EVENTS.length);
      seen.push(...(page.data?.timeline.edges.map((e) => e.node.id) ?? []));
      pages += 1;
      if (!page.data?.timeline.pageInfo.hasNextPage) break;
      after = page.data.timeline.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(EVENTS.length / 25));
    expect(seen).toEqual(EVENTS.map((e) => e.id));
  });

  it('filters by entity, by region (including places inside it) and by type', async () => {
    const ids = async (variables: Record<string, unknown>) =>
      (await gql<TimelineResult>(TIMELINE, { first: 100, ...variables })).data?.timeline.edges.map((e) => e.node.id);
    const eventsOf = (id: string) =>
      EVENTS.filter((e) => factsOf(e.id).some((r) => r.from === id || r.to === id)).map((e) => e.id);
    expect(eventsOf('person:markus-bauer')).toContain('event:digitalrat-sachsen-anhalt-2022-sitzung-2');
    expect(await ids({ entityId: 'person:markus-bauer' })).toEqual(eventsOf('person:markus-bauer'));
    // The Digitalrat met in Bernburg (Saale), a town in the Salzlandkreis in Sachsen-Anhalt.
    expect(await ids({ regionId: 'region:15' })).toContain('event:digitalrat-sachsen-anhalt-2022-sitzung-2');
    expect(await ids({ regionId: 'region:15089' })).toEqual(['event:digitalrat-sachsen-anhalt-2022-sitzung-2']);
    expect(eventsOf('law:ozg-aenderungsgesetz').length).toBeGreaterThan(5);
    expect(await ids({ entityId: 'law:ozg-aenderungsgesetz' })).toEqual(eventsOf('law:ozg-aenderungsgesetz'));
    const decisions = EVENTS.filter((e) => e.eventType === 'DECISION').map((e) => e.id);
    expect(decisions).toContain('event:ozg-aenderungsgesetz-scheitert-im-bundesrat');
    expect(await ids({ types: ['DECISION'] })).toEqual(decisions);
  });

  it.each([
    [{ from: '2024-12-31', to: '2024-01-01' }, '"to" (2024-01-01) is before "from" (2024-12-31).'],
    [{ regionId: 'person:markus-bauer' }, '"person:markus-bauer" is not a region id; region ids start with "region:".'],
  ])('refuses %j', async (variables, message) => {
    const { errors } = await gql<TimelineResult>(TIMELINE, variables);
    expect(errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('relations as of a day, mentions as a connection', () => {
  it('pages mentions and filters relations by validity', async () => {
    const { data } = await gql<{
      node: {
        mentionedIn: { totalCount: number; nodes: Array<{ title: string }> };
        now: { totalCount: number };
        then: { totalCount: number };
      };
    }>(`{ node(id: "region:01") { ... on Entity {
      mentionedIn(first: 1) { totalCount nodes { title } }
      now: relations(types: [OPPOSES]) { totalCount }
      then: relations(types: [OPPOSES], asOf: "2022-09-01") { totalCount }
    } } }`);
    const articles = new Set(SEED.mentions.filter((m) => m.entity === 'region:01').map((m) => m.article));
    const titles = SEED.entities.filter((e) => articles.has(e.id)).map((e) => e.name);
    expect(titles).toContain('OZG 2.0: Zentralisierung als Hemmnis oder Chance?');
    expect(data?.node.mentionedIn.totalCount).toBe(articles.size);
    expect(data?.node.mentionedIn.nodes).toHaveLength(1);
    expect(titles).toContain(data?.node.mentionedIn.nodes[0]?.title);
    const opposes = factsOf('region:01').filter((r) => r.type === 'OPPOSES');
    expect(data?.node.now.totalCount).toBe(opposes.length);
    expect(data?.node.then.totalCount).toBe(opposes.filter(validOn('2022-09-01')).length);
    expect(data?.node.then.totalCount).toBeLessThan(opposes.length);
  });
});

interface MatchResult {
  search: { edges: Array<{ matched: { field: string; text: string }; node: { id: string } }> };
}
const MATCHED = `query ($q: String!) { search(query: $q, first: 100) { edges { matched { field text } node { id } } } }`;

describe('why a search hit matched', () => {
  it.each([
    ['MID', 'org:mid-sachsen-anhalt', { field: 'ALIAS', text: 'MID' }],
    ['Digitalmin', 'org:mid-sachsen-anhalt', { field: 'ALIAS', text: 'Digitalministerium' }],
    ['OZG', 'law:ozg', { field: 'ALIAS', text: 'OZG' }],
    ['OZG', 'law:ozg-aenderungsgesetz', { field: 'NAME', text: 'OZG-Änderungsgesetz' }],
    ['Hüskens', 'person:lydia-hueskens', { field: 'NAME', text: 'Lydia Hüskens' }],
    ['lydia hues', 'person:lydia-hueskens', { field: 'NAME', text: 'Lydia Hüskens' }],
    ['Innovationslabor', 'org:kreativraum-salzlandkreis', { field: 'ALIAS', text: 'Innovationslabor Salzlandkreis' }],
  ])('searching "%s" finds %s by %j', async (q, id, matched) => {
    const { data, errors } = await gql<MatchResult>(MATCHED, { q });
    expect(errors).toBeUndefined();
    expect(data?.search.edges.find((e) => e.node.id === id)?.matched).toEqual(matched);
  });
});

interface RegionResult {
  nodes: Array<{ id: string; region: { id: string; name: string } | null }>;
}

describe('where an entity belongs', () => {
  it('follows each kind’s rule: seat, office, parent region, place; none for laws and articles', async () => {
    const expected: Record<string, string | null> = {
      'org:digitalrat-sachsen-anhalt': 'region:15', // LOCATED_IN
      'org:kreisverwaltung-salzlandkreis': 'region:15089', // PART_OF
      'person:lydia-hueskens': 'region:15', // HOLDS_OFFICE_AT the MID, LOCATED_IN Sachsen-Anhalt
      'person:bernd-schloemer': 'region:15', // HOLDS_OFFICE_AT the Land itself
      'person:markus-bauer': 'region:15089', // Landrat
      'event:digitalrat-sachsen-anhalt-2022-sitzung-2': 'region:bernburg-saale', // TOOK_PLACE_IN
      'region:bernburg-saale': 'region:15089',
      'region:15089': 'region:15',
      'region:15': 'region:de',
      'region:de': null,
      'law:ozg': null,
      'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt': null,
    };
    const { data, errors } = await gql<RegionResult>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { id region { id name } } } }`,
      { ids: Object.keys(expected) },
    );
    expect(errors).toBeUndefined();
    expect(Object.fromEntries(data?.nodes.map((n) => [n.id, n.region?.id ?? null]) ?? [])).toEqual(expected);
    expect(data?.nodes.find((n) => n.id === 'person:lydia-hueskens')?.region?.name).toBe('Sachsen-Anhalt');
  });

  it('gives every Kreis its Land', async () => {
    const { data } = await gql<{
      search: {
        edges: Array<{ node: { id: string; level: string; ags: string; region: { id: string; level: string } } }>;
      };
    }>(`{ search(query: "Kreis", kinds: [REGION], first: 100) { edges { node { id
      ... on Region { level ags region { id ... on Region { level } } }
    } } } }`);
    const kreise = data?.search.edges.map((e) => e.node).filter((n) => n.level === 'KREIS') ?? [];
    expect(kreise.length).toBeGreaterThan(20);
    for (const kreis of kreise) {
      expect(kreis.region).toEqual({ id: `region:${kreis.ags.slice(0, 2)}`, level: 'LAND' });
    }
  });
});

interface CountsResult {
  nodes: Array<{
    id: string;
    relationCounts: Array<{ type: string; count: number }>;
    relations: { totalCount: number };
    old: Array<{ type: string; count: number }>;
    oldRelations: { totalCount: number };
  }>;
}

describe('relation counts', () => {
  const COUNTS = `query ($ids: [ID!]!, $asOf: Date) { nodes(ids: $ids) { ... on Entity {
    id relationCounts { type count } relations { totalCount }
    old: relationCounts(asOf: $asOf) { type count } oldRelations: relations(asOf: $asOf) { totalCount }
  } } }`;
  const sum = (counts: ReadonlyArray<{ count: number }>) => counts.reduce((total, c) => total + c.count, 0);

  it('count every fact of an entity once per type, sorted by type, and add up to its relations', async () => {
    const ids = ['person:lydia-hueskens', 'region:15', 'region:01', 'law:ozg', 'org:mid-sachsen-anhalt'];
    const { data, errors } = await gql<CountsResult>(COUNTS, { ids, asOf: '2000-01-01' });
    expect(errors).toBeUndefined();
    expect(data?.nodes).toHaveLength(ids.length);
    for (const node of data?.nodes ?? []) {
      expect(sum(node.relationCounts)).toBe(node.relations.totalCount);
      expect(sum(node.old)).toBe(node.oldRelations.totalCount);
      expect(sum(node.old)).toBeLessThanOrEqual(sum(node.relationCounts));
      const types = node.relationCounts.map((c) => c.type);
      expect(types).toEqual([...types].sort());
      expect(node.relationCounts.every((c) => c.count > 0)).toBe(true);
    }
    const hueskens = data?.nodes.find((n) => n.id === 'person:lydia-hueskens');
    const countsOf = (facts: typeof FACTS) =>
      [...new Set(facts.map((r) => r.type))].sort().map((type) => ({
        type,
        count: facts.filter((r) => r.type === type).length,
      }));
    const hers = factsOf('person:lydia-hueskens');
    expect(hers.filter((r) => r.type === 'HOLDS_OFFICE_AT').length).toBeGreaterThan(1);
    expect(hueskens?.relationCounts).toEqual(countsOf(hers));
    // Her offices are known from 2021 on; only undated facts count on a day in 2000.
    expect(hueskens?.old).toEqual(countsOf(hers.filter(validOn('2000-01-01'))));
    expect(hueskens?.old.find((c) => c.type === 'HOLDS_OFFICE_AT')).toBeUndefined();
  });

  it('leave out facts not valid on the asOf day', async () => {
    const count = async (asOf: string | null) => {
      const { data } = await gql<CountsResult>(COUNTS, { ids: ['region:01'], asOf });
      return data?.nodes[0]?.old.find((c) => c.type === 'OPPOSES')?.count ?? 0;
    };
    const opposes = factsOf('region:01').filter((r) => r.type === 'OPPOSES');
    expect(await count(null)).toBe(opposes.length);
    expect(await count('2022-09-01')).toBe(opposes.filter(validOn('2022-09-01')).length);
    expect(await count('2022-09-01')).toBeLessThan(opposes.length);
  });

  it('are empty for an entity without facts', async () => {
    const { data } = await gql<CountsResult>(COUNTS, {
      ids: ['article:kommune21-2022-08-31-digitalrat-sachsen-anhalt'],
    });
    expect(data?.nodes[0]?.relationCounts).toEqual([]);
  });
});

describe('database round trips', () => {
  const nested = (first: number) => `{
    search(query: "Sachsen", first: ${first}) { nodes {
      name
      mentionedIn(first: 2) { nodes { title } }
      relations(first: 5) { nodes { type from { name } to { name } citations { quote article { title } } } }
    } }
  }`;

  it('do not grow with the number of results (no N+1): batched by DataLoaders', async () => {
    const count = async (query: string) => {
      const before = db.roundTrips;
      const { errors } = await gql(query);
      expect(errors).toBeUndefined();
      return db.roundTrips - before;
    };
    const few = await count(nested(2));
    const many = await count(nested(30));
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(5);
  });

  it('do not grow with the number of search hits asking where each belongs and its relation counts', async () => {
    const query = (first: number) => `{ search(query: "digital", first: ${first}) { edges {
      matched { field text }
      node { name region { name } relationCounts { type count } old: relationCounts(asOf: "2022-09-01") { count } }
    } } }`;
    const count = async (first: number) => {
      const before = db.roundTrips;
      const { data, errors } = await gql<{ search: { edges: unknown[] } }>(query(first));
      expect(errors).toBeUndefined();
      expect(data?.search.edges).toHaveLength(first);
      return db.roundTrips - before;
    };
    const one = await count(1);
    const eight = await count(8);
    expect(eight).toBeLessThanOrEqual(one);
    // The search, the regions, and the counts for each of the two days.
    expect(one).toBe(4);
  });
});

describe('a program with only the URL', () => {
  it('can introspect the whole schema', async () => {
    const { data, errors } = await gql<{ __schema: { types: Array<{ name: string }> } }>(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    const names = data?.__schema.types.map((t) => t.name) ?? [];
    for (const name of ['Entity', 'Relation', 'Neighborhood', 'Paths', 'TimelineConnection', 'Stats', 'Date']) {
      expect(names).toContain(name);
    }
  });
});

describe('limits against abusive queries', () => {
  // Each level adds three: relations > nodes > from.
  let nested = 'name';
  for (let level = 0; level < 4; level += 1)
    nested = `... on Entity { relations(first: 1) { nodes { from { ${nested} } } } }`;
  const deep = `{ node(id: "law:ozg") { ${nested} } }`;
  const costly = `{ node(id: "law:ozg") { ... on Entity { relations(first: 1) { nodes { from { ${nested} } } } } } }`;
  const aliases = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`;
  const tokens = `{ ${Array.from({ length: 5100 }, () => '__typename').join(' ')} }`;

  it.each([
    ['depth', deep, /depth limit of 12 exceeded/i],
    ['cost', costly, /Query Cost limit of 20000 exceeded/],
    ['aliases', aliases, /Aliases limit of 20 exceeded, found 21/],
    ['tokens', tokens, /Token limit of 5000 exceeded/i],
  ])(
    'refuses a query over the %s limit with QUERY_LIMIT_EXCEEDED, before touching the database',
    async (_what, query, message) => {
      const before = db.roundTrips;
      const { data, errors } = await gql(query);
      expect(data ?? null).toBeNull();
      expect(errors?.[0]?.message).toMatch(message);
      expect(errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(db.roundTrips).toBe(before);
    },
  );
});

describe('the README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it('has a GraphQL example for each query', () => {
    for (const field of ['neighborhood(', 'paths(', 'timeline(', 'article(', 'stats', 'node(']) {
      expect(blocks.some((block) => block.includes(field))).toBe(true);
    }
  });

  it.each(blocks.map((block, i) => [i + 1, block]))(
    'example %i runs without errors and returns data',
    async (_n, block) => {
      const { data, errors } = await gql<Record<string, unknown>>(block as string);
      expect(errors).toBeUndefined();
      expect(Object.values(data ?? {}).every((value) => value !== null)).toBe(true);
    },
  );
});

describe('citations of the canvas’s relations', () => {
  it('are the same as when each relation is asked for by id (the neighbourhood loads them only when asked)', async () => {
    const CITED = `{ article { id } quote note }`;
    const hood = await gql<{
      neighborhood: { edges: Array<{ id: string; citations: unknown[] }> };
    }>(
      `query { neighborhood(ids: ["person:lydia-hueskens"], depth: 2, limit: 300) { edges { id citations ${CITED} } } }`,
    );
    const edges = hood.data?.neighborhood.edges ?? [];
    expect(edges.length).toBeGreaterThan(10);
    const byId = await gql<{ nodes: Array<{ id: string; citations: unknown[] } | null> }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Relation { id citations ${CITED} } } }`,
      { ids: edges.map((e) => e.id) },
    );
    expect(byId.data?.nodes).toEqual(edges);
    for (const edge of edges) expect(edge.citations.length).toBeGreaterThan(0);
  });
});
