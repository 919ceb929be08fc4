/// <reference lib="webworker" />
import { computeLayout, type LayoutRequest } from './layout.js';

/** Layouts run here, off the main thread: the page stays responsive while a large graph settles. */
self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, positions: computeLayout(request) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
