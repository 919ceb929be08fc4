import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { SignJWT } from 'jose';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { luceneQuery, searchTerms } from '../shared/fold.js';
import { ENTITY_KINDS, type EntityKind, kindOfId } from '../shared/vocabulary.js';
import { alternativeTypeDefs, relationField, relationsOf } from './alternative-schema.js';
import { totalDbHits } from './floor.js';
import {
  type Answers,
  type CitedFact,
  type Inputs,
  type NeighborhoodAnswer,
  neighborhoodAnswer,
  type OperationName,
  PAGE,
  type PartialDate,
  pathsAnswer,
} from './operations.js';

/**
 * The other side of the benchmark: @neo4j/graphql 7 on graphql-yoga over the
 * same Neo4j and data, with the same operations in its own API. Where its
 * generated API can say an operation, the operation uses it (the timeline, an
 * entity with its facts, the editor's write); where it cannot, a `@cypher`
 * field runs the same Cypher GovGraph runs (search, neighbourhood, paths; see
 * alternative-schema.ts for why).
 */

export interface Alternative {
  /** The GraphQL endpoint, http://127.0.0.1:<port>/graphql. */
  readonly url: string;
  /** `Authorization` header value of an editor (a JWT with the role "editor"), for the write. */
  readonly editorAuthorization: string;
  /**
   * Database hits of one request, answered in this process: every statement the library sends runs with
   * PROFILE in one transaction that is rolled back afterwards, so a write changes nothing.
   */
  dbHits(document: string, variables: Record<string, unknown>, authorization?: string): Promise<number>;
  close(): Promise<void>;
}

/** Per operation: the alternative's document, its variables, and its answer in canonical form. */
export interface AlternativeOperation<N extends OperationName> {
  readonly document: string;
  readonly variables: (input: Inputs[N]) => Record<string, unknown>;
  readonly canonical: (data: unknown) => Answers[N];
}

export async function startAlternative(
  driver: Driver,
  options: { readonly database?: string } = {},
): Promise<Alternative> {
  // A key of this server's own: tokens it signs for the benchmark's editor are good here only.
  const key = randomBytes(32).toString('base64url');
  const library = new Neo4jGraphQL({
    typeDefs: alternativeTypeDefs(),
    driver,
    features: {
      // Events are filtered by day, and days are stored as YYYY-MM-DD strings.
      filters: { String: { GTE: true, LTE: true } },
      authorization: { key },
      populatedBy: { callbacks: { editor: (_parent, _args, context) => String(context.jwt?.sub ?? 'unknown') } },
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const schema = await library.getSchema();
  // While dbHits runs: the library's statements go to this transaction-like object instead of a new session.
  let profiling: { run(query: string, params: Record<string, unknown>): unknown } | null = null;
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => ({
      token: request.headers.get('authorization') ?? undefined,
      sessionConfig: options.database ? { database: options.database } : undefined,
      // Without the CYPHER 5 prefix, so that PROFILE can lead the statement.
      ...(profiling ? { executionContext: profiling, cypherQueryOptions: { addVersionPrefix: false } } : {}),
    }),
    graphiql: false,
    landingPage: false,
    logging: 'warn',
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const token = await new SignJWT({ roles: ['editor'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench-editor@govgraph.test')
    .setIssuedAt()
    .setExpirationTime('1d')
    .sign(new TextEncoder().encode(key));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    editorAuthorization: `Bearer ${token}`,
    dbHits: async (document, variables, authorization) => {
      const session = driver.session(options.database ? { database: options.database } : {});
      const tx = session.beginTransaction();
      const results: Array<Promise<{ summary: { profile: Parameters<typeof totalDbHits>[0] } }>> = [];
      profiling = {
        run: (query, params) => {
          const result = tx.run(`PROFILE ${query}`, params);
          results.push(result as unknown as (typeof results)[number]);
          return result;
        },
      };
      try {
        const response = await yoga.fetch('http://alternative.invalid/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: document, variables }),
        });
        const answer = (await response.json()) as { errors?: unknown[] };
        if (answer.errors)
          throw new Error(`@neo4j/graphql refused a profiled request: ${JSON.stringify(answer.errors)}`);
        const profiled = await Promise.all(results);
        return profiled.reduce((sum, result) => sum + totalDbHits(result.summary.profile), 0);
      } finally {
        profiling = null;
        await tx.rollback();
        await session.close();
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// Answers, checked against the shape each document asks for.

const Ref = z.object({ id: z.string(), name: z.string() });
const Kinded = Ref.extend({ kind: z.string() });

const SearchData = z.object({
  search: z.object({ totalCount: z.number(), hits: z.array(z.object({ entity: Kinded })) }),
});
const NeighborhoodData = z.object({
  neighborhood: z.object({
    truncated: z.boolean(),
    nodes: z.array(Kinded),
    edges: z.array(z.object({ id: z.string(), type: z.string(), from: z.string(), to: z.string() })),
    hidden: z.array(z.object({ id: z.string(), count: z.number() })),
  }),
});
const PathsData = z.object({
  paths: z.object({
    paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })),
    nodes: z.array(Ref),
    edges: z.array(z.object({ id: z.string(), type: z.string() })),
  }),
});
const TimelineData = z.object({
  eventsConnection: z.object({
    totalCount: z.number(),
    edges: z.array(
      z.object({
        node: Ref.extend({
          eventType: z.string().nullable(),
          date: z.string().nullable(),
          datePrecision: z.string().nullable(),
          dateQualifier: z.string().nullable(),
        }),
      }),
    ),
  }),
});
const FactData = z.object({
  id: z.string(),
  role: z.string().nullable(),
  validFrom: z.string().nullable(),
  validFromPrecision: z.string().nullable(),
  validFromQualifier: z.string().nullable(),
  validTo: z.string().nullable(),
  validToPrecision: z.string().nullable(),
  validToQualifier: z.string().nullable(),
  citations: z.array(z.object({ quote: z.string().nullable(), article: Ref.extend({ url: z.string().nullable() }) })),
});
const ConnectionData = z.object({
  totalCount: z.number(),
  edges: z.array(z.object({ properties: FactData, node: Ref })),
});
/** The one query that ran (the others were skipped), with the entity if it exists. */
const NestedData = z.record(z.string(), z.array(Kinded.catchall(ConnectionData)));
const Updated = z.object({ id: z.string(), version: z.number(), description: z.string().nullable() });

/** A stored partial date with its precision and qualifier, as GovGraph's API gives it (no qualifier: EXACT). */
function partialDate(date: string | null, precision: string | null, qualifier: string | null): PartialDate | null {
  if (date === null) return null;
  if (precision === null) throw new Error(`date ${date} is stored without its precision`);
  return { date, precision, qualifier: qualifier ?? 'EXACT' };
}

/** Citations store '' for a missing quote (parallel lists hold no nulls). */
const quoteOf = (quote: string | null) => (quote === '' ? null : quote);

const PLURAL: Record<EntityKind, string> = {
  PERSON: 'people',
  ORGANIZATION: 'organizations',
  REGION: 'regions',
  LAW: 'laws',
  EVENT: 'events',
  INITIATIVE: 'initiatives',
  ARTICLE: 'articles',
};
const pascalPlural = (kind: EntityKind) => PLURAL[kind].replace(/^./, (c) => c.toUpperCase());

/** One flag per kind, `$people: Boolean!`…, so one document serves every kind and runs only the id's. */
const KIND_FLAGS = ENTITY_KINDS.map((kind) => `$${PLURAL[kind]}: Boolean!`).join(', ');

function kindFlags(id: string): Record<string, boolean> {
  const kind = kindOfId(id);
  if (!kind) throw new Error(`${id} is not an entity id`);
  return Object.fromEntries(ENTITY_KINDS.map((k) => [PLURAL[k], k === kind]));
}

/**
 * An entity with its facts in the generated API: the query of its kind, with
 * one connection per relation type and direction the kind has, each its first
 * 50 by id; the client merges them into GovGraph's order (type, then id) and
 * keeps the first 50, for which each connection's first 50 are enough. (Asked
 * through the Entity interface instead, the library plans every kind's
 * connections in one statement of some 5,000 lines, which Neo4j takes more
 * than a minute to plan.)
 */
function nestedDocument(): string {
  const queries = ENTITY_KINDS.map((kind) => {
    const connections = relationsOf(kind).map(
      ({ type, direction }) =>
        `    ${relationField(type, direction)}Connection(first: ${PAGE.relations}, sort: [{ edge: { id: ASC } }]) {
      totalCount
      edges { properties { ...FactFields } node { ...End } }
    }`,
    );
    return `  ${PLURAL[kind]}(where: { id: { eq: $id } }) @include(if: $${PLURAL[kind]}) {
    id
    name
    kind
${connections.join('\n')}
  }`;
  });
  return `query Nested($id: ID!, ${KIND_FLAGS}) {
${queries.join('\n')}
}

fragment End on Entity { id name }

fragment FactFields on Fact {
  id
  role
  validFrom
  validFromPrecision
  validFromQualifier
  validTo
  validToPrecision
  validToQualifier
  citations { quote article { id name url } }
}`;
}

function nestedCanonical(data: unknown): Answers['nested'] {
  const entities = Object.values(NestedData.parse(data)).flat();
  const [entity, more] = entities;
  if (!entity || more) throw new Error(`expected one entity, got ${entities.length}`);
  const self = { id: entity.id, name: entity.name };
  const kind = ENTITY_KINDS.find((k) => k === entity.kind);
  if (!kind) throw new Error(`unknown kind ${entity.kind}`);
  let totalCount = 0;
  const facts = new Map<string, CitedFact>();
  for (const { type, direction } of relationsOf(kind)) {
    const connection = entity[`${relationField(type, direction)}Connection`];
    if (!connection || typeof connection !== 'object') throw new Error(`no ${relationField(type, direction)}`);
    // Relations from an entity to itself would count in both directions; the vocabulary's data has none.
    totalCount += connection.totalCount;
    for (const { properties: p, node } of connection.edges) {
      const other = { id: node.id, name: node.name };
      facts.set(p.id, {
        id: p.id,
        type,
        role: p.role,
        validFrom: partialDate(p.validFrom, p.validFromPrecision, p.validFromQualifier),
        validTo: partialDate(p.validTo, p.validToPrecision, p.validToQualifier),
        from: direction === 'OUT' ? self : other,
        to: direction === 'OUT' ? other : self,
        citations: p.citations.map((c) => ({ quote: quoteOf(c.quote), article: c.article })),
      });
    }
  }
  const order = (f: CitedFact) => `${f.type}\u0000${f.id}`;
  const relations = [...facts.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .slice(0, PAGE.relations);
  return { ...self, totalCount, relations };
}

/** The write, for an entity of any kind: the generated update of its kind, the others skipped by @include. */
function updateDocument(): string {
  const updates = ENTITY_KINDS.map(
    (kind) => `  update${pascalPlural(kind)}(
    where: { id: { eq: $id }, version: { eq: $version } }
    update: { description: { set: $description }, version: { set: $next } }
  ) @include(if: $${PLURAL[kind]}) {
    ${PLURAL[kind]} { id version description }
  }`,
  );
  return `mutation UpdateEntity($id: ID!, $version: Int!, $next: Int!, $description: String, ${KIND_FLAGS}) {\n${updates.join('\n')}\n}`;
}

function updateCanonical(data: unknown): Answers['updateEntity'] {
  const results = Object.values(z.record(z.string(), z.record(z.string(), z.array(Updated))).parse(data)).flatMap(
    (response) => Object.values(response).flat(),
  );
  const [updated, more] = results;
  // Nothing matched: the entity is gone or (the version check) someone changed it since it was read.
  if (!updated) throw new Error('nothing updated: no entity with that id at that version');
  if (more) throw new Error(`${results.length} entities updated`);
  return updated;
}

/** Both neighbourhoods take and give the same shapes. */
const neighborhoodOperation = (
  depth: number,
  limit: number,
): {
  document: string;
  variables: (input: Inputs['neighborhood1']) => Record<string, unknown>;
  canonical: (data: unknown) => NeighborhoodAnswer;
} => ({
  document: `query Neighborhood($id: ID!) {
  neighborhood(ids: [$id], depth: ${depth}, limit: ${limit}) {
    truncated
    nodes { id name kind }
    edges { id type from to }
    hidden { id count }
  }
}`,
  variables: ({ id }) => ({ id }),
  canonical: (data) => neighborhoodAnswer(NeighborhoodData.parse(data).neighborhood),
});

export const ALTERNATIVE_OPERATIONS: { readonly [N in OperationName]: AlternativeOperation<N> } = {
  search: {
    document: `query Search($lucene: String!, $exact: String!) {
  search(lucene: $lucene, exact: $exact, skip: 0, limit: ${PAGE.search}) { totalCount hits { entity { id name kind } } }
}`,
    // Names and aliases are stored folded (shared/fold.ts); a client of this API folds its query the same way.
    variables: ({ q }) => {
      const terms = searchTerms(q);
      return { lucene: luceneQuery(terms), exact: terms.join(' ') };
    },
    canonical: (data) => {
      const { search } = SearchData.parse(data);
      return { totalCount: search.totalCount, hits: search.hits.map((h) => h.entity) };
    },
  },
  neighborhood1: neighborhoodOperation(1, 200),
  neighborhood2: neighborhoodOperation(2, 1000),
  paths: {
    document: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: ${PAGE.maxLength}, maxPaths: ${PAGE.maxPaths}) {
    paths { nodes edges }
    nodes { id name }
    edges { id type }
  }
}`,
    variables: ({ from, to }) => ({ from, to }),
    canonical: (data) => {
      const { paths } = PathsData.parse(data);
      return pathsAnswer({
        paths: paths.paths.map((p) => ({ nodeIds: p.nodes, edgeIds: p.edges })),
        nodes: paths.nodes,
        edges: paths.edges,
      });
    },
  },
  timeline: {
    // An event counts if the days its date can mean overlap [from, to]; earliest first, then by id.
    document: `query Timeline($where: EventWhere) {
  eventsConnection(where: $where, sort: [{ dateStart: ASC }, { id: ASC }], first: ${PAGE.timeline}) {
    totalCount
    edges { node { id name eventType date datePrecision dateQualifier } }
  }
}`,
    variables: ({ from, to }) => ({
      where: {
        ...(from === null ? {} : { dateEnd: { gte: from } }),
        ...(to === null ? {} : { dateStart: { lte: to } }),
      },
    }),
    canonical: (data) => {
      const { eventsConnection } = TimelineData.parse(data);
      return {
        totalCount: eventsConnection.totalCount,
        events: eventsConnection.edges.map(({ node }) => ({
          id: node.id,
          name: node.name,
          eventType: node.eventType,
          date: partialDate(node.date, node.datePrecision, node.dateQualifier),
        })),
      };
    },
  },
  nested: {
    document: nestedDocument(),
    variables: ({ id }) => ({ id, ...kindFlags(id) }),
    canonical: nestedCanonical,
  },
  updateEntity: {
    // Less work than GovGraph's updateEntity, which also locks the entity, validates the whole entity against
    // the model, records the change (who, when, before and after) for history and undo, and tells open
    // explorers. Here: the version check (the `where`), the new description and version, recordedAt/By.
    document: updateDocument(),
    variables: ({ id, version, description }) => ({ id, version, next: version + 1, description, ...kindFlags(id) }),
    canonical: updateCanonical,
  },
};
