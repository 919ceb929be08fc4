import type { LayoutRequest, Positions } from './layout.js';

type Reply = { id: number; positions: Positions } | { id: number; error: string };

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve(p: Positions): void; reject(e: Error): void }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!pending) return;
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply.positions);
    };
    worker.onerror = (event) => {
      for (const pending of waiting.values()) pending.reject(new Error(event.message || 'layout failed'));
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

/** Computes a layout in a Web Worker, so a large graph never freezes the page. */
export function runLayout(request: LayoutRequest): Promise<Positions> {
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, request });
  });
}
