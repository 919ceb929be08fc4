import { GraphQLError } from 'graphql';

/** Error codes clients can rely on (`extensions.code`). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_LIMIT_EXCEEDED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
  'ALREADY_APPLIED',
  // A request that is not well-formed GraphQL over HTTP (server/request-errors.ts).
  'BAD_REQUEST',
  'REQUEST_ENTITY_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

abstract class CodedError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

export class BadInputError extends CodedError {
  readonly code = 'BAD_USER_INPUT';
  /** `argument` names the input at fault; `problems` lists every problem where there are several. */
  constructor(message: string, details: { argument?: string; problems?: readonly string[] } = {}) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...details } });
  }
}

export class NotFoundError extends CodedError {
  readonly code = 'NOT_FOUND';
  constructor(message: string, ids: readonly string[]) {
    super(message, { extensions: { code: 'NOT_FOUND', ids } });
  }
}

export class ServiceUnavailableError extends CodedError {
  readonly code = 'SERVICE_UNAVAILABLE';
  /** `http`: the status and headers of the whole response, where the request could do nothing at all. */
  constructor(
    message = 'The graph database is not reachable right now. Please try again shortly.',
    http?: { status: number; headers: Record<string, string> },
  ) {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE', ...(http ? { http } : {}) } });
  }
}

/** No valid session or token where one is needed. */
export class UnauthenticatedError extends CodedError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Please log in (or send an API token) to do this.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

/**
 * Too many failed logins for one account, or from one client address: refused, HTTP 429, until
 * `retryAfterSeconds` have passed. `extensions.limit` says which (ACCOUNT or ADDRESS).
 */
export class RateLimitedError extends CodedError {
  readonly code = 'RATE_LIMITED';
  constructor(
    readonly retryAfterSeconds: number,
    limit: 'account' | 'address' = 'account',
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const from = limit === 'account' ? 'for this account' : 'from your network address';
    super(`Too many failed logins ${from}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
      extensions: {
        code: 'RATE_LIMITED',
        limit: limit.toUpperCase(),
        retryAfterSeconds,
        http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
      },
    });
  }
}

/** Logged in, but the role does not allow it. */
export class ForbiddenError extends CodedError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** An edit based on a version that is no longer the current one: nothing was changed. */
export class ConflictError extends CodedError {
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
    super(message, { extensions: { code: 'CONFLICT', ...details } });
  }
}

/** An Idempotency-Key sent again with another request: nothing was done. */
export class IdempotencyKeyReusedError extends CodedError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This Idempotency-Key was already used for a different request; send a new key with every new change.', {
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', http: { status: 422 } },
    });
  }
}

/**
 * The request with this Idempotency-Key was carried out already, and its answer is not (or not yet) kept:
 * nothing was done again.
 */
export class AlreadyAppliedError extends CodedError {
  readonly code = 'ALREADY_APPLIED';
  constructor(batches: readonly string[]) {
    super(
      batches.length > 0
        ? `This request was already carried out (${batches.join(', ')}); its answer is not available. Reload to see the result.`
        : 'A request with this Idempotency-Key is being carried out; retry in a moment for its answer.',
      { extensions: { code: 'ALREADY_APPLIED', batches, http: { status: 409 } } },
    );
  }
}
