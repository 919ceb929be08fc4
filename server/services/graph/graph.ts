import { luceneQuery } from '../../../shared/fold.js';
import type { EntityKind, RelationType } from '../../../shared/vocabulary.js';
import type { Database, Row } from '../../db/database.js';
import type { Plain } from '../../db/plain.js';
import { Q } from '../../db/queries.js';
import { type EntityRecord, partialEntity, type RelationRecord, toEntity, toRelation } from '../../db/records.js';

export interface Page<T> {
  readonly total: number;
  readonly items: T[];
}

export interface SearchHit {
  readonly entity: EntityRecord;
  readonly score: number;
}

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface RelationTypeCount {
  readonly type: RelationType;
  readonly count: number;
}

export interface GraphStats {
  readonly kinds: ReadonlyArray<{ kind: EntityKind; count: number }>;
  readonly relationTypes: readonly RelationTypeCount[];
  readonly regionLevels: ReadonlyArray<{ level: string; count: number }>;
  readonly newestArticleDate: string | null;
}

export interface NeighborhoodResult {
  readonly nodes: EntityRecord[];
  readonly edges: RelationRecord[];
  readonly truncated: boolean;
  /** Per returned entity, how many of its neighbours were left out (only those with any). */
  readonly hidden: ReadonlyArray<{ id: string; count: number }>;
}

export interface PathsResult {
  readonly paths: ReadonlyArray<{ nodes: string[]; edges: string[] }>;
  readonly nodes: EntityRecord[];
  readonly edges: RelationRecord[];
}

export interface RelationFilter {
  readonly types: readonly RelationType[] | null;
  readonly direction: Direction;
  /** YYYY-MM-DD: only facts valid on that day. */
  readonly asOf: string | null;
}

const asRow = (value: Plain | undefined): Row =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
const asRows = (value: Plain | undefined): Row[] => (Array.isArray(value) ? value.map(asRow) : []);
const asList = (value: Plain | undefined): Plain[] => (Array.isArray(value) ? value : []);
/** A row from a list of values read in the order of `keys` (projections with keys chosen at run time). */
function zip(keys: readonly string[], values: Plain | undefined, from = 0, row: Record<string, Plain> = {}): Row {
  const list = Array.isArray(values) ? values : [];
  for (let i = 0; i < keys.length; i += 1) row[keys[i] as string] = list[from + i] ?? null;
  return row;
}

/** Reads of the graph, one Cypher round trip each; resolvers call these, never the database. */
export class GraphService {
  constructor(private readonly db: Database) {}

  /** In the order of `ids`, null where there is no such entity (DataLoader's contract). */
  async entitiesByIds(ids: readonly string[]): Promise<Array<EntityRecord | null>> {
    const rows = await this.db.read(Q['entities-by-ids'], { ids });
    const byId = new Map(rows.map((row) => toEntity(asRow(row.entity))).map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async relationsByIds(ids: readonly string[]): Promise<Array<RelationRecord | null>> {
    const rows = await this.db.read(Q['relations-by-ids'], { ids });
    const byId = new Map(rows.map((row) => toRelation(asRow(row.relation))).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async mentionedIn(ids: readonly string[]): Promise<EntityRecord[][]> {
    const rows = await this.db.read(Q['mentioned-in'], { ids });
    const byId = new Map(rows.map((row) => [String(row.id), asRows(row.articles).map(toEntity)]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  async eventPlaces(ids: readonly string[]): Promise<EntityRecord[][]> {
    const rows = await this.db.read(Q['event-places'], { ids });
    const byId = new Map(rows.map((row) => [String(row.id), asRows(row.places).map(toEntity)]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  /** Where each entity belongs (see entity-regions.cypher), null where nowhere. */
  async regionsOf(ids: readonly string[]): Promise<Array<EntityRecord | null>> {
    const rows = await this.db.read(Q['entity-regions'], { ids });
    const byId = new Map(rows.map((row) => [String(row.id), toEntity(asRow(row.region))]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Per entity, how many facts of each type it has (valid on `asOf` when given), by type. */
  async relationCounts(ids: readonly string[], asOf: string | null): Promise<RelationTypeCount[][]> {
    const rows = await this.db.read(Q['relation-counts'], { ids, asOf });
    const byId = new Map(
      rows.map((row) => [String(row.id), row.counts.map((c) => ({ type: c.type, count: c.count }))]),
    );
    return ids.map((id) => byId.get(id) ?? []);
  }

  async articleFacts(id: string, window: { offset: number; limit: number }): Promise<Page<RelationRecord>> {
    const [row] = await this.db.read(Q['article-facts'], { id, skip: window.offset, limit: window.limit });
    return { total: Number(row?.total ?? 0), items: asRows(row?.page).map(toRelation) };
  }

  async stats(): Promise<GraphStats> {
    const [row] = await this.db.read(Q.stats);
    return {
      kinds: row?.kinds ?? [],
      relationTypes: row?.relationTypes ?? [],
      regionLevels: row?.regionLevels ?? [],
      newestArticleDate: row?.newestArticleDate ?? null,
    };
  }

  /** One page of relations for each of several entities (DataLoader's contract: in the order of `ids`). */
  async relationsOf(
    ids: readonly string[],
    filter: RelationFilter,
    window: { offset: number; limit: number },
  ): Promise<Array<Page<RelationRecord>>> {
    const rows = await this.db.read(Q['relations-of-entities'], {
      ids,
      types: filter.types,
      direction: filter.direction,
      asOf: filter.asOf,
      skip: window.offset,
      limit: window.limit,
    });
    const byId = new Map(
      rows.map((row) => [String(row.id), { total: Number(row.total ?? 0), items: asRows(row.page).map(toRelation) }]),
    );
    return ids.map((id) => byId.get(id) ?? { total: 0, items: [] });
  }

  async paths(options: {
    from: string;
    to: string;
    maxLength: number;
    maxPaths: number;
    types: readonly RelationType[] | null;
    asOf: string | null;
  }): Promise<PathsResult> {
    const [row] = await this.db.read(Q.paths, { ...options });
    const paths = (row?.paths ?? []).map((p) => ({ nodes: [...p.nodes], edges: [...p.edges] }));
    return { paths, nodes: (row?.nodes ?? []).map(toEntity), edges: (row?.edges ?? []).map(toRelation) };
  }

  async timeline(options: {
    entityId: string | null;
    regionId: string | null;
    eventTypes: readonly string[] | null;
    from: string | null;
    to: string | null;
    offset: number;
    limit: number;
  }): Promise<Page<EntityRecord>> {
    const [row] = await this.db.read(Q.timeline, {
      entityId: options.entityId,
      regionId: options.regionId,
      eventTypes: options.eventTypes,
      from: options.from,
      to: options.to,
      skip: options.offset,
      limit: options.limit,
    });
    return { total: Number(row?.total ?? 0), items: asRows(row?.page).map(toEntity) };
  }

  async search(options: {
    terms: readonly string[];
    kinds: readonly EntityKind[] | null;
    orgTypes?: readonly string[] | null;
    offset: number;
    limit: number;
  }): Promise<Page<SearchHit>> {
    const [row] = await this.db.read(Q.search, {
      lucene: luceneQuery(options.terms),
      exact: options.terms.join(' '),
      kinds: options.kinds,
      orgTypes: options.orgTypes ?? null,
      skip: options.offset,
      limit: options.limit,
    });
    const items = asRows(row?.page).map((hit) => ({ entity: toEntity(asRow(hit.entity)), score: Number(hit.score) }));
    return { total: Number(row?.total ?? 0), items };
  }

  async neighborhood(options: {
    ids: readonly string[];
    depth: number;
    limit: number;
    kinds: readonly EntityKind[] | null;
    types: readonly RelationType[] | null;
    asOf: string | null;
    /** Read only these properties of each entity (id, kind and name first); null: all. */
    nodeKeys?: readonly string[] | null;
    /** Read only these properties of each relation (id first) besides type and ends; null: all but citations. */
    edgeKeys?: readonly string[] | null;
  }): Promise<NeighborhoodResult> {
    const nodeKeys = options.nodeKeys ?? null;
    const edgeKeys = options.edgeKeys ?? null;
    const [row] = await this.db.read(Q.neighborhood, { ...options, nodeKeys, edgeKeys });
    const nodes = asList(row?.nodes).map((value) =>
      nodeKeys ? partialEntity(zip(nodeKeys, value)) : toEntity(asRow(value)),
    );
    const ends = nodeKeys ? new Map(nodes.map((node) => [node.id, node])) : undefined;
    return {
      nodes,
      edges: asList(row?.edges).map((value) => {
        if (!edgeKeys) return toRelation(asRow(value));
        // [type, from, to, ...the values of edgeKeys]
        const list = Array.isArray(value) ? value : [];
        const row = { type: list[0] ?? null, from: list[1] ?? null, to: list[2] ?? null, withoutCitations: true };
        const relation = toRelation(zip(edgeKeys, list, 3, row));
        return ends ? { ...relation, ends } : relation;
      }),
      truncated: row?.truncated === true,
      hidden: asRows(row?.hidden).map((h) => ({ id: String(h.id), count: Number(h.count) })),
    };
  }
}
