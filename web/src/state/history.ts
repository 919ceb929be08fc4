/** An undo stack: what was, what is, what was undone. Pure, so the explorer's undo and redo are unit-tested. */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

export const LIMIT = 100;

export function start<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** A new state: the old one can be undone, whatever was undone before is gone. */
export function push<T>(history: History<T>, next: T, limit = LIMIT): History<T> {
  if (Object.is(next, history.present)) return history;
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [] };
}

/** A change not worth undoing on its own (a selection, the language): it rides along with the present. */
export function replace<T>(history: History<T>, next: T): History<T> {
  return Object.is(next, history.present) ? history : { ...history, present: next };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
