import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';

export interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: ReadonlyArray<{
    message: string;
    path?: ReadonlyArray<string | number>;
    extensions?: { code?: string; [key: string]: unknown };
  }>;
}

/** A database connection to the test Neo4j that globalSetup seeded. */
export function testDatabase(): Database {
  return new Database({ uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') });
}

/** Sends a GraphQL request to the server in-process, as a client would over HTTP. */
export function graphqlClient(yoga: GovGraphYoga) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    const response = await yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

export function setupApi() {
  const db = testDatabase();
  const yoga = createGovGraphYoga(db);
  return { db, yoga, gql: graphqlClient(yoga) };
}
