import type { EntityKind } from '../../../shared/vocabulary.js';
import type { Run } from '../../db/database.js';
import type { Plain } from '../../db/plain.js';
import { Q } from '../../db/queries.js';
import { entityFromProps, relationFromProps } from '../../db/storage.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { isRelationId } from './batch.js';

const BOOKKEEPING = ['version', 'recordedAt', 'recordedBy'];

/** An entity or relation read under its write lock, as the model plus its bookkeeping. */
export interface Locked {
  readonly id: string;
  /** The model without bookkeeping: what a change record keeps before and after. */
  readonly model: Record<string, unknown>;
  readonly version: number;
  readonly recordedBy: string | null;
  readonly recordedAt: string | null;
}

export interface LockedEntity extends Locked {
  readonly kind: EntityKind;
  /** Its properties as stored, without bookkeeping: an update writes only those that change. */
  readonly stored: Readonly<Record<string, Plain>>;
}

export type LockedRelation = Locked;

/** The properties without version, recordedAt and recordedBy. */
function withoutBookkeeping<T>(props: Record<string, T>): Record<string, T> {
  const rest = { ...props };
  for (const key of BOOKKEEPING) delete rest[key];
  return rest;
}

function locked(id: string, stored: Record<string, unknown>): Locked {
  return {
    id,
    model: withoutBookkeeping<unknown>(stored),
    version: Number(stored.version ?? 1),
    recordedBy: typeof stored.recordedBy === 'string' ? stored.recordedBy : null,
    recordedAt: typeof stored.recordedAt === 'string' ? stored.recordedAt : null,
  };
}

/**
 * Reads an entity after taking its write lock (held to the end of the
 * transaction), so that of two edits based on the same version exactly one
 * wins. Null when there is none.
 */
export async function lockEntity(run: Run, id: string): Promise<LockedEntity | null> {
  const [row] = await run(Q['entity-lock'], { id });
  if (!row) return null;
  const { entity } = row;
  return {
    ...locked(id, entityFromProps(entity)),
    kind: entity.kind,
    stored: withoutBookkeeping(entity),
  };
}

/** How many relations and mentions an entity has (a deletion must find none). */
export async function countLinks(run: Run, id: string): Promise<number> {
  const [row] = await run(Q['entity-link-count'], { id });
  return Number(row?.links ?? 0);
}

/** Reads a relation (with its type, from and to) after taking its write lock; null when there is none. */
export async function lockRelation(run: Run, id: string): Promise<LockedRelation | null> {
  const [row] = await run(Q['relation-lock'], { id });
  return row ? locked(id, relationFromProps(row.relation)) : null;
}

export function lockTarget(run: Run, id: string): Promise<Locked | null> {
  return isRelationId(id) ? lockRelation(run, id) : lockEntity(run, id);
}

/**
 * Locks entities an edit relies on without changing them (the ends of a new
 * relation, the articles it cites), so none can be deleted before the edit
 * commits; in id order, so two edits never wait for each other. Returns the
 * kinds of those that exist.
 */
export async function lockEntities(run: Run, ids: Iterable<string>): Promise<Map<string, EntityKind>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return new Map();
  const rows = await run(Q['entities-lock'], { ids: sorted });
  return new Map(rows.map((row) => [row.id, row.kind]));
}

const what = (id: string) => (isRelationId(id) ? 'relation' : 'entity');

/** A conflict with the current state: the edit was based on `expected`, which is no longer current. */
export function staleError(current: Locked, expected: number): ConflictError {
  const by = current.recordedBy ? `, by ${current.recordedBy}` : '';
  return new ConflictError(
    `${current.id} was changed in the meantime (now version ${current.version}${by}); your edit was based on version ${expected} and changed nothing. Review the current state and edit again.`,
    {
      target: current.id,
      currentVersion: current.version,
      changedBy: current.recordedBy,
      changedAt: current.recordedAt,
      current: current.model,
    },
  );
}

/** The locked entity or relation at the version the edit was based on; else NOT_FOUND or CONFLICT. */
export function atVersion<T extends Locked>(current: T | null, id: string, version: number): T {
  if (!current) throw new NotFoundError(`No ${what(id)} with id ${id}.`, [id]);
  if (current.version !== version) throw staleError(current, version);
  return current;
}
