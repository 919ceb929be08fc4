import { randomUUID } from 'node:crypto';
import type { Database, Row } from '../db/database.js';
import { Q } from '../db/queries.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { idFor } from './ids.js';
import { intakeDictionaryFor } from './intake/dictionary.js';
import { Entity } from './model.js';
import { type EntityRecord, toEntity } from './records.js';
import { entityFromProps, entityLabel, entityProps } from './storage.js';
import type { EntityKind } from './vocabulary.js';

const BOOKKEEPING = ['version', 'recordedAt', 'recordedBy'];

/** The stored entity as the model, without bookkeeping: what a change record keeps before and after. */
function modelOf(row: Row): Record<string, unknown> {
  const model: Record<string, unknown> = entityFromProps(row);
  for (const key of BOOKKEEPING) delete model[key];
  return model;
}

function validate(candidate: Record<string, unknown>): Entity {
  const parsed = Entity.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entity'} ${issue.message}`);
  throw new BadInputError(`The entity is not valid: ${problems.join('; ')}.`, {
    argument: String(parsed.error.issues[0]?.path[0] ?? 'input'),
  });
}

export { idFor } from './ids.js';

export interface ChangeRecord {
  readonly id: string;
  readonly target: string;
  readonly action: 'CREATE' | 'UPDATE' | 'DELETE';
  readonly at: string;
  readonly by: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly fromVersion: number | null;
}

/**
 * Editors' changes to entities: each validated by the model's rules, based on
 * the version it was made from (a stale one is refused with CONFLICT and
 * changes nothing), and recorded with who, when, before and after in the same
 * transaction as the change itself.
 */
export class Editing {
  constructor(private readonly db: Database) {}

  async createEntity(
    input: Record<string, unknown> & { kind: EntityKind; name: string },
    by: string,
  ): Promise<EntityRecord> {
    const id = typeof input.id === 'string' && input.id !== '' ? input.id : idFor(input.kind, String(input.name ?? ''));
    const entity = validate({ ...input, id });
    const after = JSON.stringify(entity);
    try {
      const [row] = await this.db.write(Q['entity-create'], {
        id,
        props: entityProps(entity),
        label: entityLabel(entity),
        by,
        changeId: `change:${randomUUID()}`,
        after,
      });
      this.#changed();
      return toEntity(row?.entity as Row);
    } catch (error) {
      if (/already exists|ConstraintValidation/i.test(String((error as Error).message))) {
        throw new BadInputError(`There is already an entity with the id ${id}; choose another id.`, { argument: 'id' });
      }
      throw error;
    }
  }

  async updateEntity(id: string, version: number, patch: Record<string, unknown>, by: string): Promise<EntityRecord> {
    if ('id' in patch || 'kind' in patch) {
      throw new BadInputError('The id and kind of an entity cannot be changed; create a new one instead.', {
        argument: 'patch',
      });
    }
    const updated = await this.db.transaction('entity-update', async (run) => {
      const current = await this.#locked(run, id, version);
      const before = modelOf(current.entity);
      const entity = validate({ ...before, ...patch });
      const [row] = await run(Q['entity-update'], {
        id,
        props: entityProps(entity),
        version: version + 1,
        by,
        action: 'UPDATE',
        changeId: `change:${randomUUID()}`,
        before: JSON.stringify(before),
        after: JSON.stringify(entity),
      });
      return toEntity(row?.entity as Row);
    });
    this.#changed();
    return updated;
  }

  async deleteEntity(id: string, version: number, by: string): Promise<string> {
    await this.db.transaction('entity-delete', async (run) => {
      const current = await this.#locked(run, id, version);
      if (current.relations > 0) {
        throw new BadInputError(
          `${id} still has ${current.relations} relation(s) or mention(s); delete or move them first, so no fact is lost.`,
          { argument: 'id' },
        );
      }
      await run(Q['entity-delete'], {
        id,
        by,
        changeId: `change:${randomUUID()}`,
        before: JSON.stringify(modelOf(current.entity)),
      });
    });
    this.#changed();
    return id;
  }

  /** Names changed: the article intake must not propose from a stale dictionary. */
  #changed(): void {
    intakeDictionaryFor(this.db).invalidate();
  }

  async changesOf(target: string, limit = 50): Promise<ChangeRecord[]> {
    const rows = await this.db.read(Q['changes-of'], { target, limit });
    return rows.map((row) => row.change as unknown as ChangeRecord);
  }

  /** Locks the entity for this transaction and checks the version the edit is based on. */
  async #locked(
    run: Parameters<Parameters<Database['transaction']>[1]>[0],
    id: string,
    version: number,
  ): Promise<{ entity: Row; relations: number }> {
    const [row] = await run(Q['entity-lock'], { id });
    if (!row) throw new NotFoundError(`No entity with id ${id}.`, [id]);
    const entity = row.entity as Row;
    const currentVersion = Number(entity.version);
    if (currentVersion !== version) {
      const by = typeof entity.recordedBy === 'string' ? entity.recordedBy : null;
      const at = typeof entity.recordedAt === 'string' ? entity.recordedAt : null;
      throw new ConflictError(
        `${id} was changed in the meantime (now version ${currentVersion}${by ? `, by ${by}` : ''}); your edit was based on version ${version} and changed nothing. Review the current state and edit again.`,
        { currentVersion, changedBy: by, changedAt: at, current: modelOf(entity) },
      );
    }
    return { entity, relations: Number(row.relations) };
  }
}
