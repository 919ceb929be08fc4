import type { LayoutRequest, Positions } from './layout.js';

/** Positions and how long the worker computed them. */
export interface LayoutResult {
  readonly positions: Positions;
  readonly ms: number;
}

type Reply = { id: number; positions: Positions; ms: number } | { id: number; error: string };

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve(r: LayoutResult): void; reject(e: Error): void }>();

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

/** Computes a layout in a Web Worker, so a large graph never freezes the page. */
export function runLayout(request: LayoutRequest): Promise<LayoutResult> {
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, request });
  });
}
