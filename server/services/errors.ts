/** Error codes clients can rely on (`extensions.code`). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_LIMIT_EXCEEDED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
  'ALREADY_APPLIED',
  // A request that is not well-formed GraphQL over HTTP (server/http/request-errors.ts).
  'BAD_REQUEST',
  'REQUEST_ENTITY_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error the caller is meant to see, with a code clients can rely on and what else they need to act on it
 * (`details`: the argument at fault, the ids not found …). It knows nothing of GraphQL or HTTP: the schema's
 * edge turns it into a GraphQL error with `extensions.code` and the details (server/schema/errors.ts).
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.details = details;
  }
}

export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  /**
   * `argument` names the input at fault; `problems` lists every problem where there are several; `problem` is a
   * stable name for a kind of problem a client may want to tell apart (WEAK_PASSWORD).
   */
  constructor(message: string, details: { argument?: string; problems?: readonly string[]; problem?: string } = {}) {
    super(message, details);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(message: string, ids: readonly string[]) {
    super(message, { ids });
  }
}

/** Neo4j cannot be reached, or the service cannot answer now (an unfinished restore): retry later. */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The graph database is not reachable right now. Please try again shortly.') {
    super(message);
  }
}

/** A query over one of the limits on what a request may ask: refused before any database work. */
export class QueryLimitError extends DomainError {
  readonly code = 'QUERY_LIMIT_EXCEEDED';
  constructor(message: string) {
    super(message);
  }
}

/** No valid session or token where one is needed. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Please log in (or send an API token) to do this.') {
    super(message);
  }
}

/**
 * A request that must wait: too many login attempts for this account, from this client address, or from this
 * browser; too many logins or expensive queries at once (BUSY); too many expensive queries from this client at once
 * (QUERIES) or too many live-update streams (STREAMS). Refused, HTTP 429, until `retryAfterSeconds` have passed; `extensions.limit` says which.
 */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    readonly retryAfterSeconds: number,
    limit: 'account' | 'address' | 'device' | 'busy' | 'queries' | 'streams' = 'account',
  ) {
    const wait =
      retryAfterSeconds < 60
        ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
        : `${Math.ceil(retryAfterSeconds / 60)} minute${Math.ceil(retryAfterSeconds / 60) === 1 ? '' : 's'}`;
    const why = {
      account: 'Too many login attempts for this account',
      address: 'Too many login attempts from your network address',
      device: 'Too many login attempts from this browser',
      busy: 'Too many requests of this kind at once',
      queries: 'Too many expensive queries (deep neighbourhoods, long paths) from you at once',
      streams: 'Too many live-update streams open from you at once',
    }[limit];
    super(`${why}. Try again in ${wait}.`, { limit: limit.toUpperCase(), retryAfterSeconds });
  }
}

/** Logged in, but the role does not allow it. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
  }
}

/** An edit based on a version that is no longer the current one: nothing was changed. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    details: {
      /** The entity or relation that changed, where an edit touches several. */
      target?: string;
      /** null: it no longer exists (or, reverting a deletion, exists again). */
      currentVersion: number | null;
      changedBy: string | null;
      changedAt: string | null;
      current: unknown;
    },
  ) {
    super(message, details);
  }
}

/** An Idempotency-Key sent again with another request: nothing was done. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used for a different request; send a new key with every new change.');
  }
}

/**
 * The request with this Idempotency-Key was carried out already, and its answer is not (or not yet) kept:
 * nothing was done again.
 */
export class AlreadyAppliedError extends DomainError {
  readonly code = 'ALREADY_APPLIED';
  constructor(batches: readonly string[]) {
    super(
      batches.length > 0
        ? `This request was already carried out (${batches.join(', ')}); its answer is not available. Reload to see the result.`
        : 'A request with this Idempotency-Key is being carried out; retry in a moment for its answer.',
      { batches },
    );
  }
}
