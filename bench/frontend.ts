import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import sirv from 'sirv';
import { launchChromium } from '../test/support/browser.js';
import { buildExplorer } from '../test/support/build-explorer.js';
import type { NeighborhoodQueryVariables } from '../web/src/generated/graphql.js';
import { type CanvasGraph, canvasGraph } from './canvasGraph.js';
import { graphDrawn, PROBE_SCRIPT, type Probe } from './frontendProbe.js';

/**
 * The explorer's speed with big graphs, in Debian's headless Chromium, with
 * the production bundle: for each size, the time from the graph's GraphQL
 * responses arriving to the laid-out graph drawn on the canvas, the layout's
 * time, whether the page kept drawing frames meanwhile, frame times while a
 * person pans and zooms, and how soon a click on a node shows its details.
 *
 * The explorer asks its usual Neighborhood queries (several hubs, each
 * expanded with enough pages); they are answered in the page (Playwright's
 * `route`) from a generated graph (`canvasGraph.ts`) in the exact shape the
 * server sends, so the figures are the front end's alone, not the database's.
 */

export interface FrameStats {
  /** Frames the page drew. */
  readonly frames: number;
  /** The longest time between two frames: how long the page was frozen at worst. */
  readonly longestGapMs: number;
  /** Time covered by long tasks (over 50 ms each), the main thread being busy. */
  readonly longTaskMs: number;
}

export interface InteractionStats {
  readonly frames: number;
  readonly medianFrameMs: number;
  readonly p95FrameMs: number;
  readonly longestGapMs: number;
}

export interface FrontendRun {
  /** Which renderer drew the canvas. */
  readonly renderer: string;
  /** The view's layout (`fcose`: the force-directed one) and the algorithm that computed it. */
  readonly layout: string;
  readonly engine: string;
  /** Where the layout ran: `worker` or `main`. */
  readonly layoutWhere: string;
  /** From the last Neighborhood response arriving to the laid-out graph drawn. */
  readonly responseToDrawnMs: number;
  /** From the response to the layout's start: parsing, composing, the first draw of the unplaced graph. */
  readonly responseToLayoutMs: number;
  /** Computing the layout (in the worker). */
  readonly layoutMs: number;
  /** From the layout's request to its positions back on the main thread (includes messaging). */
  readonly layoutWallMs: number;
  /** From the positions back to the canvas drawn with them. */
  readonly layoutToDrawnMs: number;
  /** The main thread while the layout ran. */
  readonly duringLayout: FrameStats;
  /** The main thread from the response to the drawn graph. */
  readonly responseToDrawn: FrameStats;
  /** Frame times while dragging the view across the canvas (about 1 s). */
  readonly pan: InteractionStats;
  /** Frame times while zooming in with the mouse wheel (about 0.6 s). */
  readonly zoom: InteractionStats;
  /** From a click on a node to its details shown beside the canvas. */
  readonly clickToDetailsMs: number | null;
}

export interface FrontendSize {
  readonly nodes: number;
  readonly edges: number;
  /** Hubs expanded in the view (each one Neighborhood request). */
  readonly requests: number;
  readonly runs: readonly FrontendRun[];
  /** The median of each figure over the runs. */
  readonly median: FrontendRun;
}

export interface FrontendReport {
  readonly at: string;
  readonly source: string;
  readonly machine: { readonly cpus: number; readonly memoryGiB: number; readonly node: string };
  readonly browser: {
    readonly version: string;
    readonly flags: readonly string[];
    /** The WebGL renderer Chromium offers with these flags (software SwiftShader without a GPU); null without WebGL. */
    readonly webgl: string | null;
  };
  readonly viewport: { readonly width: number; readonly height: number };
  readonly sizes: readonly FrontendSize[];
}

const VIEWPORT = { width: 1400, height: 900 };
const RUNS = 3;
const round = (ms: number) => Math.round(ms * 10) / 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The median run: numbers are medians of each figure, words are those of the first run. */
function medianRun(runs: readonly FrontendRun[]): FrontendRun {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  const mid = (pick: (r: FrontendRun) => number) => round(median(runs.map(pick)));
  const frames = (pick: (r: FrontendRun) => FrameStats): FrameStats => ({
    frames: mid((r) => pick(r).frames),
    longestGapMs: mid((r) => pick(r).longestGapMs),
    longTaskMs: mid((r) => pick(r).longTaskMs),
  });
  const interaction = (pick: (r: FrontendRun) => InteractionStats): InteractionStats => ({
    frames: mid((r) => pick(r).frames),
    medianFrameMs: mid((r) => pick(r).medianFrameMs),
    p95FrameMs: mid((r) => pick(r).p95FrameMs),
    longestGapMs: mid((r) => pick(r).longestGapMs),
  });
  const clicks = runs.flatMap((r) => (r.clickToDetailsMs === null ? [] : [r.clickToDetailsMs]));
  return {
    renderer: first.renderer,
    layout: first.layout,
    engine: first.engine,
    layoutWhere: first.layoutWhere,
    responseToDrawnMs: mid((r) => r.responseToDrawnMs),
    responseToLayoutMs: mid((r) => r.responseToLayoutMs),
    layoutMs: mid((r) => r.layoutMs),
    layoutWallMs: mid((r) => r.layoutWallMs),
    layoutToDrawnMs: mid((r) => r.layoutToDrawnMs),
    duringLayout: frames((r) => r.duringLayout),
    responseToDrawn: frames((r) => r.responseToDrawn),
    pan: interaction((r) => r.pan),
    zoom: interaction((r) => r.zoom),
    clickToDetailsMs: clicks.length > 0 ? round(median(clicks)) : null,
  };
}

/** Frames and long tasks between two moments of the page clock. */
function frameStats(probe: Probe, from: number, to: number): FrameStats {
  const inside = probe.frames.filter((t) => t >= from && t <= to);
  // Gaps within the window: a freeze right after it belongs to the next step.
  const stamps = [from, ...inside, to];
  let longestGapMs = 0;
  for (let i = 1; i < stamps.length; i++)
    longestGapMs = Math.max(longestGapMs, (stamps[i] ?? 0) - (stamps[i - 1] ?? 0));
  const longTaskMs = probe.longTasks.reduce(
    (sum, [start, duration]) => sum + Math.max(0, Math.min(to, start + duration) - Math.max(from, start)),
    0,
  );
  return { frames: inside.length, longestGapMs: round(longestGapMs), longTaskMs: round(longTaskMs) };
}

function interactionStats(probe: Probe, from: number, to: number): InteractionStats {
  const stamps = probe.frames.filter((t) => t >= from && t <= to);
  const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    frames: stamps.length,
    medianFrameMs: round(median(gaps)),
    p95FrameMs: round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0),
    longestGapMs: round(sorted.at(-1) ?? 0),
  };
}

/** Answers the explorer's GraphQL requests from the generated graph; the live-update stream stays open and quiet. */
async function answerGraphQL(route: Route, graph: CanvasGraph, unexpected: Set<string>): Promise<void> {
  const request = route.request();
  if ((await request.headerValue('accept'))?.includes('text/event-stream')) return;
  const body = (request.postDataJSON() ?? {}) as { query?: string; variables?: Record<string, unknown> };
  const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
  let data: unknown;
  if (operation === 'Neighborhood') {
    data = { neighborhood: graph.neighborhood(body.variables as unknown as NeighborhoodQueryVariables) };
  } else if (operation === 'Me') {
    data = { me: null };
  } else {
    unexpected.add(operation || '(unnamed)');
    data = null;
  }
  await route.fulfill({
    status: 200,
    contentType: 'application/graphql-response+json; charset=utf-8',
    body: JSON.stringify(
      data === null ? { errors: [{ message: 'not part of the benchmark', extensions: { code: 'BENCH' } }] } : { data },
    ),
  });
}

async function readProbe(page: Page): Promise<Probe> {
  return (await page.evaluate(() => window.benchProbe)) as Probe;
}

/** Drags the view from the canvas's left margin (the fitted graph leaves it empty), paced like a hand. */
async function pan(page: Page): Promise<InteractionStats> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no box');
  const start = { x: box.x + 12, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const from = await page.evaluate(() => performance.now());
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(start.x + i * 6, start.y + Math.sin(i / 8) * 40);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const to = await page.evaluate(() => performance.now());
  return interactionStats(await readProbe(page), from, to);
}

/** Zooms in on the canvas's middle with the mouse wheel. */
async function zoom(page: Page): Promise<InteractionStats> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const from = await page.evaluate(() => performance.now());
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, -150);
    await page.waitForTimeout(60);
  }
  const to = await page.evaluate(() => performance.now());
  return interactionStats(await readProbe(page), from, to);
}

/**
 * Clicks the node nearest the canvas's middle that stands clear of the others (so the click cannot
 * land on a neighbour); the time until its name heads the details.
 */
async function clickToDetails(page: Page, graph: CanvasGraph): Promise<number | null> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no box');
  const target = await page.evaluate(
    ({ width, height }) => {
      const nodes = window.govgraphCanvas?.nodes() ?? [];
      const inside = nodes.filter((n) => n.x > 40 && n.y > 40 && n.x < width - 40 && n.y < height - 40);
      // (No named helpers in here: the page would miss the name-keeping helper tsx adds to them.)
      inside.sort(
        (a, b) => Math.hypot(a.x - width / 2, a.y - height / 2) - Math.hypot(b.x - width / 2, b.y - height / 2),
      );
      return inside.find((n) => nodes.every((m) => m === n || Math.hypot(m.x - n.x, m.y - n.y) > 20)) ?? null;
    },
    { width: box.width, height: box.height },
  );
  if (!target) return null;
  const name = graph.nodes.get(target.id)?.name ?? '';
  await page.evaluate((expected) => {
    const probe = window.benchProbe;
    if (!probe) return;
    probe.clickAt = null;
    probe.shownAt = null;
    window.addEventListener(
      'mousedown',
      // When the browser took the click in, even if the page only gets to it later.
      (event) => {
        probe.clickAt ??= event.timeStamp;
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      if (document.querySelector('section.details h2')?.textContent === expected) {
        probe.shownAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, name);
  await page.mouse.click(box.x + target.x, box.y + target.y);
  try {
    await page.waitForFunction(() => window.benchProbe?.shownAt != null, undefined, { timeout: 15_000, polling: 100 });
  } catch {
    const shown = await page
      .locator('section.details h2')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    console.warn(
      `[bench] clicked ${target.id} (${name}) at ${Math.round(target.x)},${Math.round(target.y)}; details show ${shown}`,
    );
    return null;
  }
  const probe = await readProbe(page);
  return probe.clickAt === null || probe.shownAt === null ? null : round(probe.shownAt - probe.clickAt);
}

async function oneRun(browser: Browser, url: string, graph: CanvasGraph): Promise<FrontendRun> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, locale: 'de-DE' });
  try {
    const unexpected = new Set<string>();
    await context.route('**/graphql', (route) => answerGraphQL(route, graph, unexpected));
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    await page.goto(`${url}${graph.query}`);
    await graphDrawn(page, graph.nodes.size, 600_000);
    if (unexpected.size > 0) throw new Error(`the explorer asked unexpected queries: ${[...unexpected].join(', ')}`);
    const last = await page.evaluate(() => window.govgraphCanvas?.lastLayout());
    const renderer = await page.evaluate(() => window.govgraphCanvas?.renderer() ?? 'none');
    const probe = await readProbe(page);
    const responseAt = Math.max(...probe.responses);
    if (!last || last.drawnAt === null || !Number.isFinite(responseAt)) throw new Error('no layout was drawn');
    const shown = await page.evaluate(() => window.govgraphCanvas?.edges().length ?? 0);
    if (shown !== graph.edges.length) throw new Error(`the canvas shows ${shown} of ${graph.edges.length} relations`);
    // Let the canvas finish what it does after the first picture (textures of labels and icons).
    await page.waitForTimeout(1000);
    const panned = await pan(page);
    const zoomed = await zoom(page);
    await page.waitForTimeout(500);
    const click = await clickToDetails(page, graph);
    return {
      renderer,
      layout: last.layout,
      engine: last.engine,
      layoutWhere: last.where,
      responseToDrawnMs: round(last.drawnAt - responseAt),
      responseToLayoutMs: round(last.requestedAt - responseAt),
      layoutMs: round(last.computeMs),
      layoutWallMs: round(last.receivedAt - last.requestedAt),
      layoutToDrawnMs: round(last.drawnAt - last.receivedAt),
      duringLayout: frameStats(probe, last.requestedAt, last.receivedAt),
      responseToDrawn: frameStats(probe, responseAt, last.drawnAt),
      pan: panned,
      zoom: zoomed,
      clickToDetailsMs: click,
    };
  } finally {
    await context.close();
  }
}

async function webglRenderer(browser: Browser): Promise<string | null> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return null;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
  } finally {
    await page.close();
  }
}

export async function benchFrontend(
  options: { sizes?: number[]; runs?: number; log?: (line: string) => void } = {},
): Promise<FrontendReport> {
  const sizes = options.sizes ?? [200, 1000, 5000];
  const runs = options.runs ?? RUNS;
  const log = options.log ?? (() => {});
  log('building the explorer …');
  const outDir = await buildExplorer();
  const server: Server = createServer(sirv(outDir, { single: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    const results: FrontendSize[] = [];
    for (const size of sizes) {
      const graph = canvasGraph(size);
      const done: FrontendRun[] = [];
      for (let run = 1; run <= runs; run++) {
        const result = await oneRun(browser, url, graph);
        log(
          `${size} nodes, run ${run}/${runs}: drawn ${result.responseToDrawnMs} ms after the response, ` +
            `layout ${result.layoutMs} ms (${result.engine} in the ${result.layoutWhere}), longest frame gap meanwhile ` +
            `${result.duringLayout.longestGapMs} ms; panning ${result.pan.medianFrameMs} ms/frame, ` +
            `zooming ${result.zoom.medianFrameMs} ms/frame; click to details ${result.clickToDetailsMs ?? '–'} ms`,
        );
        done.push(result);
      }
      results.push({
        nodes: graph.nodes.size,
        edges: graph.edges.length,
        requests: graph.hubs.length,
        runs: done,
        median: medianRun(done),
      });
    }
    return {
      at: new Date().toISOString(),
      source:
        'The explorer production bundle in headless Chromium; its Neighborhood queries answered in the page ' +
        '(Playwright route) from a generated graph in the server’s response shape (bench/canvasGraph.ts).',
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      browser: {
        version: browser.version(),
        flags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        webgl: await webglRenderer(browser),
      },
      viewport: VIEWPORT,
      sizes: results,
    };
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '200,1000,5000' }, runs: { type: 'string', default: String(RUNS) } },
  });
  const sizes = (values.sizes ?? '').split(',').map(Number);
  const report = await benchFrontend({
    sizes,
    runs: Number(values.runs),
    log: (line) => console.log(`[bench] ${line}`),
  });
  mkdirSync('bench/results', { recursive: true });
  const file = path.join('bench/results', 'frontend.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[bench] wrote ${file}`);
}
