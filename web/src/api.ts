import {
  NeighborhoodDocument,
  type NeighborhoodQuery,
  type NeighborhoodQueryVariables,
  PathsDocument,
  type PathsQuery,
  SearchDocument,
  type SearchQuery,
  type TypedDocumentString,
} from './generated/graphql.js';

export type { EntityKind } from './generated/graphql.js';

/** Shapes of what the explorer reads, as generated from schema.graphql and web/src/operations.graphql. */
export type Neighborhood = NeighborhoodQuery['neighborhood'];
export type EntitySummary = Neighborhood['nodes'][number];
export type RelationSummary = Neighborhood['edges'][number];
export type Citation = RelationSummary['citations'][number];
export type PathsResult = PathsQuery['paths'];
export type SearchHit = SearchQuery['search']['edges'][number]['node'];

/** A GraphQL error as the server sends it, with its stable code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function request<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Der Server ist nicht erreichbar.', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: R;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'ERROR');
  if (!body?.data) throw new ApiError(`Unerwartete Antwort des Servers (HTTP ${response.status}).`, 'BAD_RESPONSE');
  return body.data;
}

export async function searchEntities(query: string, signal?: AbortSignal): Promise<readonly SearchHit[]> {
  const data = await request(SearchDocument, { query, first: 8 }, signal);
  return data.search.edges.map((edge) => edge.node);
}

export async function fetchNeighborhood(
  ids: readonly string[],
  options: { limit?: number; asOf?: string | null } = {},
): Promise<Neighborhood> {
  const variables: NeighborhoodQueryVariables = {
    ids: [...ids],
    depth: 1,
    limit: options.limit ?? 60,
    asOf: options.asOf ?? null,
  };
  const data = await request(NeighborhoodDocument, variables);
  return data.neighborhood;
}

export async function fetchPaths(from: string, to: string, asOf: string | null): Promise<PathsResult> {
  const data = await request(PathsDocument, { from, to, asOf });
  return data.paths;
}
