import { PothosValidationError } from '@pothos/core';
import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import { BadInputError } from '../services/errors.js';

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
}

export const MAX_PAGE_SIZE = 100;

/** The furthest offset a cursor may point to: far beyond any list here, far below Neo4j's integer limits. */
export const MAX_CURSOR_OFFSET = 10_000_000;

const CURSOR_PREFIX = 'OffsetConnection:';

/**
 * The offset a cursor of this API stands for. Cursors are opaque to clients, so only one this API could have
 * given out is accepted: base64 in its canonical form of the prefix and a whole number without sign, fraction,
 * leading zero or hex, up to MAX_CURSOR_OFFSET. Anything else ("", -1, 1.5, 0x10, 2^31) is BAD_USER_INPUT.
 */
export function cursorOffset(cursor: string, argument: 'after' | 'before'): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  const canonical = Buffer.from(decoded, 'utf8').toString('base64') === cursor;
  const offset = /^(0|[1-9]\d{0,7})$/.test(digits) ? Number(digits) : Number.NaN;
  if (!canonical || !(offset <= MAX_CURSOR_OFFSET)) {
    throw new BadInputError(
      `"${argument}" is not a cursor this API gave out ("${cursor.slice(0, 60)}"); use a cursor from pageInfo or an edge.`,
      { argument },
    );
  }
  return offset;
}

interface Fetched<T> {
  readonly total: number;
  readonly items: readonly T[];
}

/**
 * An offset page for Relay connection arguments, fetched in one call that also
 * returns the total. Bad cursors and sizes become BAD_USER_INPUT errors.
 */
export async function offsetPage<T, E extends object = Record<never, never>>(
  args: PageArgs,
  fetch: (window: { offset: number; limit: number }) => Promise<Fetched<T>>,
  edgeExtras: (item: T) => E = () => ({}) as E,
) {
  if (args.first != null && (args.first < 0 || args.first > MAX_PAGE_SIZE)) {
    throw new BadInputError(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${args.first}.`, {
      argument: 'first',
    });
  }
  if (args.last != null && (args.last < 0 || args.last > MAX_PAGE_SIZE)) {
    throw new BadInputError(`"last" must be between 0 and ${MAX_PAGE_SIZE}, got ${args.last}.`, { argument: 'last' });
  }
  // Checked here, strictly: the relay plugin reads "" as no cursor and -1, 1.5 or 0x10 as some number.
  if (args.after != null) cursorOffset(args.after, 'after');
  if (args.before != null) cursorOffset(args.before, 'before');
  let window: ReturnType<typeof offsetForArgs>;
  try {
    window = offsetForArgs({ args, defaultSize: 20, maxSize: MAX_PAGE_SIZE });
  } catch (error) {
    if (error instanceof PothosValidationError) {
      const message = /cursor|base64/i.test(error.message)
        ? 'The cursor is not one this API gave out; use a cursor from pageInfo or an edge.'
        : error.message;
      throw new BadInputError(message, { argument: args.after != null ? 'after' : 'before' });
    }
    throw error;
  }
  if (!Number.isSafeInteger(window.offset) || window.offset < 0) {
    throw new BadInputError('The cursor is not one this API gave out.', { argument: 'after' });
  }
  const fetched = await fetch({ offset: window.offset, limit: window.limit });
  const edges = fetched.items
    .slice(0, window.expectedSize)
    .map((node, index) => ({ cursor: offsetToCursor(window.offset + index), node, ...edgeExtras(node) }));
  return {
    totalCount: fetched.total,
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: window.hasPreviousPage,
      hasNextPage: window.hasNextPage(fetched.items.length),
    },
  };
}
