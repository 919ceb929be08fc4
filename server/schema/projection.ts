import type { GraphQLResolveInfo } from 'graphql';
import { type FieldsByTypeName, parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The stored properties each field of an entity reads (besides id, kind and name, which are always read).
 * Fields that load what they show by the entity's id (relations, region, place …) read none. A field not
 * listed here makes the query read the whole entity, so a new field is never answered from too little.
 */
const ENTITY_FIELD_KEYS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: [],
  kind: [],
  name: [],
  title: [],
  aliases: ['aliases'],
  description: ['description'],
  version: ['version'],
  recordedAt: ['recordedAt'],
  recordedBy: ['recordedBy'],
  figures: ['figures'],
  relations: [],
  region: [],
  relationCounts: [],
  mentionedIn: [],
  facts: [],
  place: [],
  orgType: ['orgType'],
  website: ['website'],
  address: ['address'],
  level: ['level'],
  ags: ['ags'],
  nuts: ['nuts'],
  kreisType: ['kreisType'],
  areaKm2: ['areaKm2'],
  population: ['population'],
  populationDate: ['populationDate'],
  abbreviation: ['abbreviation'],
  eventType: ['eventType'],
  date: ['date', 'dateQualifier'],
  initiativeType: ['initiativeType'],
  publisher: ['publisher'],
  publishedOn: ['publishedOn'],
  url: ['url'],
  author: ['author'],
  license: ['license'],
  tags: ['tags'],
};

/** The same for a relation (its id, type and ends are always read; citations are loaded by id). */
const RELATION_FIELD_KEYS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: [],
  type: [],
  from: [],
  to: [],
  role: ['role'],
  validFrom: ['validFrom', 'validFromQualifier'],
  validTo: ['validTo', 'validToQualifier'],
  citations: [],
  recordedAt: ['recordedAt'],
  recordedBy: ['recordedBy'],
  version: ['version'],
};

export const ENTITY_BASE_KEYS = ['id', 'kind', 'name'] as const;
export const RELATION_BASE_KEYS = ['id'] as const;

/** Every field selected in these trees, under whichever type (fragments on Person, Event … included). */
function selected(trees: readonly ResolveTree[]): ResolveTree[] {
  return trees.flatMap((tree) => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields)));
}

function children(trees: readonly ResolveTree[], name: string): ResolveTree[] {
  return selected(trees).filter((field) => field.name === name);
}

function keysFor(
  trees: readonly ResolveTree[],
  base: readonly string[],
  table: Readonly<Record<string, readonly string[]>>,
): string[] | null {
  const keys = new Set(base);
  for (const field of selected(trees)) {
    const needs = Object.hasOwn(table, field.name) ? table[field.name] : undefined;
    if (!needs) return null;
    for (const key of needs) keys.add(key);
  }
  return [...keys];
}

/** Which stored properties a neighbourhood query must read; null: all of them. */
export interface NeighborhoodProjection {
  readonly nodeKeys: string[] | null;
  readonly edgeKeys: string[] | null;
}

/**
 * Reads only what the query asks for: a canvas that wants id, kind and name gets no descriptions,
 * search names or dates, which Neo4j then neither reads nor sends nor the driver decodes. Every place an
 * entity of the answer appears (nodes, relation ends, entities with hidden neighbours) counts.
 */
export function neighborhoodProjection(info: GraphQLResolveInfo): NeighborhoodProjection {
  const parsed = parseResolveInfo(info) as ResolveTree | FieldsByTypeName | null | undefined;
  if (!parsed || !('fieldsByTypeName' in parsed)) return { nodeKeys: null, edgeKeys: null };
  const root = [parsed as ResolveTree];
  const edges = children(root, 'edges');
  const entities = [
    ...children(root, 'nodes'),
    ...children(children(root, 'hiddenNeighbors'), 'entity'),
    ...children(edges, 'from'),
    ...children(edges, 'to'),
  ];
  return {
    nodeKeys: keysFor(entities, ENTITY_BASE_KEYS, ENTITY_FIELD_KEYS),
    edgeKeys: keysFor(edges, RELATION_BASE_KEYS, RELATION_FIELD_KEYS),
  };
}
