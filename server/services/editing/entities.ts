import { isDeepStrictEqual } from 'node:util';
import { messageOf } from '../../../shared/errors.js';
import { idFor } from '../../../shared/ids.js';
import { Entity } from '../../../shared/model.js';
import type { EntityKind } from '../../../shared/vocabulary.js';
import { type Database, isConstraintViolation, type Run } from '../../db/database.js';
import type { Plain } from '../../db/plain.js';
import { Q } from '../../db/queries.js';
import { type EntityRecord, toEntity } from '../../db/records.js';
import type { EntityProps } from '../../db/rows.js';
import { entityLabel, entityProps, type Props } from '../../db/storage.js';
import { BadInputError } from '../errors.js';
import { type Batch, inBatch, type Publish } from './batch.js';
import { atVersion, countLinks, type LockedEntity, lockEntity } from './locks.js';
import { validated } from './validation.js';

export { idFor };

export const validEntity = (candidate: unknown): Entity => validated(Entity, candidate, 'entity');

/** Neo4j refused a write for a uniqueness constraint: which property? */
function constraintProperty(error: unknown): string | null {
  if (!isConstraintViolation(error)) return null;
  return /property `url`/i.test(messageOf(error)) ? 'url' : 'id';
}

/** Turns a uniqueness violation from a race the checks could not see into the error the checks would give. */
function explainConstraint(error: unknown, entity: Pick<Entity, 'id' | 'url'>): unknown {
  const property = constraintProperty(error);
  if (property === 'id') {
    return new BadInputError(`There is already an entity with the id ${entity.id}; choose another id.`, {
      argument: 'id',
    });
  }
  if (property === 'url') {
    return new BadInputError(`Another article already has the URL ${entity.url}; cite that article instead.`, {
      argument: 'url',
    });
  }
  return error;
}

/** Refuses an article whose URL another article already has: one source, one article. */
export async function assertUrlFree(run: Run, entity: Entity): Promise<void> {
  if (entity.kind !== 'ARTICLE' || !entity.url) return;
  const [row] = await run(Q['article-by-url'], { url: entity.url, id: entity.id });
  if (row) {
    throw new BadInputError(
      `The article ${row.id} already has the URL ${entity.url}; cite that article instead of adding it again.`,
      { argument: 'url' },
    );
  }
}

/** Writes a new entity and records its creation (version 1, or the next one when a revert brings it back). */
export async function insertEntity(
  batch: Batch,
  entity: Entity,
  deletedAt: number | null = null,
): Promise<EntityProps> {
  await assertUrlFree(batch.run, entity);
  const version = (deletedAt ?? 0) + 1;
  const [row] = await batch.run(Q['entity-create'], {
    id: entity.id,
    props: entityProps(entity),
    label: entityLabel(entity),
    version,
    by: batch.by,
  });
  batch.record({
    target: entity.id,
    action: 'CREATE',
    before: null,
    after: entity,
    fromVersion: null,
    toVersion: version,
  });
  return written(row, entity.id);
}

/** The entity a write returned; a create or an update of a locked entity always returns it. */
function written(row: { readonly entity: EntityProps } | undefined, id: string): EntityProps {
  if (!row) throw new Error(`Could not write ${id}.`);
  return row.entity;
}

/**
 * What `SET n += …` needs to turn the stored properties into `next`: the ones that differ, and null
 * for those that go. A value compared unequal (say, a date in another form) is merely written again.
 */
function changedProps(stored: Readonly<Record<string, Plain>>, next: Props): Props {
  const changed: Props = {};
  for (const [key, value] of Object.entries(next)) {
    if (value === null || value === undefined) {
      if (stored[key] !== undefined && stored[key] !== null) changed[key] = null;
    } else if (!isDeepStrictEqual(stored[key], value)) changed[key] = value;
  }
  for (const key of Object.keys(stored)) if (!(key in next)) changed[key] = null;
  return changed;
}

/** Writes a locked entity's new state and records the change. */
export async function replaceEntity(batch: Batch, current: LockedEntity, entity: Entity): Promise<EntityProps> {
  await assertUrlFree(batch.run, entity);
  const version = current.version + 1;
  const [row] = await batch.run(Q['entity-update'], {
    id: current.id,
    props: changedProps(current.stored, entityProps(entity)),
    version,
    by: batch.by,
  });
  batch.record({
    target: current.id,
    action: 'UPDATE',
    before: current.model,
    after: entity,
    fromVersion: current.version,
    toVersion: version,
  });
  return written(row, current.id);
}

/** What a deleted entity was linked to besides its facts, kept in its deletion's record for a revert. */
export interface Links {
  readonly mentionedIn?: readonly string[];
  readonly mentions?: readonly string[];
  /** Deleted by a merge: the survivor, and the mentions it gained from this entity. */
  readonly mergedInto?: string;
  readonly gainedIn?: readonly string[];
  readonly gained?: readonly string[];
}

/**
 * Deletes a locked entity with its mentions and records its last state, with
 * its `links` (the articles that mentioned it, …) so a revert can restore
 * them. Its facts must be gone or moved first.
 */
export async function removeEntity(batch: Batch, current: LockedEntity, links: Links = {}): Promise<void> {
  await batch.run(Q['entity-delete'], { id: current.id });
  const kept = Object.fromEntries(
    Object.entries(links).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : value !== undefined)),
  );
  batch.record({
    target: current.id,
    action: 'DELETE',
    before: Object.keys(kept).length > 0 ? { ...current.model, links: kept } : current.model,
    after: null,
    fromVersion: current.version,
    toVersion: null,
  });
}

/**
 * Editors' changes to entities: each validated by the model's rules, based on
 * the version it was made from (a stale one is refused with CONFLICT and
 * changes nothing), and recorded with who, when, before and after in the same
 * transaction as the change itself.
 */
export class EntityEditing {
  constructor(
    private readonly db: Database,
    private readonly publish: Publish,
  ) {}

  async create(input: Record<string, unknown> & { kind: EntityKind; name: string }, by: string): Promise<EntityRecord> {
    const id = typeof input.id === 'string' && input.id !== '' ? input.id : idFor(input.kind, String(input.name ?? ''));
    const entity = validEntity({ ...input, id });
    try {
      return await inBatch(this.db, this.publish, { operation: 'createEntity', by }, async (batch) =>
        toEntity(await insertEntity(batch, entity)),
      );
    } catch (error) {
      throw explainConstraint(error, entity);
    }
  }

  async update(id: string, version: number, patch: Record<string, unknown>, by: string): Promise<EntityRecord> {
    if ('id' in patch || 'kind' in patch) {
      throw new BadInputError('The id and kind of an entity cannot be changed; create a new one instead.', {
        argument: 'patch',
      });
    }
    return inBatch(this.db, this.publish, { operation: 'updateEntity', by }, async (batch) => {
      const current = atVersion(await lockEntity(batch.run, id), id, version);
      const entity = validEntity({ ...current.model, ...patch });
      return toEntity(await replaceEntity(batch, current, entity));
    });
  }

  async delete(id: string, version: number, by: string): Promise<string> {
    return inBatch(this.db, this.publish, { operation: 'deleteEntity', by }, async (batch) => {
      const current = atVersion(await lockEntity(batch.run, id), id, version);
      const links = await countLinks(batch.run, id);
      if (links > 0) {
        throw new BadInputError(
          `${id} still has ${links} relation(s) or mention(s); delete or move them first, so no fact is lost.`,
          { argument: 'id' },
        );
      }
      await removeEntity(batch, current);
      return id;
    });
  }
}
