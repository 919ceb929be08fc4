import { isConstraintViolation, type Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { requestContext } from '../../db/request-context.js';
import { AlreadyAppliedError } from '../errors.js';

/** How long a key and its answer are kept for retries. */
export const IDEMPOTENCY_HOURS = 24;

/**
 * At the start of a batch's transaction: ties the batch to the request's key, if it has one. The key is
 * unique, so a second request with it waits here for the first one's commit, fails, and its transaction
 * (the whole change) rolls back. The first batch of a request claims the key, later ones (more mutations
 * in one request) join it.
 */
export async function claimKey(run: Run, batch: string): Promise<void> {
  const claim = requestContext().idempotency;
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
  requestContext().idempotency?.batches.push(batch);
}
