import { randomUUID } from 'node:crypto';
import { mentionsOf } from '../../../shared/integrity.js';
import type { Database, Row, Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { type EntityRecord, type RelationRecord, toEntity, toRelation } from '../../db/records.js';
import type { IntakeRow, IntakeStatus } from '../../db/rows.js';
import { type Batch, inBatch, type Publish } from '../editing/batch.js';
import { insertEntity } from '../editing/entities.js';
import { insertRelation, newRelationId, replaceRelation, validRelation } from '../editing/relations.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { type IntakePayload, type Plan, prepare } from './plan.js';

export type { IntakeFact, IntakePayload } from './plan.js';

export type { IntakeStatus };
/** A submitted intake as stored. */
export type IntakeRecord = IntakeRow;

export interface IntakeResult {
  readonly status: IntakeStatus;
  readonly intake: IntakeRecord | null;
  readonly article: EntityRecord | null;
  readonly relations: readonly RelationRecord[];
}

/** Writes the article, the new entities, the facts (cited to the article) and the mentions into one batch. */
async function apply(batch: Batch, planned: Plan): Promise<{ article: Row; relations: Row[] }> {
  const article = await insertEntity(batch, planned.article);
  for (const entity of planned.entities) await insertEntity(batch, entity);
  const relations: Row[] = [];
  for (const fact of planned.facts) {
    relations.push(await insertRelation(batch, { ...fact, id: await newRelationId(batch.run, fact) }));
  }
  // A fact the graph holds already gets the article as a further source; one that cites it already stays as it is.
  for (const { current, citation } of planned.confirmed) {
    const relation = validRelation(current.model);
    if (relation.citations.some((c) => c.article === citation.article)) continue;
    relations.push(
      await replaceRelation(batch, current, { ...relation, citations: [...relation.citations, citation] }),
    );
  }
  const explicit = planned.mentions.map((entity) => ({ article: planned.article.id, entity }));
  const mentions = mentionsOf({ entities: [], relations: [] }, explicit);
  if (mentions.length > 0) await batch.run(Q['seed-mentions'], { mentions });
  return { article, relations };
}

const toIntake = (row: { readonly intake: IntakeRow }): IntakeRecord => row.intake;

/** The intake a write returned; it always returns one for an intake it found or made. */
function written(rows: ReadonlyArray<{ readonly intake: IntakeRow }>): IntakeRecord {
  const [row] = rows;
  if (!row) throw new Error('The intake was not written.');
  return row.intake;
}

/**
 * Articles with the facts an editor confirmed from them, applied all or
 * nothing; with four eyes, held as pending until another editor approves.
 */
export class IntakeService {
  constructor(
    private readonly db: Database,
    private readonly publish: Publish,
    private readonly fourEyes: boolean,
  ) {}

  async submit(payload: IntakePayload, by: string): Promise<IntakeResult> {
    const id = `intake:${randomUUID()}`;
    const record = (planned: Plan) => ({
      id,
      title: planned.article.name,
      text: payload.text ?? null,
      payload: JSON.stringify(payload),
      by,
    });
    if (this.fourEyes) {
      const intake = await this.db.transaction('submitIntake', async (run) => {
        const planned = await prepare(run, payload);
        return written(await run(Q['intake-create'], { ...record(planned), status: 'PENDING' }));
      });
      return { status: 'PENDING', intake, article: null, relations: [] };
    }
    return inBatch(this.db, this.publish, { operation: 'submitIntake', by }, async (batch) => {
      const planned = await prepare(batch.run, payload);
      const applied = await apply(batch, planned);
      await batch.run(Q['intake-create'], { ...record(planned), status: 'PENDING' });
      return result(await batch.run(Q['intake-decide'], decision(id, 'APPLIED', by, null, batch, planned)), applied);
    });
  }

  /** Applies a pending intake, checked again against the graph as it is now, by an editor other than its author. */
  async approve(id: string, by: string): Promise<IntakeResult> {
    return inBatch(this.db, this.publish, { operation: 'approveIntake', by }, async (batch) => {
      const intake = await pendingIntake(batch.run, id);
      if (intake.submittedBy === by) {
        throw new ForbiddenError(
          `You submitted ${id} yourself; another editor must approve it (four eyes). You can reject it to withdraw it.`,
        );
      }
      const planned = await prepare(batch.run, JSON.parse(intake.payload) as IntakePayload);
      const applied = await apply(batch, planned);
      return result(await batch.run(Q['intake-decide'], decision(id, 'APPLIED', by, null, batch, planned)), applied);
    });
  }

  async reject(id: string, reason: string, by: string): Promise<IntakeRecord> {
    const why = reason.trim();
    if (why === '' || why.length > 2000) {
      throw new BadInputError('A rejection needs a reason of 1 to 2000 characters.', { argument: 'reason' });
    }
    return this.db.transaction('rejectIntake', async (run) => {
      await pendingIntake(run, id);
      return written(await run(Q['intake-decide'], decision(id, 'REJECTED', by, why, null, null)));
    });
  }

  async pending(): Promise<IntakeRecord[]> {
    return (await this.db.read(Q['intakes-pending'])).map(toIntake);
  }
}

function decision(
  id: string,
  status: IntakeStatus,
  by: string,
  reason: string | null,
  batch: Batch | null,
  planned: Plan | null,
) {
  return { id, status, by, reason, batch: batch?.id ?? null, article: planned?.article.id ?? null };
}

function result(
  decided: ReadonlyArray<{ readonly intake: IntakeRow }>,
  applied: { article: Row; relations: Row[] },
): IntakeResult {
  return {
    status: 'APPLIED',
    intake: written(decided),
    article: toEntity(applied.article),
    relations: applied.relations.map(toRelation),
  };
}

/** Locks an intake that is still waiting for a decision; anything else is refused, saying why. */
async function pendingIntake(run: Run, id: string): Promise<IntakeRecord> {
  const [row] = await run(Q['intake-lock'], { id });
  if (!row) throw new NotFoundError(`No intake with id ${id}.`, [id]);
  const intake = toIntake(row);
  if (intake.status !== 'PENDING') {
    throw new BadInputError(
      `${id} is no longer pending: it was ${intake.status.toLowerCase()} by ${intake.decidedBy} at ${intake.decidedAt}.`,
      { argument: 'id' },
    );
  }
  return intake;
}
