import { AsyncLocalStorage } from 'node:async_hooks';

/** A request's Idempotency-Key, while the request runs. */
export interface IdempotencyClaim {
  /** The caller's key, made unique per caller (a hash of caller and key). */
  readonly key: string;
  /** Fingerprint of the request (operation and variables), so a key cannot be replayed for another request. */
  readonly request: string;
  /** The batches this request committed under the key so far. */
  readonly batches: string[];
}

/**
 * The one thing GovGraph keeps per request outside the arguments it passes: what an API request hands down
 * to the code that talks to Neo4j, past resolvers and services that have no business carrying it. The HTTP
 * edge opens it for each request (server/http/yoga.ts, server/http/idempotency-key.ts); code outside a
 * request (the seed, the commands, the tests) runs without one.
 */
export interface RequestContext {
  /**
   * The request's patience deadline (epoch ms): every Neo4j call made for it gives up waiting then and
   * asks whether Neo4j is alive at all (Database, REQUEST_PATIENCE_MS).
   */
  readonly deadline?: number;
  /** The request's Idempotency-Key: every batch of changes it commits claims it (services/editing). */
  readonly idempotency?: IdempotencyClaim;
}

const context = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `values` added to the current request's context. */
export function inRequest<T>(values: RequestContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...values }, work);
}

/** Code outside a request runs without one. */
const OUTSIDE: RequestContext = Object.freeze({});

/** The context of the request on whose behalf the current code runs; empty outside a request. */
export function requestContext(): RequestContext {
  return context.getStore() ?? OUTSIDE;
}
