import { AsyncLocalStorage } from 'node:async_hooks';
import type { Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { AlreadyAppliedError } from '../../errors.js';

/** How long a key and its answer are kept for retries. */
export const IDEMPOTENCY_HOURS = 24;

/** A request's Idempotency-Key, while the request runs. */
export interface IdempotencyClaim {
  /** The caller's key, made unique per caller (a hash of caller and key). */
  readonly key: string;
  /** Fingerprint of the request (operation and variables), so a key cannot be replayed for another request. */
  readonly request: string;
  /** The batches this request committed under the key so far. */
  readonly batches: string[];
}

const current = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs one request's execution with its key, so every batch it writes claims the key. */
export function withIdempotencyKey<T>(claim: IdempotencyClaim, work: () => T): T {
  return current.run(claim, work);
}

const isConstraintViolation = (error: unknown) =>
  /already exists|ConstraintValidation/i.test(String((error as Error)?.message ?? ''));

/**
 * At the start of a batch's transaction: ties the batch to the request's key, if it has one. The key is
 * unique, so a second request with it waits here for the first one's commit, fails, and its transaction
 * (the whole change) rolls back. The first batch of a request claims the key, later ones (more mutations
 * in one request) join it.
 */
export async function claimKey(run: Run, batch: string): Promise<void> {
  const claim = current.getStore();
  if (!claim) return;
  if (claim.batches.length > 0) {
    await run(Q['idempotency-join'], { key: claim.key, batch });
  } else {
    try {
      await run(Q['idempotency-claim'], {
        key: claim.key,
        request: claim.request,
        batch,
        hours: IDEMPOTENCY_HOURS,
      });
    } catch (error) {
      if (isConstraintViolation(error)) throw new AlreadyAppliedError([]);
      throw error;
    }
  }
}

/** After a batch's commit: the request's key now stands for it too. */
export function keyCommitted(batch: string): void {
  current.getStore()?.batches.push(batch);
}
