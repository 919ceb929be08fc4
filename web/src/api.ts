import type { EntityKind } from '../../server/domain/vocabulary.js';

export type { EntityKind };

/** Shapes of the API answers the explorer reads (a subset of schema.graphql). */

export interface EntitySummary {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly description: string | null;
}

export interface Citation {
  readonly quote: string | null;
  readonly note: string | null;
  readonly article: {
    readonly id: string;
    readonly title: string;
    readonly publishedOn: string | null;
    readonly url: string | null;
  };
}

export interface RelationSummary {
  readonly id: string;
  readonly type: string;
  readonly role: string | null;
  readonly from: { readonly id: string };
  readonly to: { readonly id: string };
  readonly citations: readonly Citation[];
}

export interface Neighborhood {
  readonly nodes: readonly EntitySummary[];
  readonly edges: readonly RelationSummary[];
  readonly truncated: boolean;
}

/** A GraphQL error as the server sends it, with its stable code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Der Server ist nicht erreichbar.', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'ERROR');
  if (!body?.data) throw new ApiError(`Unerwartete Antwort des Servers (HTTP ${response.status}).`, 'BAD_RESPONSE');
  return body.data;
}

const SEARCH = `query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) { totalCount nodes { id kind name description } }
}`;

export async function searchEntities(query: string, signal?: AbortSignal): Promise<readonly EntitySummary[]> {
  const data = await request<{ search: { nodes: EntitySummary[] } }>(SEARCH, { query, first: 8 }, signal);
  return data.search.nodes;
}

const NEIGHBORHOOD = `query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int) {
  neighborhood(ids: $ids, depth: $depth, limit: $limit) {
    truncated
    nodes { id kind name description }
    edges {
      id type role from { id } to { id }
      citations { quote note article { id title publishedOn url } }
    }
  }
}`;

export async function fetchNeighborhood(ids: readonly string[], limit = 60): Promise<Neighborhood> {
  const data = await request<{ neighborhood: Neighborhood }>(NEIGHBORHOOD, { ids, depth: 1, limit });
  return data.neighborhood;
}
