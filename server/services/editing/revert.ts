import type { Entity } from '../../../shared/model.js';
import type { Database, Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { type Batch, type ChangeRecord, inBatch, isRelationId, type Publish } from './batch.js';
import { insertEntity, type Links, removeEntity, replaceEntity, validEntity } from './entities.js';
import { type Locked, type LockedEntity, lockTarget } from './locks.js';
import { insertRelation, referenceProblems, removeRelation, replaceRelation, validRelation } from './relations.js';
import { refuse } from './validation.js';

export const toChange = (row: { readonly change: ChangeRecord }): ChangeRecord => row.change;

async function batchOf(run: Run, changeId: string): Promise<ChangeRecord[]> {
  const changes = (await run(Q['changes-of-batch'], { id: changeId })).map(toChange);
  if (changes.length === 0) throw new NotFoundError(`No change with id ${changeId}.`, [changeId]);
  return changes;
}

/** A batch is reverted once; reverting the revert brings it back, and then it may be reverted again. */
async function assertNotReverted(run: Run, batch: string): Promise<void> {
  const [row] = await run(Q['batch-reverted'], { batch });
  if (row) {
    throw new BadInputError(
      `${batch} was already reverted by ${row.by} at ${row.at} (${row.batch}); to bring it back, revert that batch instead.`,
      { argument: 'id' },
    );
  }
}

/** Who last changed (or deleted) a target, for a conflict message. */
async function lastChange(run: Run, target: string): Promise<ChangeRecord | null> {
  const [row] = await run(Q['changes-of'], { target, limit: 1 });
  return row ? toChange(row) : null;
}

/**
 * Locks every target of the batch (in id order) and checks it is still as the
 * batch left it — at the change's version after, or gone after a deletion —
 * so a revert never undoes someone's later edit.
 */
async function lockUnchanged(run: Run, changes: readonly ChangeRecord[]): Promise<Map<string, Locked | null>> {
  const last = new Map(changes.map((c) => [c.target, c]));
  const found = new Map<string, Locked | null>();
  for (const target of [...last.keys()].sort()) {
    const change = last.get(target) as ChangeRecord;
    const current = await lockTarget(run, target);
    found.set(target, current);
    if ((current?.version ?? null) === change.toVersion) continue;
    const latest = current ? null : await lastChange(run, target);
    const by = current?.recordedBy ?? latest?.by ?? null;
    const at = current?.recordedAt ?? latest?.at ?? null;
    const since = current
      ? change.toVersion === null
        ? `exists again (version ${current.version}${by ? `, by ${by}` : ''})`
        : `was changed since (now version ${current.version}${by ? `, by ${by}` : ''})`
      : `was deleted since${by ? ` by ${by}` : ''}`;
    throw new ConflictError(
      `${target} ${since}, so ${change.batch} cannot be reverted; revert the later change first. Nothing was changed.`,
      {
        target,
        currentVersion: current?.version ?? null,
        changedBy: by,
        changedAt: at,
        current: current?.model ?? null,
      },
    );
  }
  return found;
}

/** An entity a revert would remove must have no facts (or citations, figures) that came later. */
async function assertNothingRefersTo(run: Run, current: LockedEntity): Promise<void> {
  const facts = (await run(Q['entity-relations'], { id: current.id })).map((row) => String(row.relation.id));
  const [citers] = current.kind === 'ARTICLE' ? await run(Q['article-citers'], { id: current.id }) : [];
  const later = [...facts, ...(citers?.relations ?? []), ...(citers?.figured ?? [])];
  if (later.length > 0) {
    throw new BadInputError(
      `${current.id} cannot be removed: ${[...new Set(later)].join(', ')} (added later) still refer to it. Delete or change them first; nothing was changed.`,
      { argument: 'id' },
    );
  }
}

async function restoreRelation(batch: Batch, change: ChangeRecord, current: Locked | null): Promise<void> {
  const relation = validRelation(JSON.parse(change.before ?? '{}'));
  const problems = await referenceProblems(batch.run, relation);
  if (problems.length > 0) refuse(`${relation.id} cannot be restored`, problems);
  if (current) await replaceRelation(batch, current, relation);
  else await insertRelation(batch, relation, change.fromVersion);
}

/** A mention, as the seed and import write them. */
type MentionPair = { article: string; entity: string };

/**
 * Brings an entity back to its state before the change; a deleted one with
 * its mentions. Returns the mentions a merge gave the survivor, to be taken
 * back once the facts are moved back.
 */
async function restoreEntity(batch: Batch, change: ChangeRecord, current: Locked | null): Promise<MentionPair[]> {
  const { links, ...model } = JSON.parse(change.before ?? '{}') as Entity & { links?: Links };
  const entity = validEntity(model);
  if (current) {
    await replaceEntity(batch, current as LockedEntity, entity);
    return [];
  }
  await insertEntity(batch, entity, change.fromVersion);
  const restored = [
    ...(links?.mentionedIn ?? []).map((article) => ({ article, entity: entity.id })),
    ...(links?.mentions ?? []).map((other) => ({ article: entity.id, entity: other })),
  ];
  if (restored.length > 0) await batch.run(Q['seed-mentions'], { mentions: restored });
  const survivor = links?.mergedInto;
  if (!survivor) return [];
  return [
    ...(links?.gainedIn ?? []).map((article) => ({ article, entity: survivor })),
    ...(links?.gained ?? []).map((other) => ({ article: survivor, entity: other })),
  ];
}

/** Undoes one change, recording the undoing as a change of its own; returns mentions to take back at the end. */
async function undo(batch: Batch, change: ChangeRecord, current: Locked | null): Promise<MentionPair[]> {
  if (change.action === 'CREATE') {
    if (!current) return [];
    if (isRelationId(change.target)) {
      await removeRelation(batch, current);
      return [];
    }
    await assertNothingRefersTo(batch.run, current as LockedEntity);
    await removeEntity(batch, current as LockedEntity);
    return [];
  }
  // UPDATE and DELETE both bring back the state before.
  if (isRelationId(change.target)) {
    await restoreRelation(batch, change, current);
    return [];
  }
  return restoreEntity(batch, change, current);
}

/**
 * Reverts the whole batch a change belongs to, in one transaction, last
 * change first; the revert is a batch of its own that names the one it
 * reverts. Returns its changes.
 */
export async function revertBatch(
  db: Database,
  publish: Publish,
  changeId: string,
  by: string,
): Promise<ChangeRecord[]> {
  const done = await inBatch(db, publish, { operation: 'revertChange', by }, async (batch) => {
    const changes = await batchOf(batch.run, changeId);
    const original = changes[0]?.batch as string;
    batch.reverts = original;
    await assertNotReverted(batch.run, original);
    const current = await lockUnchanged(batch.run, changes);
    const takeBack: MentionPair[] = [];
    for (const change of [...changes].reverse()) {
      takeBack.push(...(await undo(batch, change, current.get(change.target) ?? null)));
    }
    if (takeBack.length > 0) await batch.run(Q['mentions-prune'], { mentions: takeBack });
    return batch;
  });
  return [...done.records];
}
