import { randomUUID } from 'node:crypto';
import { RELATION_ID_PREFIX } from '../../../shared/vocabulary.js';
import type { Database, Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import type { ChangeAction, ChangeRow } from '../../db/rows.js';
import { claimKey, keyCommitted } from './idempotency.js';

export type { ChangeAction };
/** One recorded change (see ChangeRow). */
export type ChangeRecord = ChangeRow;

/** What one committed batch changed, as live updates announce it. */
export interface GraphChange {
  readonly batch: string;
  readonly at: string;
  readonly by: string;
  readonly entityIds: readonly string[];
  readonly relationIds: readonly string[];
  readonly deletedIds: readonly string[];
}

/** Tells open explorers about a committed batch. */
export type Publish = (change: GraphChange) => void;

export interface PendingChange {
  readonly target: string;
  readonly action: ChangeAction;
  readonly before: object | null;
  readonly after: object | null;
  readonly fromVersion: number | null;
  readonly toVersion: number | null;
}

export const isRelationId = (id: string): boolean => id.startsWith(`${RELATION_ID_PREFIX}:`);

/**
 * The changes one mutation makes, inside its transaction. Every write helper
 * records into it, and it writes them as (:Change) nodes of one batch in the
 * same transaction, so the record can never disagree with the graph.
 */
export class Batch {
  readonly id = `batch:${randomUUID()}`;
  readonly #changes: PendingChange[] = [];
  #records: ChangeRecord[] = [];

  constructor(
    readonly run: Run,
    readonly by: string,
    readonly operation: string,
    /** Set by a revert once it knows which batch it reverts. */
    public reverts: string | null = null,
  ) {}

  record(change: PendingChange): void {
    this.#changes.push(change);
  }

  /** The changes as recorded; available once written. */
  get records(): readonly ChangeRecord[] {
    return this.#records;
  }

  async write(): Promise<GraphChange | null> {
    if (this.#changes.length === 0) return null;
    const changes = this.#changes.map((c, seq) => ({
      id: `change:${randomUUID()}`,
      seq,
      target: c.target,
      action: c.action,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after),
      fromVersion: c.fromVersion,
      toVersion: c.toVersion,
    }));
    const [row] = await this.run(Q['changes-record'], {
      changes,
      batch: this.id,
      operation: this.operation,
      reverts: this.reverts,
      by: this.by,
    });
    const at = String(row?.at);
    const meta = {
      batch: this.id,
      operation: this.operation,
      at,
      by: this.by,
      reverts: this.reverts,
      revertedBy: null,
    };
    this.#records = changes.map(({ seq: _seq, ...c }) => ({ ...c, ...meta }));
    return summarise(this.id, at, this.by, this.#changes);
  }
}

function summarise(batch: string, at: string, by: string, changes: readonly PendingChange[]): GraphChange {
  const deleted = new Set(changes.filter((c) => c.toVersion === null).map((c) => c.target));
  const kept = [...new Set(changes.map((c) => c.target))].filter((id) => !deleted.has(id));
  return {
    batch,
    at,
    by,
    entityIds: kept.filter((id) => !isRelationId(id)),
    relationIds: kept.filter(isRelationId),
    deletedIds: [...deleted],
  };
}

export interface BatchOptions {
  readonly operation: string;
  readonly by: string;
}

/**
 * Runs `work` in one write transaction with a fresh batch, records its
 * changes, and announces them only after the commit (never a change that was
 * rolled back). Neo4j may retry the transaction, so `work` must act only
 * through the batch's `run`.
 */
export async function inBatch<T>(
  db: Database,
  publish: Publish,
  options: BatchOptions,
  work: (batch: Batch) => Promise<T>,
): Promise<T> {
  let committed: GraphChange | null = null;
  let batchId = '';
  const result = await db.transaction(options.operation, async (run) => {
    const batch = new Batch(run, options.by, options.operation);
    batchId = batch.id;
    // First, so a retry racing this one waits for it at the key, not at the entities it changes.
    await claimKey(run, batch.id);
    const value = await work(batch);
    committed = await batch.write();
    return value;
  });
  keyCommitted(batchId);
  if (committed) publish(committed);
  return result;
}
