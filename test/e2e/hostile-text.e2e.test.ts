import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import { type ExportFile, importGraph } from '../../server/services/transfer/transfer.js';
import { mentionsOf } from '../../shared/integrity.js';
import { ARTIFACTS, builtExplorer, launchChromium } from '../support/browser.js';
import { canvasNodes, settled } from '../support/explorer.js';
import { HOSTILE, inXml, readXml } from '../support/hostile.js';
import { startScratchNeo4j } from '../support/scratch.js';

// Names, aliases, descriptions, quotes and a source that try to become markup, script, formulas or links.
const PERSON = 'Mallory <script>alert("name")</script>';
const ALIAS = `Zyxwvu ${HOSTILE.attribute.replace('alert(1)', 'alert("alias")')}`;
const DESCRIPTION = `<iframe src="javascript:alert('description')"></iframe> ${HOSTILE.entities} ${HOSTILE.cdata} ${HOSTILE.rtl}`;
const FORMULA_ORG = HOSTILE.hyperlink;
// i18next must not read placeholders in a value, and NUL is shown and exported without breaking anything.
const ODD_ORG = `-2+3 ${HOSTILE.i18n} nul\u0000byte`;
const TITLE = '@SUM(1) <img src=x onerror=alert("title")>';
const ROLE = HOSTILE.dde;
const QUOTE = `${HOSTILE.attribute}<svg onload=alert("quote")>`;
const QUOTE_LINES = 'line one\nline two "quoted", a; b';
const SOURCE_URL = 'javascript:alert("source")';
// A right-to-left override that is never closed: without isolation it turns the rest of its line around.
const RITA = 'Rita \u202Eadbmal';

const hostileGraph: Omit<ExportFile, 'mentions'> = {
  format: 'govgraph',
  formatVersion: 1,
  entities: [
    { id: 'person:mallory', kind: 'PERSON', name: PERSON, aliases: [ALIAS, FORMULA_ORG], description: DESCRIPTION },
    { id: 'org:formel', kind: 'ORGANIZATION', orgType: 'AUTHORITY', name: FORMULA_ORG, aliases: [], description: null },
    // The model refuses NUL in a name: it is written into Neo4j directly below, as an older database could hold it.
    { id: 'org:seltsam', kind: 'ORGANIZATION', orgType: 'COUNCIL', name: 'seltsam', aliases: [], description: null },
    { id: 'person:rita', kind: 'PERSON', name: RITA, aliases: [], description: null },
    {
      id: 'article:boese',
      kind: 'ARTICLE',
      name: TITLE,
      aliases: [],
      description: null,
      publisher: 'Verlag',
      publishedOn: '2024-01-02',
      url: 'https://example.org/artikel',
    },
  ].map((entity) => ({
    figures: [],
    version: 1,
    recordedAt: null,
    recordedBy: null,
    ...entity,
  })) as ExportFile['entities'],
  relations: [
    { id: 'rel:mallory-amt', type: 'HOLDS_OFFICE_AT', to: 'org:formel', role: ROLE, quote: QUOTE },
    { id: 'rel:mallory-rat', type: 'MEMBER_OF', to: 'org:seltsam', role: null, quote: QUOTE_LINES },
    { id: 'rel:rita-rat', from: 'person:rita', type: 'MEMBER_OF', to: 'org:seltsam', role: null, quote: 'Rita' },
  ].map(({ quote, ...relation }) => ({
    from: 'person:mallory',
    ...relation,
    validFrom: null,
    validFromQualifier: null,
    validTo: null,
    validToQualifier: null,
    citations: [{ article: 'article:boese', quote, note: null }],
    version: 1,
    recordedAt: null,
    recordedBy: null,
  })) as ExportFile['relations'],
};

let scratch: Awaited<ReturnType<typeof startScratchNeo4j>>;
let server: Server;
let site: string;
let browser: Browser;
let page: Page;
/** Every alert, confirm or prompt the page opened: there must be none. */
const dialogs: string[] = [];
let scriptsAtStart = 0;

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  await importGraph(scratch.db, JSON.stringify({ ...hostileGraph, mentions: mentionsOf(hostileGraph) }));
  // The model only takes http(s) addresses and names without control characters; an older or foreign database
  // may hold anything.
  await scratch.db.write(
    { name: 'hostile-source-url', text: 'MATCH (a:Article {id: $id}) SET a.url = $url' },
    { id: 'article:boese', url: SOURCE_URL },
  );
  await scratch.db.write(
    { name: 'hostile-name', text: 'MATCH (o:Organization {id: $id}) SET o.name = $name' },
    { id: 'org:seltsam', name: ODD_ORG },
  );
  const outDir = await builtExplorer();
  // Without the content-security policy: the explorer must show text as text by itself, the policy is a
  // second wall (and would turn a script that got through into a refusal, not a dialog).
  server = createApp({ yoga: createGovGraphYoga(scratch.db), web: sirv(outDir, { single: true }), csp: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'de-DE', acceptDownloads: true });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => {
    server?.closeAllConnections();
    if (server) server.close(() => resolve());
    else resolve();
  });
  await scratch?.stop();
});

/** Nothing the hostile text tried to make exists in the page, and no dialog opened. */
async function nothingInjected(): Promise<void> {
  const found = await page.evaluate(() => ({
    scripts: document.scripts.length,
    elements: [
      ...document.querySelectorAll('img[src="x"], iframe, foreignObject, [onerror], [onload], [onmouseover]'),
    ].map((e) => e.outerHTML),
    links: [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => !/^(https?:|blob:|\/|\?|#)/i.test(href)),
  }));
  expect(found).toEqual({ scripts: scriptsAtStart, elements: [], links: [] });
  expect(dialogs).toEqual([]);
}

const labels = () => page.evaluate(() => window.govgraphCanvas?.labels() ?? {});

async function download(label: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Export' }).getByRole('button', { name: label }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('hostile names and quotes in Chromium', () => {
  it('shows search hits with their names, aliases and descriptions as text', async () => {
    await page.goto(site);
    const search = page.getByRole('combobox', { name: /^(Suche nach|Search) / });
    await search.waitFor();
    scriptsAtStart = await page.evaluate(() => document.scripts.length);
    await search.fill('zyxwvu');
    const option = page.getByRole('listbox').getByRole('option').first();
    await option.waitFor();
    const shown = await option.textContent();
    expect(shown).toContain(PERSON);
    expect(shown).toContain(`gefunden als „${ALIAS}“`);
    expect(shown).toContain(DESCRIPTION);
    await nothingInjected();

    await search.fill('mallory');
    await page.getByRole('option', { name: /Mallory/ }).waitFor();
    await search.press('Enter');
    await canvasNodes(page, 3);
    await nothingInjected();
  });

  it('draws the names on the canvas exactly as they are, and hovering shows nothing else', async () => {
    const drawn = await labels();
    expect(drawn['person:mallory']).toBe(PERSON);
    expect(drawn['org:formel']).toBe(FORMULA_ORG);
    expect(drawn['org:seltsam']).toBe(ODD_ORG);
    const box = await page.getByTestId('canvas').boundingBox();
    const mallory = (await canvasNodes(page, 3)).find((n) => n.id === 'person:mallory');
    if (!box || !mallory) throw new Error('Mallory is not drawn');
    await page.mouse.move(box.x + mallory.x, box.y + mallory.y);
    await page.waitForFunction(() =>
      window.govgraphCanvas?.nodes().some((n) => n.id === 'person:mallory' && n.classes.includes('hover')),
    );
    await nothingInjected();
  });

  it('shows the details, the list and the menus with the text as it is, and the javascript: source as no link', async () => {
    const list = page.getByRole('region', { name: 'Einträge auf der Leinwand' });
    await list
      .getByRole('button', { name: /Mallory/ })
      .first()
      .click();
    const details = page.getByRole('region', { name: 'Details' });
    const heading = details.getByRole('heading', { level: 2 });
    await expect(heading.textContent()).resolves.toBe(PERSON);
    const text = await details.textContent();
    for (const literal of [DESCRIPTION, FORMULA_ORG, ODD_ORG, QUOTE, QUOTE_LINES, TITLE])
      expect(text).toContain(literal);
    expect(await details.locator('cite a').count()).toBe(0);
    expect(await details.locator('cite').first().textContent()).toContain(TITLE);
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-text.png') });

    // i18next put the names into the labels as they are, placeholders and all.
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label^="Aktionen für "]')].map((e) => e.getAttribute('aria-label')),
    );
    expect(names).toEqual(expect.arrayContaining([PERSON, FORMULA_ORG, ODD_ORG].map((n) => `Aktionen für ${n}`)));
    const highlight = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label^="Alles aus dem Artikel"]')].map((e) => e.getAttribute('aria-label')),
    );
    expect(new Set(highlight)).toEqual(new Set([`Alles aus dem Artikel „${TITLE}“ hervorheben`]));

    await list.getByRole('button', { name: `Aktionen für ${PERSON}`, exact: true }).click();
    await page.getByRole('menu', { name: `Aktionen für ${PERSON}`, exact: true }).waitFor();
    await nothingInjected();
    await page.keyboard.press('Escape');
  });

  it('shows a relation with its quote and its role on the canvas as text', async () => {
    await settled(page);
    const box = await page.getByTestId('canvas').boundingBox();
    const mid = await page.evaluate(() => window.govgraphCanvas?.midpoint('rel:mallory-amt') ?? null);
    if (!box || !mid) throw new Error('the relation is not drawn');
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Beziehung' }).waitFor();
    await expect(details.locator('q').textContent()).resolves.toBe(QUOTE);
    expect((await labels())['rel:mallory-amt']).toBe(`hat Amt inne bei (${ROLE})`);
    await nothingInjected();
  });

  it('exports SVG, GraphML and CSV that hold the text as text', async () => {
    const drawn = await labels();

    const svg = readXml(await download('SVG'));
    const svgNames = new Set(svg.map((e) => e.name));
    for (const made of ['script', 'img', 'iframe', 'foreignObject', 'a']) expect(svgNames).not.toContain(made);
    for (const element of svg) expect(Object.keys(element.attributes).filter((a) => /^on/i.test(a))).toEqual([]);
    // Cytoscape wraps long labels at spaces, a line (with its space) to each text element.
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    const svgText = words(
      svg
        .filter((e) => e.name === 'text')
        .map((e) => e.text)
        .join(' '),
    );
    for (const id of ['person:mallory', 'org:formel', 'org:seltsam', 'rel:mallory-amt']) {
      expect(svgText).toContain(words(inXml(drawn[id] ?? '?')));
    }

    const graphml = readXml(await download('GraphML'));
    const data = (key: string) =>
      graphml.filter((e) => e.name === 'data' && e.attributes.key === key).map((e) => e.text);
    expect(data('label').sort()).toEqual([PERSON, FORMULA_ORG, ODD_ORG].map(inXml).sort());
    expect(data('description')).toContain(DESCRIPTION);
    expect(data('role')).toEqual([ROLE]);
    expect(data('sources')).toEqual([TITLE, TITLE]);

    const csv = Papa.parse<Record<string, string>>(await download('CSV'), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data).toEqual([
      expect.objectContaining({ id: 'rel:mallory-amt', from: PERSON, to: `'${FORMULA_ORG}`, role: `'${ROLE}` }),
      expect.objectContaining({ id: 'rel:mallory-rat', from: PERSON, to: `'${ODD_ORG}`, quotes: QUOTE_LINES }),
    ]);
    for (const row of csv.data) expect(row.sources).toBe(`'${TITLE} (2024-01-02)`);
    await nothingInjected();
  });

  it('keeps a name with an unclosed right-to-left override from turning the rest of its line around', async () => {
    await page.goto(`${site}?e=org:seltsam&sel=org:seltsam`);
    await canvasNodes(page, 3);
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('Rita', { exact: false }).first().waitFor();
    const boxes = await details.evaluate((region, name) => {
      const strongs = [...region.querySelectorAll('strong')];
      const from = strongs.find((s) => s.textContent === name);
      const to = from ? strongs[strongs.indexOf(from) + 1] : undefined;
      if (!from || !to) return null;
      const between = document.createRange();
      between.setStartAfter(from);
      between.setEndBefore(to);
      // Where each part ends and the next begins: the last box of one, the first of the next (lines may wrap).
      const first = (rects: DOMRectList) => rects[0] ?? new DOMRect();
      const last = (rects: DOMRectList) => rects[rects.length - 1] ?? new DOMRect();
      const place = (r: DOMRect) => ({ top: Math.round(r.top), left: Math.round(r.left), right: Math.round(r.right) });
      return {
        nameEnds: place(last(from.getClientRects())),
        labelStarts: place(first(between.getClientRects())),
        labelEnds: place(last(between.getClientRects())),
        otherStarts: place(first(to.getClientRects())),
      };
    }, RITA);
    if (!boxes) throw new Error('the fact of Rita is not listed');
    // As written: the name, then the relation, then the other end, each after the one before (or on a later line).
    const follows = (a: { top: number; right: number }, b: { top: number; left: number }) =>
      b.top > a.top + 2 || b.left >= a.right - 1;
    expect(follows(boxes.nameEnds, boxes.labelStarts)).toBe(true);
    expect(follows(boxes.labelEnds, boxes.otherStarts)).toBe(true);
    await nothingInjected();
  });
});
