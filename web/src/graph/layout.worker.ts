/// <reference lib="webworker" />
import { computeLayout, type LayoutRequest } from './layout.js';

/** Layouts run here, off the main thread: the page stays responsive while a large graph settles. */
self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    const started = performance.now();
    const positions = computeLayout(request);
    self.postMessage({ id, positions, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
