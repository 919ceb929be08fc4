import { useCallback, useEffect, useState } from 'react';
import { type History, push, redo, replace, start, undo } from './history.js';
import { decodeView, type ViewState } from './view.js';

/** A change is its own undo step, or rides along with the present one (a selection, a layout's result). */
export type Step = 'step' | 'ride' | 'auto';

export type SetView = (change: (view: ViewState) => ViewState, step?: Step) => void;

/**
 * The view with its undo history, starting from the URL. Every change of what the canvas shows can be undone;
 * selecting or switching language is not a step of its own ('auto'). Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo and
 * redo, except while typing.
 */
export function useViewHistory() {
  const [history, setHistory] = useState<History<ViewState>>(() => start(decodeView(window.location.search)));
  const setView = useCallback<SetView>((change, step = 'auto') => {
    setHistory((h) => {
      const next = change(h.present);
      if (next === h.present) return h;
      if (step === 'ride') return replace(h, next);
      if (step === 'step') return push(h, next);
      const { selected: _a, language: _b, ...was } = h.present;
      const { selected: _c, language: _d, ...is } = next;
      return JSON.stringify(was) === JSON.stringify(is) ? replace(h, next) : push(h, next);
    });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        !(event.ctrlKey || event.metaKey) ||
        target?.closest('input[type=search], input[type=text], textarea, [contenteditable]')
      )
        return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) setHistory(undo);
      else if (key === 'y' || (key === 'z' && event.shiftKey)) setHistory(redo);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return {
    view: history.present,
    setView,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
  };
}
