import type { EntityKind, OrgType } from './generated/graphql.js';
import {
  ArticleFactsDocument,
  EntitiesDocument,
  NeighborhoodDocument,
  type NeighborhoodQuery,
  type NeighborhoodQueryVariables,
  PathsDocument,
  type PathsQuery,
  RelationCountsDocument,
  RelationsDocument,
  SearchDocument,
  type SearchQuery,
  type TypedDocumentString,
} from './generated/graphql.js';
import { i18next } from './i18n/index.js';

export type { EntityKind, OrgType };

/** Shapes of what the explorer reads, as generated from schema.graphql and web/src/operations.graphql. */
export type Neighborhood = NeighborhoodQuery['neighborhood'];
export type EntitySummary = Neighborhood['nodes'][number];
export type RelationSummary = Neighborhood['edges'][number];
export type Citation = RelationSummary['citations'][number];
export type PathsResult = PathsQuery['paths'];
/** A search result: the entity, where it belongs, and why it matched. */
export type SearchHit = SearchQuery['search']['edges'][number]['node'] & {
  readonly matched: SearchQuery['search']['edges'][number]['matched'];
};
/** Everything one article says: its facts and the entities they connect. */
export interface ArticleFacts {
  readonly id: string;
  readonly name: string;
  /** All facts citing it; up to 100 of them are loaded. */
  readonly totalCount: number;
  readonly facts: readonly RelationSummary[];
  readonly entities: readonly EntitySummary[];
}

/** A GraphQL error as the server sends it, with its stable code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** What the server adds to the error: for CONFLICT the current state, for bad input the argument. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** A key for one change; its retries send the same one, so the server carries the change out once. */
export function newIdempotencyKey(): string {
  // getRandomValues, unlike randomUUID, works on plain http too (an intranet host, say).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Pauses before a change is sent again after the network failed or the server answered 503 (see RETRIED). */
export const MUTATION_RETRY_PAUSES_MS = [1000, 3000];

const isMutation = (query: string) => /^\s*mutation\b/.test(query);

/**
 * Changes the server records as a batch, which its Idempotency-Key makes happen once: these are sent again
 * when the network failed or the server answered 503. Others (a login, an intake waiting for a second
 * editor, a rejection) are not, since a second try would count or be stored twice.
 */
const RETRIED = new Set([
  'CreateEntity',
  'UpdateEntity',
  'DeleteEntity',
  'CreateRelation',
  'UpdateRelation',
  'DeleteRelation',
  'MergeEntities',
  'RevertChange',
  'ApproveIntake',
]);
const retried = (query: string) => RETRIED.has(/^\s*mutation\s+(\w+)/.exec(query)?.[1] ?? '');

export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<R> {
  const query = document.toString();
  const mutation = isMutation(query);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
    ...(mutation ? { 'idempotency-key': newIdempotencyKey() } : {}),
  };
  const body = JSON.stringify({ query, variables });
  let response: Response | undefined;
  for (let attempt = 0; ; attempt += 1) {
    const pause = mutation && retried(query) ? MUTATION_RETRY_PAUSES_MS[attempt] : undefined;
    try {
      response = await fetch('/graphql', { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
      if (response.status !== 503 || pause === undefined) break;
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      if (pause === undefined) throw new ApiError(i18next.t('errors.unreachable'), 'NETWORK');
    }
    // The same key: if the first try was carried out after all, the server answers it again.
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return answerOf(response);
}

async function answerOf<R>(response: Response): Promise<R> {
  const body = (await response.json().catch(() => null)) as {
    data?: R;
    errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    // Where reading is not public, the reader is asked to log in, in their language.
    const message = code === 'UNAUTHENTICATED' ? i18next.t('errors.loginToRead') : first.message;
    throw new ApiError(message, code, first.extensions ?? {});
  }
  if (!body?.data) throw new ApiError(i18next.t('errors.badResponse', { status: response.status }), 'BAD_RESPONSE');
  return body.data;
}

/** How many hits the search box suggests at first, and how many it lists when asked for all. */
export const SEARCH_SUGGESTIONS = 8;
export const SEARCH_ALL = 100;

export async function searchEntities(
  query: string,
  signal?: AbortSignal,
  kinds: readonly EntityKind[] | null = null,
  first = SEARCH_SUGGESTIONS,
  orgTypes: readonly OrgType[] | null = null,
): Promise<{ readonly hits: readonly SearchHit[]; readonly total: number }> {
  const data = await request(
    SearchDocument,
    { query, first, kinds: kinds ? [...kinds] : null, orgTypes: orgTypes ? [...orgTypes] : null },
    signal,
  );
  return {
    hits: data.search.edges.map((edge) => ({ ...edge.node, matched: edge.matched })),
    total: data.search.totalCount,
  };
}

export async function fetchNeighborhood(
  ids: readonly string[],
  options: { limit?: number; asOf?: string | null; relationTypes?: readonly string[] } = {},
): Promise<Neighborhood> {
  const variables: NeighborhoodQueryVariables = {
    ids: [...ids],
    depth: 1,
    limit: options.limit ?? 60,
    asOf: options.asOf ?? null,
    relationTypes:
      options.relationTypes && options.relationTypes.length > 0
        ? (options.relationTypes as NonNullable<NeighborhoodQueryVariables['relationTypes']>)
        : null,
  };
  const data = await request(NeighborhoodDocument, variables);
  return data.neighborhood;
}

export async function fetchPaths(from: string, to: string, asOf: string | null): Promise<PathsResult> {
  const data = await request(PathsDocument, { from, to, asOf });
  return data.paths;
}

/** Entities by id, without neighbours; ids no longer known are left out. */
export async function fetchEntities(ids: readonly string[]): Promise<EntitySummary[]> {
  if (ids.length === 0) return [];
  const data = await request(EntitiesDocument, { ids: [...ids] });
  return data.nodes.filter((n): n is EntitySummary => n != null && 'kind' in n);
}

/**
 * Everything one article says, with the entities it names; null when there is
 * no such article. Three small queries rather than one deep one, which the
 * server's cost limit would refuse.
 */
export async function fetchArticleFacts(id: string): Promise<ArticleFacts | null> {
  const data = await request(ArticleFactsDocument, { id });
  if (!data.article) return null;
  const ids = data.article.facts.nodes.map((n) => n.id);
  const relations =
    ids.length === 0
      ? []
      : (await request(RelationsDocument, { ids })).nodes.filter((n): n is RelationSummary => n != null && 'type' in n);
  const entities = await fetchEntities([...new Set(relations.flatMap((r) => [r.from.id, r.to.id]))]);
  return {
    id: data.article.id,
    name: data.article.name,
    totalCount: data.article.facts.totalCount,
    facts: relations,
    entities,
  };
}

/** How many facts of each relation type an entity has (as of a day), for "expand by relation type". */
export async function fetchRelationCounts(
  id: string,
  asOf: string | null,
): Promise<ReadonlyArray<{ type: string; count: number }>> {
  const data = await request(RelationCountsDocument, { id, asOf });
  return data.node && 'relationCounts' in data.node ? data.node.relationCounts : [];
}
