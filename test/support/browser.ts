import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createApp } from '../../server/http/app.js';
import type { GovGraphYoga } from '../../server/http/yoga.js';
import { setupApi } from './api.js';
import { buildExplorer } from './build-explorer.js';

export const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** The explorer the end-to-end tier built once for all its files (test/support/explorer-build.ts). */
export function builtExplorer(): Promise<string> {
  const built = inject('explorerDir');
  return built ? Promise.resolve(built) : buildExplorer();
}

/** Builds the explorer into a temporary folder and serves it with the API, as `npm start` does. */
export async function serveExplorer(yoga: GovGraphYoga): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = await builtExplorer();
  const server: Server = createApp({ yoga, web: sirv(outDir, { single: true }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: a script tag would be an inline script, which the explorer's
  // content-security policy refuses (as it should).
  await page.evaluate(axeSource);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export type ServedExplorer = Awaited<ReturnType<typeof serveExplorer>>;

/**
 * For one test file: before its tests, builds and serves the explorer over `yoga` and opens a Chromium page
 * with `options`, handing both to `opened`; after them, closes the browser, the server and then `close`.
 */
export function explorerInChromium(
  yoga: GovGraphYoga,
  options: BrowserContextOptions,
  opened: (explorer: { page: Page; site: ServedExplorer }) => void,
  close: () => Promise<unknown>,
): void {
  let browser: Browser | undefined;
  let site: ServedExplorer | undefined;
  // What the page's content-security policy refused (Chromium says so on the console), over all tests.
  const refused: string[] = [];
  beforeAll(async () => {
    site = await serveExplorer(yoga);
    browser = await launchChromium();
    const page = await browser.newPage(options);
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    opened({ page, site });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await close();
    // The explorer works within its policy: nothing it needs was refused.
    expect(refused).toEqual([]);
  });
}

/**
 * The explorer over the seeded test graph in Chromium, for one test file (see explorerInChromium): its page and
 * site once the file's tests run, and the in-process API beside them.
 */
export function explorerOnTestGraph(options: BrowserContextOptions) {
  const api = setupApi();
  let opened: { page: Page; site: ServedExplorer } | undefined;
  explorerInChromium(
    api.yoga,
    options,
    (explorer) => {
      opened = explorer;
    },
    () => api.db.close(),
  );
  const ready = () => {
    if (!opened) throw new Error('the explorer opens before the first test of the file');
    return opened;
  };
  return {
    ...api,
    get page(): Page {
      return ready().page;
    },
    get site(): ServedExplorer {
      return ready().site;
    },
  };
}
