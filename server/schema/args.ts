import { BadInputError } from '../services/errors.js';
import { decodeId } from './builder.js';

/** A whole number within bounds, or a BAD_USER_INPUT error naming the argument. */
export function inRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`"${name}" must be between ${min} and ${max}, got ${value}.`, { argument: name });
  }
  return value;
}

/** A well-formed entity id (not a relation's), or a BAD_USER_INPUT error naming the argument. */
export function entityId(name: string, value: string | number): string {
  const id = String(value);
  if (decodeId(id).typename === 'Relation') {
    throw new BadInputError(`"${id}" is a relation; "${name}" takes an entity id.`, { argument: name });
  }
  return id;
}

/** A well-formed entity or relation id, or a BAD_USER_INPUT error naming the argument. */
export function graphId(name: string, value: string | number): string {
  const id = String(value);
  try {
    decodeId(id);
  } catch {
    throw new BadInputError(
      `"${id.slice(0, 100)}" is not a GovGraph id; "${name}" takes an entity or relation id such as person:lydia-hueskens or rel:….`,
      { argument: name },
    );
  }
  return id;
}

/** A well-formed relation id, or a BAD_USER_INPUT error naming the argument. */
export function relationId(name: string, value: string | number): string {
  const id = String(value);
  if (!/^rel:[a-z0-9][a-z0-9._-]{0,199}$/.test(id)) {
    throw new BadInputError(`"${id.slice(0, 100)}" is not a relation id; "${name}" takes one such as rel:….`, {
      argument: name,
    });
  }
  return id;
}

const RECORD_ID = /^[a-z]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id of GovGraph's own records (`change:<uuid>`, `token:<uuid>`, `intake:<uuid>`), or BAD_USER_INPUT. */
export function recordId(name: string, value: string | number, prefix: 'change' | 'token' | 'intake'): string {
  const id = String(value);
  if (!RECORD_ID.test(id) || !id.startsWith(`${prefix}:`)) {
    throw new BadInputError(
      `"${id.slice(0, 100)}" is not a ${prefix} id; "${name}" takes one such as ${prefix}:<uuid>.`,
      {
        argument: name,
      },
    );
  }
  return id;
}
