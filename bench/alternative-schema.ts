import { Q } from '../server/db/queries.js';
import { type ATTRIBUTE_NAMES, KIND_ATTRIBUTES } from '../shared/model.js';
import {
  DATE_PRECISIONS,
  DATE_QUALIFIERS,
  ENTITY_KINDS,
  type EntityKind,
  EVENT_TYPES,
  INITIATIVE_TYPES,
  KIND_INFO,
  ORG_TYPES,
  REGION_LEVELS,
  RELATION_INFO,
  RELATION_TYPES,
  type RelationType,
} from '../shared/vocabulary.js';

/**
 * The type definitions of the benchmark's alternative: @neo4j/graphql 7 over
 * GovGraph's Neo4j data as it is stored (server/db/storage.ts), generated
 * from the vocabulary: one `@node` type per kind (labels: the kind and
 * `Entity`), and on each kind one relationship field per relation type and
 * direction the vocabulary allows it, typed with the kinds allowed at the
 * other end, all sharing the `Fact` relationship properties.
 */

/** GraphQL type of each stored attribute; `satisfies` keeps it complete when the model grows. */
const ATTRIBUTE_TYPES = {
  orgType: 'OrgType',
  website: 'String',
  address: 'String',
  level: 'RegionLevel',
  ags: 'String',
  nuts: 'String',
  kreisType: 'String',
  areaKm2: 'Float',
  population: 'Int',
  populationDate: 'String',
  abbreviation: 'String',
  // Not `EventType`: the library defines one of its own (its subscriptions' events), which silently wins.
  eventType: 'EventCategory',
  date: 'String',
  dateQualifier: 'DateQualifier',
  initiativeType: 'InitiativeType',
  publisher: 'String',
  publishedOn: 'String',
  url: 'String',
  tags: '[String!]',
  license: 'String',
  author: 'String',
  source: 'String',
} as const satisfies Record<(typeof ATTRIBUTE_NAMES)[number], string>;

/** Stored beside an event's date (storage.ts derives them), so events can be filtered and sorted by day. */
const DERIVED_EVENT_FIELDS = ['datePrecision: DatePrecision', 'dateStart: String', 'dateEnd: String'];

/** `HOLDS_OFFICE_AT` → `holdsOfficeAt`. */
export function camel(type: RelationType): string {
  return type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The relationship field of a relation type on the kind at one of its ends. */
export function relationField(type: RelationType, direction: 'OUT' | 'IN'): string {
  return `${camel(type)}${direction === 'OUT' ? 'Out' : 'In'}`;
}

/** The relation types a kind starts (OUT) or ends (IN), in the vocabulary's order. */
export function relationsOf(kind: EntityKind): Array<{ type: RelationType; direction: 'OUT' | 'IN' }> {
  return RELATION_TYPES.flatMap((type) => [
    ...(RELATION_INFO[type].from.includes(kind) ? [{ type, direction: 'OUT' as const }] : []),
    ...(RELATION_INFO[type].to.includes(kind) ? [{ type, direction: 'IN' as const }] : []),
  ]);
}

const typename = (kind: EntityKind) => KIND_INFO[kind].typename;
const pascal = (type: RelationType) => camel(type).replace(/^./, (c) => c.toUpperCase());

/** The kinds at the other end, as one type: the kind itself, or a union of several. */
function otherEnd(type: RelationType, direction: 'OUT' | 'IN'): { name: string; union: string | null } {
  const kinds = direction === 'OUT' ? RELATION_INFO[type].to : RELATION_INFO[type].from;
  const [only] = kinds;
  if (kinds.length === 1 && only) return { name: typename(only), union: null };
  const name = `${pascal(type)}${direction === 'OUT' ? 'Target' : 'Source'}`;
  return { name, union: `union ${name} = ${kinds.map(typename).join(' | ')}` };
}

const enumType = (name: string, values: readonly string[]) => `enum ${name} { ${values.join(' ')} }`;

const COMMON_FIELDS = [
  'id: ID!',
  'kind: EntityKind!',
  'name: String!',
  'aliases: [String!]',
  'description: String',
  'figures: String',
  // Folded copies of name and aliases, which the full-text index `entity_search` holds.
  'searchName: String',
  'searchAliases: String',
  'version: Int!',
  'recordedAt: DateTime @timestamp(operations: [UPDATE])',
  'recordedBy: String @populatedBy(callback: "editor", operations: [UPDATE])',
];

/** Kind-specific attributes: every attribute the model gives the kind. */
function attributesOf(kind: EntityKind): string[] {
  const names = Object.keys(KIND_ATTRIBUTES[kind]) as Array<keyof typeof ATTRIBUTE_TYPES>;
  const own = names.map((name) => `${name}: ${ATTRIBUTE_TYPES[name]}`);
  return kind === 'EVENT' ? [...own, ...DERIVED_EVENT_FIELDS] : own;
}

function kindType(kind: EntityKind): string {
  const name = typename(kind);
  const relations = relationsOf(kind).map(({ type, direction }) => {
    const end = otherEnd(type, direction);
    return `${relationField(type, direction)}: [${end.name}!]! @relationship(type: "${type}", direction: ${direction}, properties: "Fact")`;
  });
  // Editors only: a JWT with the role "editor" may create, change and delete; reading is open, as in GovGraph.
  const auth =
    '@authentication(operations: [CREATE, UPDATE, DELETE, CREATE_RELATIONSHIP, DELETE_RELATIONSHIP], jwt: { roles: { includes: "editor" } })';
  const fulltext = `@fulltext(indexes: [{ indexName: "entity_search", queryName: "${name.toLowerCase()}Search", fields: ["searchName", "searchAliases"] }])`;
  return [
    `type ${name} implements Entity @node(labels: ["${name}", "Entity"]) ${auth} ${fulltext} {`,
    ...[...COMMON_FIELDS, ...attributesOf(kind), ...relations].map((field) => `  ${field}`),
    '}',
  ].join('\n');
}

/**
 * Wraps one of GovGraph's read queries, unchanged, as the statement of a
 * `@cypher` field: the library wants one column, GovGraph's queries return several.
 */
function wrapped(query: string, fields: Readonly<Record<string, string>>): string {
  const result = Object.entries(fields)
    .map(([field, column]) => `${field}: ${column}`)
    .join(', ');
  return `CALL () {\n${query}\n}\nRETURN {${result}} AS result`;
}

/** Replaces `from` in `text`, which must contain it: a changed query fails here, not in a measurement. */
function swap(text: string, from: string | RegExp, to: string): string {
  const out = text.replaceAll(from instanceof RegExp ? new RegExp(from.source, 'g') : from, to);
  if (out === text) throw new Error(`the neighborhood query no longer contains ${from}`);
  return out;
}

/**
 * GovGraph's neighbourhood Cypher as a developer would put it in a `@cypher` field whose types are
 * EntityMap and RelationMap: the statement is fixed text, so it returns, for every answer, the maps
 * with the fields those types have. GovGraph reads the fields each query asks for instead.
 */
function fixedNeighborhood(text: string): string {
  let out = swap(text, '$nodeKeys IS NULL', 'true');
  out = swap(out, '$nodeKeys', '[]');
  out = swap(out, 'n {.*}', 'n {.id, .kind, .name}');
  out = swap(out, '$edgeKeys IS NULL', 'true');
  out = swap(out, '$edgeKeys', '[]');
  return swap(out, /r \{\.\*, citeArticles[^}]*\}/, 'r {.id, .role, type: type(r), from: a.id, to: b.id}');
}

const triple = (text: string) => `"""\n${text.replaceAll('"""', '\\"""')}\n"""`;

export function alternativeTypeDefs(): string {
  const unions = new Set<string>();
  for (const type of RELATION_TYPES) {
    for (const direction of ['OUT', 'IN'] as const) {
      const union = otherEnd(type, direction).union;
      if (union) unions.add(union);
    }
  }
  return `#graphql
${enumType('EntityKind', ENTITY_KINDS)}
${enumType('RelationType', RELATION_TYPES)}
${enumType('DateQualifier', DATE_QUALIFIERS)}
${enumType('DatePrecision', DATE_PRECISIONS)}
${enumType('OrgType', ORG_TYPES)}
${enumType('RegionLevel', REGION_LEVELS)}
${enumType('EventCategory', EVENT_TYPES)}
${enumType('InitiativeType', INITIATIVE_TYPES)}

type JWT @jwt {
  roles: [String!]!
}

interface Entity {
${COMMON_FIELDS.map((field) => `  ${field.replace(/ @.*$/, '')}`).join('\n')}
}

${ENTITY_KINDS.map(kindType).join('\n\n')}

${[...unions].join('\n')}

"""A cited article, as a citation names it."""
type CitedArticle {
  id: ID!
  name: String!
  url: String
}

type Citation {
  article: CitedArticle!
  quote: String
  note: String
}

"""A fact, stored as properties of its relationship; citations as parallel lists."""
type Fact @relationshipProperties {
  id: ID!
  role: String
  validFrom: String
  validFromQualifier: DateQualifier
  validFromPrecision: DatePrecision
  validFromStart: String
  validTo: String
  validToQualifier: DateQualifier
  validToPrecision: DatePrecision
  validToEnd: String
  citeArticles: [String!]!
  citeQuotes: [String!]!
  citeNotes: [String!]!
  """The citations with their articles: article ids are stored, not relationships, so only Cypher can join them."""
  citations: [Citation!]!
    @cypher(
      statement: ${triple(`UNWIND range(0, size(this.citeArticles) - 1) AS i
MATCH (a:Entity {id: this.citeArticles[i]})
RETURN {article: a {.id, .name, .url}, quote: this.citeQuotes[i], note: this.citeNotes[i]} AS citation
ORDER BY i`)}
      columnName: "citation"
    )
  version: Int!
  recordedAt: DateTime
  recordedBy: String
}

type Hit {
  score: Float!
  entity: EntityMap!
}

"""An entity as a map of its stored properties (what @cypher fields return)."""
type EntityMap {
  id: ID!
  kind: EntityKind!
  name: String!
}

type SearchPage {
  totalCount: Int!
  hits: [Hit!]!
}

"""A relation as a map of its stored properties with type and ends."""
type RelationMap {
  id: ID!
  type: RelationType!
  from: ID!
  to: ID!
  role: String
}

type HiddenCount {
  id: ID!
  count: Int!
}

type NeighborhoodMap {
  nodes: [EntityMap!]!
  edges: [RelationMap!]!
  truncated: Boolean!
  hidden: [HiddenCount!]!
}

type PathIds {
  nodes: [ID!]!
  edges: [ID!]!
}

type PathsMap {
  paths: [PathIds!]!
  nodes: [EntityMap!]!
  edges: [RelationMap!]!
}

type Query {
  """Ranked full-text search over all kinds: GovGraph's Cypher (exact name or alias first, then Lucene's score)."""
  search(lucene: String!, exact: String!, kinds: [EntityKind!], orgTypes: [String!] = null, skip: Int! = 0, limit: Int! = 20): SearchPage!
    @cypher(statement: ${triple(wrapped(Q.search.text, { totalCount: 'total', hits: 'page' }))}, columnName: "result")
  """Neighbourhood with cap and per-entity counts of what was left out: GovGraph's Cypher."""
  neighborhood(ids: [ID!]!, depth: Int! = 1, limit: Int! = 100, kinds: [EntityKind!], types: [RelationType!], asOf: String): NeighborhoodMap
    @cypher(statement: ${triple(wrapped(fixedNeighborhood(Q.neighborhood.text), { nodes: 'nodes', edges: 'edges', truncated: 'truncated', hidden: 'hidden' }))}, columnName: "result")
  """All shortest paths: GovGraph's Cypher."""
  paths(from: ID!, to: ID!, maxLength: Int! = 4, maxPaths: Int! = 10, types: [RelationType!], asOf: String): PathsMap
    @cypher(statement: ${triple(wrapped(Q.paths.text, { paths: 'paths', nodes: 'nodes', edges: 'edges' }))}, columnName: "result")
}
`;
}
