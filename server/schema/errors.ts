import { type ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { DomainError } from '../services/errors.js';

/** How a whole response is sent when it carries this error (yoga reads `extensions.http`). */
export interface HttpHint {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The HTTP status a refusal of this kind gets, where it is not 200 with the error beside the data. */
function httpOf(error: DomainError): HttpHint | undefined {
  switch (error.code) {
    case 'RATE_LIMITED':
      return { status: 429, headers: { 'retry-after': String(error.details.retryAfterSeconds) } };
    case 'IDEMPOTENCY_KEY_REUSED':
      return { status: 422 };
    case 'ALREADY_APPLIED':
      return { status: 409 };
    default:
      return undefined;
  }
}

/**
 * The schema's edge: a domain error as the API reports it, with its message, `extensions.code` and its details,
 * at the place in the query where it was thrown (`at`, the error graphql-js wrapped it in).
 */
export function toGraphQLError(error: DomainError, at?: GraphQLError, http: HttpHint | undefined = httpOf(error)) {
  return new GraphQLError(error.message, {
    nodes: at?.nodes,
    path: at?.path,
    extensions: { code: error.code, ...error.details, ...(http ? { http } : {}) },
  });
}

/** An answer's errors with the services' own turned into GraphQL errors (the others as they are). */
function mapped(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((error) => error.originalError instanceof DomainError)) return result;
  return {
    ...result,
    errors: result.errors.map((error) =>
      error.originalError instanceof DomainError ? toGraphQLError(error.originalError, error) : error,
    ),
  };
}

/**
 * The schema's edge as a plugin: every answer and every event of a subscription carries the services' errors as
 * GraphQL errors with their codes, before yoga masks what is left (and logs only that, the unexpected).
 */
export function domainErrors(): Plugin {
  const done = (payload: Parameters<Parameters<typeof handleStreamOrSingleExecutionResult>[1]>[0]) =>
    payload.setResult(mapped(payload.result));
  return {
    onExecute: () => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, done),
    }),
    onSubscribe: () => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, done),
    }),
  };
}
