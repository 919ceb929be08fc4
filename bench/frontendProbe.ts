import type { Page } from 'playwright-core';
/** What the benchmark's probe records in the page, on the page's clock (ms). */
export interface Probe {
  /** When each Neighborhood response arrived. */
  responses: number[];
  /** The start of every animation frame the page drew. */
  frames: number[];
  /** Long tasks (over 50 ms) on the main thread: start and duration. */
  longTasks: Array<[start: number, duration: number]>;
  clickAt: number | null;
  shownAt: number | null;
}

declare global {
  interface Window {
    benchProbe?: Probe;
  }
}

/**
 * Runs in the page before its own scripts (Playwright's addInitScript): notes
 * when the explorer's Neighborhood responses arrive, counts animation frames
 * and collects long tasks. Plain JavaScript in a string, because a function
 * passed from here would carry the helpers tsx adds to named functions.
 */
export const PROBE_SCRIPT = `(() => {
  const probe = { responses: [], frames: [], longTasks: [], clickAt: null, shownAt: null };
  window.benchProbe = probe;
  const fetchBefore = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await fetchBefore(input, init);
    if (typeof init?.body === 'string' && init.body.includes('query Neighborhood')) probe.responses.push(performance.now());
    return response;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const frame = (at) => {
    probe.frames.push(at);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/**
 * Waits until the canvas has drawn a layout of `nodes` entities. Polled seldom, so that waiting does not itself
 * keep the main thread busy.
 */
export async function graphDrawn(page: Page, nodes: number, timeout: number, polling = 100): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const last = window.govgraphCanvas?.lastLayout();
      return last?.drawnAt != null && last.nodes === count;
    },
    nodes,
    { timeout, polling },
  );
}
