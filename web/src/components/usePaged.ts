import { useState } from 'react';

/** Rows a long list shows at first and adds on each request. */
export const PAGE_ROWS = 200;

/**
 * The first rows of a long list, more on request: thousands of rows (a big graph's list or
 * timeline) would cost the page seconds to build and nobody reads them in one go. The
 * current item stays listed even beyond the rows shown.
 */
export function usePaged<T extends { readonly id: string }>(
  items: readonly T[],
  currentId: string | null,
): { shown: readonly T[]; rest: number; more: () => void } {
  const [limit, setLimit] = useState(PAGE_ROWS);
  const head = items.slice(0, limit);
  const current =
    currentId && !head.some((i) => i.id === currentId) ? items.find((i) => i.id === currentId) : undefined;
  return {
    shown: current ? [...head, current] : head,
    rest: Math.max(0, items.length - limit),
    more: () => setLimit((l) => l + PAGE_ROWS),
  };
}
