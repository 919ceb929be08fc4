import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { type Context, createContext } from './context.js';
import { type Database, DatabaseUnavailableError } from './db/database.js';
import { ServiceUnavailableError } from './errors.js';
import { schema } from './schema/index.js';

/**
 * Errors the client may see pass through; anything else is masked to
 * INTERNAL_SERVER_ERROR (yoga logs it; the client never sees it), except Neo4j being away,
 * which clients can retry and so gets its own code.
 */
function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof DatabaseUnavailableError) return new ServiceUnavailableError();
  // Returning the error itself tells yoga it is meant for the client (and not to log it).
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') return error as Error;
  if (error instanceof GraphQLError && error.originalError === undefined) return error;
  const masked = new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  return masked;
}

export type GovGraphYoga = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL server, separate from listening so tests can call `yoga.fetch` in-process. */
export function createGovGraphYoga(db: Database): GovGraphYoga {
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(db),
    maskedErrors: { maskError, errorMessage: 'Unexpected error.' },
    graphiql: { title: 'GovGraph GraphQL', defaultQuery: EXAMPLE_QUERY },
    landingPage: false,
    logging: 'warn',
  });
}

const EXAMPLE_QUERY = `# GovGraph: Wer macht was in der digitalen Verwaltung?
query Search {
  search(query: "Hüskens", first: 5) {
    totalCount
    edges { score node { id kind name description } }
  }
}
`;
