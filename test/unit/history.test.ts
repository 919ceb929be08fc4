import { describe, expect, it } from 'vitest';
import { push, redo, replace, start, undo } from '../../web/src/state/history.js';

describe('undo stack', () => {
  it('undoes and redoes changes in order', () => {
    let h = start('a');
    h = push(h, 'b');
    h = push(h, 'c');
    expect(undo(h).present).toBe('b');
    expect(undo(undo(h)).present).toBe('a');
    expect(redo(undo(undo(h))).present).toBe('b');
    expect(redo(redo(undo(undo(h)))).present).toBe('c');
  });

  it('forgets what was undone once something new happens', () => {
    const h = push(undo(push(push(start(1), 2), 3)), 4);
    expect(h).toEqual({ past: [1, 2], present: 4, future: [] });
    expect(redo(h)).toBe(h);
  });

  it('does nothing past either end, and lets small changes ride along without a step', () => {
    expect(undo(start('x'))).toEqual(start('x'));
    const h = replace(push(start('a'), 'b'), 'b2');
    expect(h).toEqual({ past: ['a'], present: 'b2', future: [] });
    expect(undo(h).present).toBe('a');
  });

  it('keeps at most the given number of steps', () => {
    let h = start(0);
    for (let i = 1; i <= 5; i += 1) h = push(h, i, 3);
    expect(h.past).toEqual([2, 3, 4]);
  });
});
