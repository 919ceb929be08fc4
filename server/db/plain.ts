import neo4j from 'neo4j-driver';

/** A value as GovGraph code sees it: no driver types past server/db. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Turns driver values into plain JSON-like values: Integers into numbers
 * (GovGraph's counts and years fit in 2^53), temporal values into ISO strings.
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  // The common cases first, cheapest checks first: answers are mostly strings, lists and maps.
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: Plain } = {};
    for (const key in value) out[key] = toPlain((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return value.toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  throw new TypeError(`Unexpected value from Neo4j: ${String(value)}`);
}

/**
 * Parameters on their way to Neo4j: whole numbers become Integers, so counts
 * and versions are stored as integers rather than floats (JavaScript has only
 * one number type; Neo4j has two).
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toDriverValue(inner);
    return out;
  }
  return value;
}
