import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import { z } from 'zod';

/**
 * The operations the benchmark measures, as GovGraph's API answers them, and
 * the canonical form of every answer: the data a client gets, with ids sorted
 * where the order carries no meaning (a neighbourhood's nodes, a path's
 * entities) and kept where it does (search ranking, timeline and relation
 * order). Each other side (bench/alternative.ts) maps its own answer to the
 * same form, so equal hashes prove both sides returned the same data.
 */

/** What each operation is asked with. */
export interface Inputs {
  /** Full-text search, first page of 20. */
  readonly search: { readonly q: string };
  /** The canvas around one entity: 1 hop, at most 200 neighbours. */
  readonly neighborhood1: { readonly id: string };
  /** The canvas around one entity: 2 hops, at most 1000 neighbours. */
  readonly neighborhood2: { readonly id: string };
  /** All shortest connections of up to 6 hops (at most 10 of them). */
  readonly paths: { readonly from: string; readonly to: string };
  /** Events between two days (YYYY-MM-DD, either open), first page of 50. */
  readonly timeline: { readonly from: string | null; readonly to: string | null };
  /** An entity with its first 50 facts, their ends and their citations. */
  readonly nested: { readonly id: string };
  /** An editor sets an entity's description, based on the version read. */
  readonly updateEntity: { readonly id: string; readonly version: number; readonly description: string | null };
}
export type OperationName = keyof Inputs;
export const OPERATION_NAMES = [
  'search',
  'neighborhood1',
  'neighborhood2',
  'paths',
  'timeline',
  'nested',
  'updateEntity',
] as const satisfies readonly OperationName[];

// Canonical answers: plain JSON values, the same whichever side answered.

export interface EntityRef {
  readonly id: string;
  readonly name: string;
}
export interface KindedEntity extends EntityRef {
  readonly kind: string;
}
export interface PartialDate {
  readonly date: string;
  readonly precision: string;
  readonly qualifier: string;
}
export interface SearchAnswer {
  readonly totalCount: number;
  /** In rank order. */
  readonly hits: readonly KindedEntity[];
}
export interface NeighborhoodAnswer {
  readonly truncated: boolean;
  readonly nodes: readonly KindedEntity[];
  readonly edges: ReadonlyArray<{ id: string; type: string; from: string; to: string }>;
  readonly hidden: ReadonlyArray<{ id: string; count: number }>;
}
export interface PathsAnswer {
  readonly length: number | null;
  readonly paths: ReadonlyArray<{ nodeIds: readonly string[]; edgeIds: readonly string[] }>;
  readonly nodes: readonly EntityRef[];
  readonly edges: ReadonlyArray<{ id: string; type: string }>;
}
export interface TimelineAnswer {
  readonly totalCount: number;
  /** In date order. */
  readonly events: ReadonlyArray<EntityRef & { date: PartialDate | null; eventType: string | null }>;
}
export interface CitedFact {
  readonly id: string;
  readonly type: string;
  readonly role: string | null;
  readonly validFrom: PartialDate | null;
  readonly validTo: PartialDate | null;
  readonly from: EntityRef;
  readonly to: EntityRef;
  /** In the order the fact lists them. */
  readonly citations: ReadonlyArray<{ quote: string | null; article: EntityRef & { url: string | null } }>;
}
export interface NestedAnswer extends EntityRef {
  readonly totalCount: number;
  /** By type, then id: the first 50. */
  readonly relations: readonly CitedFact[];
}
export interface UpdateAnswer {
  readonly id: string;
  readonly version: number;
  readonly description: string | null;
}
export interface Answers {
  readonly search: SearchAnswer;
  readonly neighborhood1: NeighborhoodAnswer;
  readonly neighborhood2: NeighborhoodAnswer;
  readonly paths: PathsAnswer;
  readonly timeline: TimelineAnswer;
  readonly nested: NestedAnswer;
  readonly updateEntity: UpdateAnswer;
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const byKey = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);

/** A neighbourhood with its sets in id order; both sides build theirs through this. */
export function neighborhoodAnswer(answer: NeighborhoodAnswer): NeighborhoodAnswer {
  return {
    truncated: answer.truncated,
    nodes: byId(answer.nodes),
    edges: byId(answer.edges),
    hidden: byId(answer.hidden),
  };
}

/** Paths as a set (ordered by their ids), their entities and relations in id order. */
export function pathsAnswer(answer: Omit<PathsAnswer, 'length'>): PathsAnswer {
  const paths = byKey(
    answer.paths.map((p) => ({ nodeIds: [...p.nodeIds], edgeIds: [...p.edgeIds] })),
    (p) => [...p.nodeIds, '|', ...p.edgeIds].join(' '),
  );
  return {
    length: paths[0]?.edgeIds.length ?? null,
    paths,
    nodes: byId(answer.nodes),
    edges: byId(answer.edges),
  };
}

const stableStringify = configure({ deterministic: true, bigint: false, circularValue: Error });

/** sha256 (hex) of a value's stable serialisation: keys sorted, arrays in their order. */
export function hashOf(value: unknown): string {
  const text = stableStringify(value);
  if (text === undefined) throw new TypeError('hashOf needs a JSON value');
  return createHash('sha256').update(text).digest('hex');
}

// GovGraph's answers, checked against the shape each document asks for.

const Ref = z.object({ id: z.string(), name: z.string() });
const Kinded = Ref.extend({ kind: z.string() });
const DateValue = z.object({ date: z.string(), precision: z.string(), qualifier: z.string() }).nullable();

const SearchData = z.object({
  search: z.object({ totalCount: z.number(), edges: z.array(z.object({ node: Kinded })) }),
});
const NeighborhoodData = z.object({
  neighborhood: z.object({
    truncated: z.boolean(),
    nodes: z.array(Kinded),
    edges: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        from: z.object({ id: z.string() }),
        to: z.object({ id: z.string() }),
      }),
    ),
    hiddenNeighbors: z.array(z.object({ entity: z.object({ id: z.string() }), count: z.number() })),
  }),
});
const PathsData = z.object({
  paths: z.object({
    length: z.number().nullable(),
    paths: z.array(z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()) })),
    nodes: z.array(Ref),
    edges: z.array(z.object({ id: z.string(), type: z.string() })),
  }),
});
const TimelineData = z.object({
  timeline: z.object({
    totalCount: z.number(),
    edges: z.array(z.object({ node: Ref.extend({ eventType: z.string().nullable(), date: DateValue }) })),
  }),
});
const NestedData = z.object({
  node: Ref.extend({
    relations: z.object({
      totalCount: z.number(),
      edges: z.array(
        z.object({
          node: z.object({
            id: z.string(),
            type: z.string(),
            role: z.string().nullable(),
            validFrom: DateValue,
            validTo: DateValue,
            from: Ref,
            to: Ref,
            citations: z.array(
              z.object({ quote: z.string().nullable(), article: Ref.extend({ url: z.string().nullable() }) }),
            ),
          }),
        }),
      ),
    }),
  }),
});
const UpdateData = z.object({
  updateEntity: z.object({ id: z.string(), version: z.number(), description: z.string().nullable() }),
});

export interface Operation<N extends OperationName> {
  readonly name: N;
  /** Changes the graph: needs an editor, and a fresh version for every call. */
  readonly write: boolean;
  /** GovGraph's GraphQL document. */
  readonly document: string;
  readonly variables: (input: Inputs[N]) => Record<string, unknown>;
  /** GovGraph's `data` as the canonical answer; throws when it has another shape. */
  readonly canonical: (data: unknown) => Answers[N];
}

const neighborhoodDocument = (name: string, depth: number, limit: number) => `query ${name}($id: ID!) {
  neighborhood(ids: [$id], depth: ${depth}, limit: ${limit}) {
    truncated
    nodes { id name kind }
    edges { id type from { id } to { id } }
    hiddenNeighbors { entity { id } count }
  }
}`;

function neighborhoodCanonical(data: unknown): NeighborhoodAnswer {
  const { neighborhood } = NeighborhoodData.parse(data);
  return neighborhoodAnswer({
    truncated: neighborhood.truncated,
    nodes: neighborhood.nodes,
    edges: neighborhood.edges.map((e) => ({ id: e.id, type: e.type, from: e.from.id, to: e.to.id })),
    hidden: neighborhood.hiddenNeighbors.map((h) => ({ id: h.entity.id, count: h.count })),
  });
}

/** First page sizes and caps, the same on every side. */
export const PAGE = { search: 20, timeline: 50, relations: 50, maxPaths: 10, maxLength: 6 } as const;

export const OPERATIONS: { readonly [N in OperationName]: Operation<N> } = {
  search: {
    name: 'search',
    write: false,
    document: `query Search($q: String!) {
  search(query: $q, first: ${PAGE.search}) { totalCount edges { node { id name kind } } }
}`,
    variables: ({ q }) => ({ q }),
    canonical: (data) => {
      const { search } = SearchData.parse(data);
      return { totalCount: search.totalCount, hits: search.edges.map((e) => e.node) };
    },
  },
  neighborhood1: {
    name: 'neighborhood1',
    write: false,
    document: neighborhoodDocument('Neighborhood1', 1, 200),
    variables: ({ id }) => ({ id }),
    canonical: neighborhoodCanonical,
  },
  neighborhood2: {
    name: 'neighborhood2',
    write: false,
    document: neighborhoodDocument('Neighborhood2', 2, 1000),
    variables: ({ id }) => ({ id }),
    canonical: neighborhoodCanonical,
  },
  paths: {
    name: 'paths',
    write: false,
    document: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: ${PAGE.maxLength}, maxPaths: ${PAGE.maxPaths}) {
    length
    paths { nodeIds edgeIds }
    nodes { id name }
    edges { id type }
  }
}`,
    variables: ({ from, to }) => ({ from, to }),
    canonical: (data) => {
      const { paths } = PathsData.parse(data);
      const answer = pathsAnswer(paths);
      if (answer.length !== paths.length) throw new Error(`length ${paths.length} is not that of the paths`);
      return answer;
    },
  },
  timeline: {
    name: 'timeline',
    write: false,
    document: `query Timeline($from: Date, $to: Date) {
  timeline(from: $from, to: $to, first: ${PAGE.timeline}) {
    totalCount
    edges { node { id name eventType date { date precision qualifier } } }
  }
}`,
    variables: ({ from, to }) => ({ from, to }),
    canonical: (data) => {
      const { timeline } = TimelineData.parse(data);
      return { totalCount: timeline.totalCount, events: timeline.edges.map((e) => e.node) };
    },
  },
  nested: {
    name: 'nested',
    write: false,
    document: `query Nested($id: ID!) {
  node(id: $id) {
    ... on Entity {
      id
      name
      relations(first: ${PAGE.relations}) {
        totalCount
        edges {
          node {
            id
            type
            role
            validFrom { date precision qualifier }
            validTo { date precision qualifier }
            from { id name }
            to { id name }
            citations { quote article { id name url } }
          }
        }
      }
    }
  }
}`,
    variables: ({ id }) => ({ id }),
    canonical: (data) => {
      const { node } = NestedData.parse(data);
      return {
        id: node.id,
        name: node.name,
        totalCount: node.relations.totalCount,
        relations: node.relations.edges.map((e) => e.node),
      };
    },
  },
  updateEntity: {
    name: 'updateEntity',
    write: true,
    document: `mutation UpdateEntity($id: ID!, $version: Int!, $description: String) {
  updateEntity(id: $id, version: $version, patch: { description: $description }) { id version description }
}`,
    variables: ({ id, version, description }) => ({ id, version, description }),
    canonical: (data) => UpdateData.parse(data).updateEntity,
  },
};
