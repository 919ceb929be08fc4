import { BadInputError } from '../errors.js';
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
