import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvasGraph } from '../../bench/canvasGraph.js';
import { graphDrawn, PROBE_SCRIPT, type Probe } from '../../bench/frontendProbe.js';
import type { NeighborhoodQueryVariables } from '../../web/src/generated/graphql.js';
import { setupApi } from '../support/api.js';
import { ARTIFACTS, explorerInChromium, type ServedExplorer } from '../support/browser.js';

const { db, yoga } = setupApi();
let site: ServedExplorer;
let page: Page;
explorerInChromium(
  yoga,
  { viewport: { width: 1400, height: 900 }, locale: 'de-DE' },
  (opened) => {
    ({ page, site } = opened);
  },
  () => db.close(),
);

// 5,000 entities around six hubs: their neighbourhoods come from a generated graph in the server's
// response shape (the test graph has nothing this big); every other request goes to the server.
const graph = canvasGraph(5000);

async function answerHubs(p: Page): Promise<void> {
  await p.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { query?: string; variables?: NeighborhoodQueryVariables } | null;
    const ids = [body?.variables?.ids ?? []].flat();
    if (!body?.query?.includes('query Neighborhood') || !ids.every((id) => graph.nodes.has(id))) {
      await route.continue();
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: 'application/graphql-response+json; charset=utf-8',
      body: JSON.stringify({
        data: { neighborhood: graph.neighborhood(body.variables as NeighborhoodQueryVariables) },
      }),
    });
  });
}

/** Share of the canvas's pixels that are not background, read from a screenshot. */
async function inked(p: Page, png: Buffer): Promise<number> {
  return p.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) return 0;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4)
      if ((data[i] ?? 255) < 230 || (data[i + 1] ?? 255) < 230 || (data[i + 2] ?? 255) < 230) ink += 1;
    return ink / (data.length / 4);
  }, png.toString('base64'));
}

describe('a graph of 5,000 entities', () => {
  it('is laid out in the worker while the page keeps drawing, shown whole, and a click on a node shows its details', async () => {
    await answerHubs(page);
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(`${site.url}${graph.query}`);
    await graphDrawn(page, graph.nodes.size, 240_000, 250);

    // The layout ran in the worker, and the page went on drawing frames while it did.
    const last = await page.evaluate(() => window.govgraphCanvas?.lastLayout());
    expect(last?.where).toBe('worker');
    const probe = (await page.evaluate(() => window.benchProbe)) as Probe;
    const during = probe.frames.filter((t) => last && t > last.requestedAt && t < last.receivedAt);
    expect(during.length).toBeGreaterThan(0);

    // Everything is on the canvas, and the canvas shows it; the list counts it and offers it page by page.
    expect(await page.evaluate(() => window.govgraphCanvas?.nodes().length)).toBe(5000);
    expect(await page.evaluate(() => window.govgraphCanvas?.edges().length)).toBe(graph.edges.length);
    const picture = await page.getByTestId('canvas').screenshot({ path: path.join(ARTIFACTS, 'big-graph.png') });
    expect(await inked(page, picture)).toBeGreaterThan(0.05);
    const list = page.getByRole('region', { name: 'Einträge auf der Leinwand' });
    await list.getByRole('heading', { name: 'Auf der Leinwand (5.000)' }).waitFor();
    await list.getByRole('button', { name: 'Weitere 200 zeigen (von 4.800)' }).click();
    await list.getByRole('button', { name: 'Weitere 200 zeigen (von 4.600)' }).waitFor();

    // A click on a node standing clear of the others (so it cannot land on a neighbour) shows its details.
    const box = await page.getByTestId('canvas').boundingBox();
    if (!box) throw new Error('the canvas has no box');
    const target = await page.evaluate(
      ({ width, height }) => {
        const nodes = window.govgraphCanvas?.nodes() ?? [];
        const inside = nodes.filter((n) => n.x > 40 && n.y > 40 && n.x < width - 40 && n.y < height - 40);
        return inside.find((n) => nodes.every((m) => m === n || Math.hypot(m.x - n.x, m.y - n.y) > 20)) ?? null;
      },
      { width: box.width, height: box.height },
    );
    if (!target) throw new Error('no node stands clear of the others');
    await page.mouse.click(box.x + target.x, box.y + target.y);
    const name = graph.nodes.get(target.id)?.name ?? '';
    await page.getByRole('region', { name: 'Details' }).getByRole('heading', { name, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('sel')).toBe(target.id);

    // Dragging the background moves the whole graph along (a picture of it while the mouse moves),
    // and it is drawn whole again where it came to rest.
    const first = () => page.evaluate(() => window.govgraphCanvas?.nodes()[0] ?? null);
    const before = await first();
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 10 + i * 10, box.y + 10 + i * 3);
    await page.mouse.up();
    const after = await first();
    if (!before || !after) throw new Error('the canvas has no nodes');
    expect(Math.abs(after.x - before.x - 200)).toBeLessThan(2);
    expect(Math.abs(after.y - before.y - 60)).toBeLessThan(2);
    await page.waitForFunction(() => window.govgraphCanvas?.settled(), undefined, { timeout: 30_000 });
    const moved = await page.getByTestId('canvas').screenshot();
    expect(await inked(page, moved)).toBeGreaterThan(0.05);
  });
});
