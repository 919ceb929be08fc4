import type { LayoutRequest, Positions } from './layout.js';
import { LARGE_LAYOUT } from './scale.js';

/** Positions and how long the worker computed them. */
export interface LayoutResult {
  readonly positions: Positions;
  readonly ms: number;
}

type Reply = { id: number; positions: Positions; ms: number } | { id: number; error: string };

let worker: Worker | null = null;
let next = 0;
/** Resolved with null when a newer layout made it pointless. */
const waiting = new Map<number, { resolve(r: LayoutResult | null): void; reject(e: Error): void; size: number }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!pending) return;
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve({ positions: reply.positions, ms: reply.ms });
    };
    worker.onerror = (event) => {
      for (const pending of waiting.values()) pending.reject(new Error(event.message || 'layout failed'));
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

/**
 * Starts the worker ahead of its first layout, so loading its code (Cytoscape and the layouts) overlaps with
 * fetching the graph instead of delaying the first picture.
 */
export function warmLayoutWorker(): void {
  if (typeof Worker !== 'undefined') layoutWorker();
}

/**
 * Computes a layout in a Web Worker, so a large graph never freezes the page.
 * A new layout supersedes those still running (the canvas only wants the
 * newest): a big one still being computed is stopped with its worker rather
 * than finished for nothing; small ones are cheaper to let finish than a new worker.
 */
export function runLayout(request: LayoutRequest): Promise<LayoutResult | null> {
  if (worker && [...waiting.values()].some((w) => w.size > LARGE_LAYOUT)) {
    worker.terminate();
    worker = null;
    for (const pending of waiting.values()) pending.resolve(null);
    waiting.clear();
  }
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, size: request.nodes.length });
    layoutWorker().postMessage({ id, request });
  });
}
