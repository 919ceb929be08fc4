import { mentionsOf, relationProblems } from '../../../shared/integrity.js';
import { Relation } from '../../../shared/model.js';
import { RELATION_ID_PREFIX } from '../../../shared/vocabulary.js';
import { type Database, isConstraintViolation, type Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { type RelationRecord, toRelation } from '../../db/records.js';
import type { RelationProps } from '../../db/rows.js';
import { relationProps } from '../../db/storage.js';
import { BadInputError } from '../errors.js';
import { type Batch, inBatch, type Publish } from './batch.js';
import { atVersion, type LockedRelation, lockEntities, lockRelation } from './locks.js';
import { type Problem, refuse, validated } from './validation.js';

export const validRelation = (candidate: unknown): Relation => validated(Relation, candidate, 'relation');

/** Stands in for an id still to be chosen, so the rest of a new relation can be checked first. */
export const PENDING_RELATION_ID = `${RELATION_ID_PREFIX}:pending`;

const slugOfId = (id: string) => id.slice(id.indexOf(':') + 1);

/** rel:<from>-<type>-<to> (rel:lydia-hueskens-holds-office-at-mid-sachsen-anhalt), numbered when taken. */
export async function newRelationId(run: Run, relation: Pick<Relation, 'type' | 'from' | 'to'>): Promise<string> {
  const base =
    `${RELATION_ID_PREFIX}:${slugOfId(relation.from)}-${relation.type.toLowerCase().replaceAll('_', '-')}-${slugOfId(relation.to)}`
      .slice(0, 190)
      .replace(/[-.]+$/, '');
  const taken = new Set((await run(Q['relation-ids-like'], { prefix: base })).map((row) => String(row.id)));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** Refuses an id another relation (of any type) already has; the per-type constraints cannot see across types. */
export async function assertRelationIdFree(run: Run, id: string): Promise<void> {
  const rows = await run(Q['relation-ids-like'], { prefix: id });
  if (rows.some((row) => row.id === id)) {
    throw new BadInputError(`There is already a relation with the id ${id}; choose another id.`, { argument: 'id' });
  }
}

/**
 * Locks the relation's ends and cited articles (so none disappears before the
 * edit commits) and returns what is wrong with them: unknown, or kinds the
 * relation type does not allow.
 */
export async function referenceProblems(
  run: Run,
  relation: Pick<Relation, 'type' | 'from' | 'to' | 'citations'>,
  known: ReadonlyMap<string, string> = new Map(),
): Promise<Problem[]> {
  const ids = [relation.from, relation.to, ...relation.citations.map((c) => c.article)].filter((id) => !known.has(id));
  const kinds = await lockEntities(run, ids);
  return relationProblems(relation, (id) => (known.get(id) ?? kinds.get(id)) as never);
}

async function assertReferences(run: Run, relation: Relation): Promise<void> {
  const problems = await referenceProblems(run, relation);
  if (problems.length > 0) refuse('The relation is not valid', problems);
}

/** Every article a fact cites mentions both its ends (as the seed has it). */
async function addMentions(run: Run, relation: Relation): Promise<void> {
  await run(Q['seed-mentions'], { mentions: mentionsOf({ entities: [], relations: [relation] }) });
}

async function writeNew(batch: Batch, relation: Relation, version: number): Promise<RelationProps> {
  const [row] = await batch.run(Q['relation-create'], {
    type: relation.type,
    from: relation.from,
    to: relation.to,
    props: relationProps(relation),
    version,
    by: batch.by,
  });
  // The ends were locked and checked in this transaction, so they are there.
  if (!row) throw new Error(`Could not create ${relation.id}: an end is missing`);
  await addMentions(batch.run, relation);
  return row.relation;
}

/** Writes a new relation (version 1, or the next one when a revert brings it back) and records it. */
export async function insertRelation(
  batch: Batch,
  relation: Relation,
  deletedAt: number | null = null,
): Promise<RelationProps> {
  const version = (deletedAt ?? 0) + 1;
  const row = await writeNew(batch, relation, version);
  batch.record({
    target: relation.id,
    action: 'CREATE',
    before: null,
    after: relation,
    fromVersion: null,
    toVersion: version,
  });
  return row;
}

/**
 * Writes a locked relation's new state and records it. New ends (a merge, or
 * reverting one) mean a new Neo4j relationship with the same id: Neo4j cannot
 * move one.
 */
export async function replaceRelation(
  batch: Batch,
  current: LockedRelation,
  relation: Relation,
): Promise<RelationProps> {
  const version = current.version + 1;
  let row: RelationProps;
  if (
    current.model.from !== relation.from ||
    current.model.to !== relation.to ||
    current.model.type !== relation.type
  ) {
    await batch.run(Q['relation-delete'], { id: current.id });
    row = await writeNew(batch, relation, version);
  } else {
    const [updated] = await batch.run(Q['relation-update'], {
      id: current.id,
      props: relationProps(relation),
      version,
      by: batch.by,
    });
    // The relation was locked in this transaction, so it is there.
    if (!updated) throw new Error(`Could not update ${current.id}: it is missing`);
    await addMentions(batch.run, relation);
    row = updated.relation;
  }
  batch.record({
    target: current.id,
    action: 'UPDATE',
    before: current.model,
    after: relation,
    fromVersion: current.version,
    toVersion: version,
  });
  return row;
}

/** Deletes a locked relation and records its last state. The articles that cited it still mention its ends. */
export async function removeRelation(batch: Batch, current: LockedRelation): Promise<void> {
  await batch.run(Q['relation-delete'], { id: current.id });
  batch.record({
    target: current.id,
    action: 'DELETE',
    before: current.model,
    after: null,
    fromVersion: current.version,
    toVersion: null,
  });
}

/** What an editor may change of a relation; its type and ends are what it is (delete it and create another). */
export type RelationPatch = Partial<
  Pick<Relation, 'role' | 'validFrom' | 'validFromQualifier' | 'validTo' | 'validToQualifier' | 'citations'>
>;

/** Facts editors add, change and delete: validated, cited, versioned and recorded like entities. */
export class RelationEditing {
  constructor(
    private readonly db: Database,
    private readonly publish: Publish,
  ) {}

  async create(input: Record<string, unknown>, by: string): Promise<RelationRecord> {
    const given = typeof input.id === 'string' && input.id !== '' ? input.id : null;
    const draft = validRelation({ ...input, id: given ?? PENDING_RELATION_ID });
    try {
      return await inBatch(this.db, this.publish, { operation: 'createRelation', by }, async (batch) => {
        await assertReferences(batch.run, draft);
        if (given) await assertRelationIdFree(batch.run, given);
        const relation = { ...draft, id: given ?? (await newRelationId(batch.run, draft)) };
        return toRelation(await insertRelation(batch, relation));
      });
    } catch (error) {
      // Two racing creations of the same id and type: the constraint stops the second.
      if (isConstraintViolation(error)) {
        throw new BadInputError(`There is already a relation with the id ${given ?? draft.id}; choose another id.`, {
          argument: 'id',
        });
      }
      throw error;
    }
  }

  async update(id: string, version: number, patch: RelationPatch, by: string): Promise<RelationRecord> {
    const changes: Record<string, unknown> = { ...patch };
    if (changes.citations === null) {
      throw new BadInputError('citations cannot be cleared: every fact needs at least one citation.', {
        argument: 'citations',
      });
    }
    // Clearing a date clears how it is qualified, which means nothing without it.
    if (changes.validFrom === null && !('validFromQualifier' in changes)) changes.validFromQualifier = null;
    if (changes.validTo === null && !('validToQualifier' in changes)) changes.validToQualifier = null;
    return inBatch(this.db, this.publish, { operation: 'updateRelation', by }, async (batch) => {
      const current = atVersion(await lockRelation(batch.run, id), id, version);
      const relation = validRelation({ ...current.model, ...changes });
      await assertReferences(batch.run, relation);
      return toRelation(await replaceRelation(batch, current, relation));
    });
  }

  async delete(id: string, version: number, by: string): Promise<string> {
    return inBatch(this.db, this.publish, { operation: 'deleteRelation', by }, async (batch) => {
      await removeRelation(batch, atVersion(await lockRelation(batch.run, id), id, version));
      return id;
    });
  }
}
