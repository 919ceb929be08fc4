import { PothosValidationError } from '@pothos/core';
import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import { BadInputError } from '../errors.js';

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
}

export const MAX_PAGE_SIZE = 100;

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
