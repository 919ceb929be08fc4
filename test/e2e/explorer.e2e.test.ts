import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../support/api.js';
import { ARTIFACTS, explorerInChromium, type ServedExplorer, seriousViolations } from '../support/browser.js';
import { canvasNodes, settled } from '../support/explorer.js';
import { EVENTS, neighboursOf } from '../support/seed-facts.js';

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

const canvasEdges = (p: Page) => p.evaluate(() => window.govgraphCanvas?.edges() ?? []) as Promise<string[]>;

describe('the explorer in Chromium', () => {
  it('searches, puts an entity with its neighbours on the canvas, and expands by double-click', async () => {
    await page.goto(site.url);
    await expect(page.title()).resolves.toBe('GovGraph');

    // A person types part of a name, German-folded, and picks the suggestion with Enter.
    const search = page.getByRole('combobox', { name: /^(Suche nach|Search) / });
    await search.fill('hueskens');
    const option = page.getByRole('option', { name: /^Person Lydia Hüskens/ });
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('Person');
    await search.press('Enter');

    // She and everything one fact away: her ministries, the Digitalrat's meeting, her party …
    const hers = ['person:lydia-hueskens', ...neighboursOf('person:lydia-hueskens')];
    expect(hers).toContain('org:mid-sachsen-anhalt');
    const list = page.getByRole('region', { name: 'Einträge auf der Leinwand' });
    await list.getByRole('heading', { name: `Auf der Leinwand (${hers.length})` }).waitFor();
    const nodes = await canvasNodes(page, hers.length);
    const box = await page.getByTestId('canvas').boundingBox();
    if (!box) throw new Error('canvas has no box');
    expect(nodes.map((n) => n.id).sort()).toEqual(hers.sort());
    for (const node of nodes) {
      expect(node.visible).toBe(true);
      expect(node.x).toBeGreaterThan(0);
      expect(node.x).toBeLessThan(box.width);
      expect(node.y).toBeGreaterThan(0);
      expect(node.y).toBeLessThan(box.height);
    }
    expect(await canvasEdges(page)).toContain('rel:hueskens-ministerin-mid');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-search.png') });

    // Double-click on the ministry where the canvas drew it: its adviser, the Digitalrat, appears.
    const ministry = nodes.find((n) => n.id === 'org:mid-sachsen-anhalt');
    if (!ministry) throw new Error('ministry not drawn');
    await page.mouse.dblclick(box.x + ministry.x, box.y + ministry.y);
    const both = new Set([...hers, ...neighboursOf('org:mid-sachsen-anhalt')]);
    await list.getByRole('heading', { name: `Auf der Leinwand (${both.size})` }).waitFor();
    const expanded = (await canvasNodes(page, both.size)).map((n) => n.id);
    expect(expanded).toContain('org:digitalrat-sachsen-anhalt');
    expect(expanded).toContain('region:15');
    expect(expanded).toContain('org:kreativraum-salzlandkreis');
    expect(await canvasEdges(page)).toContain('rel:digitalrat-beraet-mid');
    await expect(list.textContent()).resolves.toContain('Digitalrat Sachsen-Anhalt');

    // The details panel shows the fact's source and verbatim quote.
    await list
      .getByRole('button', { name: /Digitalrat Sachsen-Anhalt/ })
      .first()
      .click();
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Digitalrat Sachsen-Anhalt' }).waitFor();
    const text = await details.textContent();
    expect(text).toContain('vom Digitalrat in den Bereichen Technologie, Innovation und Digitalisierung beraten');
    expect(text).toContain('Sachsen-Anhalt: Digitalrat tritt erneut zusammen, 31.8.2022');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-expanded.png') });
  });

  it('says so when a search fails on the server, instead of failing silently', async () => {
    await page.goto(site.url);
    await page.getByRole('combobox', { name: /^(Suche nach|Search) / }).fill('x'.repeat(201));
    await page.getByRole('alert').filter({ hasText: 'The search text is too long' }).waitFor();
  });
});

describe('sharing and time in Chromium', () => {
  it('slides back to August 2022, keeps the view in the URL across a reload, and switches to English', async () => {
    await page.goto(`${site.url}?e=region:01`);
    const list = page.getByRole('region', { name: 'Einträge auf der Leinwand' });
    await list.getByRole('button', { name: /^Gesetz OZG-Änderungsgesetz/ }).waitFor();

    // Keyboard only: Home goes to December 2018, each arrow one month on; 44 months later is August 2022.
    const slider = page.getByRole('slider', { name: 'Stand' });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 44; i += 1) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('as-of-value').textContent()).resolves.toBe('31.8.2022');
    await page.waitForFunction(() => !document.body.textContent?.includes('OZG-Änderungsgesetz'));
    expect(new URL(page.url()).searchParams.get('e')).toBe('region:01');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-08-31');
    const before = await page.evaluate(() =>
      window.govgraphCanvas
        ?.nodes()
        .map((n) => n.id)
        .sort(),
    );
    expect(before).toContain('region:01002');

    await page.reload();
    await page.waitForFunction((count) => window.govgraphCanvas?.nodes().length === count, before?.length);
    expect(
      await page.evaluate(() =>
        window.govgraphCanvas
          ?.nodes()
          .map((n) => n.id)
          .sort(),
      ),
    ).toEqual(before);
    await expect(page.getByTestId('as-of-value').textContent()).resolves.toBe('31.8.2022');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page
      .getByRole('region', { name: 'Entries on the canvas' })
      .getByRole('heading', { name: /^On the canvas \(\d+\)$/ })
      .waitFor();
    await expect(page.getByTestId('as-of-value').textContent()).resolves.toBe('31/08/2022');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-as-of-english.png') });
  });
});

describe('finding a connection in Chromium', () => {
  it('finds Bernd Schlömer, then the shortest path from him to the Salzlandkreis, drawn highlighted', async () => {
    await page.goto(site.url);
    const search = page.getByRole('combobox', { name: 'Suche nach Personen, Gremien, Regionen, Gesetzen …' });
    await search.fill('Schloemer');
    await page.getByRole('option', { name: /^Person Bernd Schlömer/ }).waitFor();
    await search.press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Bernd Schlömer' }).waitFor();
    // Whom he works with, and where each fact comes from.
    await expect(details.textContent()).resolves.toContain('dem Landes-CIO Bernd Schlömer');
    // Facts grouped by relation type, with how long they are known to hold.
    await details.getByRole('heading', { name: 'hat Amt inne bei', level: 4 }).waitFor();
    await expect(details.textContent()).resolves.toContain('(seit spätestens 31.8.2022)');

    const to = page.getByRole('combobox', { name: 'Von Bernd Schlömer nach …' });
    await to.fill('Salzland');
    await page.getByRole('option', { name: /^Region Salzlandkreis/ }).waitFor();
    await page.getByRole('option', { name: /^Region Salzlandkreis/ }).click();
    const result = page.getByTestId('path-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('1 kürzester Weg in 2 Schritten zu Salzlandkreis.');
    await page.waitForFunction(() => (window.govgraphCanvas?.highlighted().length ?? 0) === 5);
    const highlighted = await page.evaluate(() => window.govgraphCanvas?.highlighted().sort());
    expect(highlighted).toEqual([
      'person:bernd-schloemer',
      'region:15',
      'region:15089',
      'rel:part-of-15089',
      'rel:schloemer-landes-cio',
    ]);
    expect(new URL(page.url()).searchParams.get('path')).toBe('person:bernd-schloemer~region:15089');
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-path.png') });

    // A click on a relation shows its sources.
    await settled(page);
    const box = await page.getByTestId('canvas').boundingBox();
    const mid = await page.evaluate(() => window.govgraphCanvas?.midpoint('rel:schloemer-verweist-auf-ozg') ?? null);
    if (!box || !mid) throw new Error('relation not drawn');
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    await details.getByRole('heading', { name: 'Beziehung' }).waitFor();
    await expect(details.textContent()).resolves.toContain('Dieses sei ein zentraler Hebel');

    // The shared link shows the same path.
    await page.goto(page.url());
    await page.waitForFunction(() => (window.govgraphCanvas?.highlighted().length ?? 0) === 5);
  });
});

describe('filtering in Chromium', () => {
  it('hides a kind of entry by keyboard, on the canvas and in the list, keeps it in the URL, and undoes it', async () => {
    await page.goto(`${site.url}?e=region:15`);
    const list = page.getByRole('region', { name: 'Einträge auf der Leinwand' });
    const all = ['region:15', ...neighboursOf('region:15')];
    const notRegions = all.filter((id) => !id.startsWith('region:'));
    expect(all.length - notRegions.length).toBeGreaterThanOrEqual(16);
    await list.getByRole('heading', { name: `Auf der Leinwand (${all.length})` }).waitFor();
    await page.getByText('Filter', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Region' }).focus();
    await page.keyboard.press('Space');
    // Sachsen-Anhalt, the Bund, the 14 Kreise and the towns go; its ministries, councils and people stay.
    await list.getByRole('heading', { name: `Auf der Leinwand (${notRegions.length})` }).waitFor();
    const kinds = await page.evaluate(() => window.govgraphCanvas?.nodes().map((n) => n.id.split(':')[0]));
    expect([...new Set(kinds)].sort()).toEqual([...new Set(notRegions.map((id) => id.split(':')[0]))].sort());
    expect(kinds).not.toContain('region');
    expect(new URL(page.url()).searchParams.get('hk')).toBe('REGION');

    // Undo with the keyboard, redo with the button.
    await page.keyboard.press('Control+z');
    await list.getByRole('heading', { name: `Auf der Leinwand (${all.length})` }).waitFor();
    expect(new URL(page.url()).searchParams.get('hk')).toBeNull();
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    await list.getByRole('heading', { name: `Auf der Leinwand (${notRegions.length})` }).waitFor();
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await list.getByRole('heading', { name: `Auf der Leinwand (${all.length})` }).waitFor();
  });
});

describe('the timeline in Chromium', () => {
  it('lists the events on the canvas in date order, linked to the canvas both ways', async () => {
    await page.goto(`${site.url}?e=person:markus-bauer,org:bundesrat`);
    const timeline = page.getByRole('region', { name: 'Zeitleiste' });
    // The events of both and those one fact away, in date order.
    const shown = new Set([
      ...neighboursOf('person:markus-bauer'),
      ...neighboursOf('org:bundesrat'),
      'person:markus-bauer',
      'org:bundesrat',
    ]);
    const events = EVENTS.filter((e) => shown.has(e.id)).map((e) => e.name);
    expect(events.length).toBeGreaterThan(3);
    const items = timeline.getByRole('button', { name: /\d{4} / });
    await items.nth(events.length - 1).waitFor();
    await expect(timeline.locator('li bdi').allTextContents()).resolves.toEqual(events);
    const texts = await items.allTextContents();
    expect(texts).toContain('spätestens 31.8.2022 Zweite Sitzung des Digitalrats Sachsen-Anhalt');
    expect(texts).toContain('22.3.2024 Scheitern des OZG-Änderungsgesetzes im Bundesrat');
    // Choosing one in the timeline selects it on the canvas and in the details …
    await timeline.getByRole('button', { name: /Scheitern des OZG-Änderungsgesetzes im Bundesrat/ }).click();
    await page
      .getByRole('region', { name: 'Details' })
      .getByRole('heading', { name: 'Scheitern des OZG-Änderungsgesetzes im Bundesrat' })
      .waitFor();
    // … and clicking one on the canvas marks it in the timeline.
    const box = await page.getByTestId('canvas').boundingBox();
    const meeting = await resting(page, 'event:digitalrat-sachsen-anhalt-2022-sitzung-2');
    if (!box) throw new Error('canvas not drawn');
    await page.mouse.click(box.x + meeting.x, box.y + meeting.y);
    await timeline
      .getByRole('button', { name: /Zweite Sitzung/ })
      .and(page.locator('[aria-current="true"]'))
      .waitFor();
  });
});

describe('exporting in Chromium', () => {
  it('downloads the picture as PNG and SVG and the data as JSON, GraphML and CSV, each readable again', async () => {
    await page.goto(`${site.url}?e=person:bernd-schloemer`);
    await page.waitForFunction(() => (window.govgraphCanvas?.nodes().length ?? 0) > 1);
    const shown = await page.evaluate(() => window.govgraphCanvas?.nodes().length ?? 0);
    const exportRegion = page.getByRole('region', { name: 'Export' });
    const fetchFile = async (label: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        exportRegion.getByRole('button', { name: label }).click(),
      ]);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const png = await fetchFile('PNG');
    expect(png.name).toMatch(/^govgraph-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(5000);
    const svg = await fetchFile('SVG');
    expect(svg.bytes.toString()).toContain('<svg');
    expect(svg.bytes.toString()).toContain('Bernd Schlömer');
    const json = JSON.parse((await fetchFile('JSON')).bytes.toString()) as { nodes: unknown[]; edges: unknown[] };
    expect(json.nodes).toHaveLength(shown);
    const graphml = (await fetchFile('GraphML')).bytes.toString();
    expect(graphml.match(/<node /g)).toHaveLength(shown);
    const csv = (await fetchFile('CSV')).bytes.toString();
    expect(csv.split(/\r?\n/)[0]).toBe('id,from_id,from,type,role,to_id,to,valid_from,valid_to,sources,quotes');
    expect(csv).toContain('rel:schloemer-landes-cio,person:bernd-schloemer,Bernd Schlömer,HOLDS_OFFICE_AT');
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds no serious or critical violation on the empty page, with a graph and details, and in English', async () => {
    await page.goto(site.url);
    await page.getByRole('combobox', { name: /^(Suche nach|Search) / }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(
      `${site.url}?e=person:bernd-schloemer&sel=person:bernd-schloemer&path=person:bernd-schloemer~region:15089`,
    );
    await page.getByTestId('path-result').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${site.url}?e=region:01&asOf=2022-08-31&lang=en`);
    await page.getByRole('heading', { name: /^On the canvas/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // With an entity's menu and its submenu open, an article highlighted and a hidden entity listed.
    await page.goto(
      `${site.url}?e=person:bernd-schloemer&art=article:kommune21-2022-08-31-digitalrat-sachsen-anhalt&hide=law:ozg`,
    );
    await page.getByRole('heading', { name: 'Ausgeblendet (1)' }).waitFor();
    await page.getByRole('button', { name: 'Aktionen für Bernd Schlömer' }).click();
    await page.getByRole('menuitem', { name: 'Erweitern nach Art der Beziehung ▸', disabled: false }).click();
    await page.getByRole('menu', { name: 'Erweitern nach Art der Beziehung' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** A node where it stays: choosing in the timeline may start a layout after the canvas last reported settled. */
async function resting(page: Page, id: string) {
  let last: { x: number; y: number } | undefined;
  for (let tries = 0; tries < 50; tries += 1) {
    const node = (await canvasNodes(page)).find((n) => n.id === id);
    if (!node) throw new Error(`${id} not drawn`);
    if (last && last.x === node.x && last.y === node.y) return node;
    last = node;
    await page.waitForTimeout(200);
  }
  throw new Error(`${id} kept moving`);
}
