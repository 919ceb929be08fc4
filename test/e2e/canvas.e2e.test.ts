import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../support/api.js';
import { ARTIFACTS, explorerInChromium, type ServedExplorer } from '../support/browser.js';
import { canvasNodes, nodeById, onScreen, settled } from '../support/explorer.js';
import { neighboursOf } from '../support/seed-facts.js';

const { db, yoga, gql } = setupApi();
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

const ids = (nodes: ReadonlyArray<{ id: string }>) => nodes.map((n) => n.id).sort();
// Bernd Schlömer with everything one fact away, and Sachsen-Anhalt with its own, as the seed has them.
const SCHLOEMER = 1 + neighboursOf('person:bernd-schloemer').size;
const SAXONY_ANHALT = 1 + neighboursOf('region:15').size;
const SPOKE_ABOUT = [...neighboursOf('person:bernd-schloemer', ['SPOKE_ABOUT'])];
const param = (p: Page, name: string) => new URL(p.url()).searchParams.get(name);
const list = (p: Page) => p.getByRole('region', { name: 'Einträge auf der Leinwand' });

describe('search suggestions', () => {
  it('show where an entity belongs and why it matched', async () => {
    await page.goto(site.url);
    await page.getByRole('combobox', { name: /^(Suche nach|Search) / }).fill('MID');
    const ministry = page.getByRole('option', { name: /^Organisation Ministerium für Infrastruktur und Digitales/ });
    await ministry.waitFor();
    const text = await ministry.textContent();
    expect(text).toContain('Sachsen-Anhalt');
    expect(text).toContain('gefunden als „MID“');
    // A match on the name needs no explanation.
    await page.getByRole('combobox', { name: /^(Suche nach|Search) / }).fill('Schlömer');
    const person = page.getByRole('option', { name: /^Person Bernd Schlömer/ });
    await person.waitFor();
    await expect(person.textContent()).resolves.not.toContain('gefunden als');
    await expect(person.textContent()).resolves.toContain('Sachsen-Anhalt');
  });
});

describe('working with single entities on the canvas', () => {
  it('expands by relation type from the context menu, collapses, pins, hides and removes, each undoable', async () => {
    await page.goto(`${site.url}?p=person:bernd-schloemer`);
    await canvasNodes(page, 1);

    // Right-click on Schlömer: his menu, with his facts counted per relation type.
    const schloemer = await onScreen(page, nodeById(await canvasNodes(page, 1), 'person:bernd-schloemer'));
    await page.mouse.click(schloemer.x, schloemer.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Aktionen für Bernd Schlömer' });
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: /Erweitern nach Art der Beziehung/ }).click();
    const byType = page.getByRole('menu', { name: 'Erweitern nach Art der Beziehung' });
    expect(SPOKE_ABOUT).toContain('initiative:ozg-umsetzung');
    const spokeAbout = byType.getByRole('menuitem', { name: `äußerte sich zu (${SPOKE_ABOUT.length})` });
    await spokeAbout.hover();
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-menu.png') });
    await spokeAbout.click();
    expect(ids(await canvasNodes(page, 1 + SPOKE_ABOUT.length))).toEqual(
      ['person:bernd-schloemer', ...SPOKE_ABOUT].sort(),
    );
    expect(param(page, 'e')).toBe('person:bernd-schloemer*SPOKE_ABOUT');

    // The same menu from the list, by keyboard: Enter opens it, arrows move, Enter chooses.
    const actions = list(page).getByRole('button', { name: 'Aktionen für Bernd Schlömer' });
    await actions.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.getByRole('menuitem', { name: 'Erweitern (alle Beziehungen)' }).focus();
    await page.keyboard.press('Enter');
    expect(ids(await canvasNodes(page, SCHLOEMER))).toContain('law:ozg');
    expect(param(page, 'e')).toBe('person:bernd-schloemer');

    // Collapse: the neighbours go, he stays.
    await actions.click();
    await page.getByRole('menuitem', { name: 'Einklappen' }).click();
    expect(ids(await canvasNodes(page, 1))).toEqual(['person:bernd-schloemer']);
    await page.keyboard.press('Control+z');
    await canvasNodes(page, SCHLOEMER);

    // Pin the OZG: marked on the canvas and kept in the URL.
    await list(page).getByRole('button', { name: 'Aktionen für Onlinezugangsgesetz' }).click();
    await page.getByRole('menuitem', { name: 'Anheften' }).click();
    await page.waitForFunction(() =>
      window.govgraphCanvas
        ?.nodes()
        .find((n) => n.id === 'law:ozg')
        ?.classes.includes('pinned'),
    );
    expect(param(page, 'pin')).toBe('law:ozg');
    await expect(list(page).textContent()).resolves.toContain('angeheftet');

    // Hide it: off the canvas, listed as hidden, one click brings it back.
    await list(page).getByRole('button', { name: 'Aktionen für Onlinezugangsgesetz' }).click();
    await page.getByRole('menuitem', { name: 'Ausblenden' }).click();
    expect(ids(await canvasNodes(page, SCHLOEMER - 1))).not.toContain('law:ozg');
    await list(page).getByRole('heading', { name: 'Ausgeblendet (1)' }).waitFor();
    await list(page).getByRole('button', { name: 'Onlinezugangsgesetz wieder einblenden' }).click();
    expect(ids(await canvasNodes(page, SCHLOEMER))).toContain('law:ozg');

    // Remove the meeting; undo brings it back, redo takes it away again.
    await list(page)
      .getByRole('button', { name: /^Aktionen für Zweite Sitzung/ })
      .click();
    await page.getByRole('menuitem', { name: 'Entfernen' }).click();
    expect(ids(await canvasNodes(page, SCHLOEMER - 1))).not.toContain('event:digitalrat-sachsen-anhalt-2022-sitzung-2');
    expect(param(page, 'rm')).toBe('event:digitalrat-sachsen-anhalt-2022-sitzung-2');
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    expect(ids(await canvasNodes(page, SCHLOEMER))).toContain('event:digitalrat-sachsen-anhalt-2022-sitzung-2');
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    await canvasNodes(page, SCHLOEMER - 1);
  });

  it('shows a capped expansion with "and N more" and fetches the rest on request', async () => {
    // Bavaria has 96 Kreise; one page shows 60 neighbours.
    await page.goto(`${site.url}?e=region:09`);
    const first = await canvasNodes(page, 61);
    expect(first).toHaveLength(61);
    const bayern = list(page).getByRole('button', { name: /^Region Bayern/ });
    const more = Number((await bayern.textContent())?.match(/und (\d+) weitere/)?.[1]);
    expect(more).toBeGreaterThan(30);
    await list(page).getByRole('button', { name: 'Aktionen für Bayern' }).click();
    await page.getByRole('menuitem', { name: `${more} weitere Nachbarn laden` }).click();
    await canvasNodes(page, 61 + more);
    await expect(bayern.textContent()).resolves.not.toContain('weitere');
    expect(param(page, 'e')).toBe('region:09*2');
  });

  it('brings an entity and its relations forward on hover', async () => {
    await page.goto(`${site.url}?e=person:bernd-schloemer`);
    const nodes = await canvasNodes(page, SCHLOEMER);
    const at = await onScreen(page, nodeById(nodes, 'law:ozg'));
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() =>
      window.govgraphCanvas
        ?.nodes()
        .find((n) => n.id === 'law:ozg')
        ?.classes.includes('hover'),
    );
    // The law and its neighbours (Schlömer refers to it) come forward, everything else recedes.
    const after = await canvasNodes(page, SCHLOEMER);
    const forward = after.filter((n) => n.classes.includes('hover')).map((n) => n.id);
    const back = after.filter((n) => n.classes.includes('faded')).map((n) => n.id);
    expect(forward).toContain('person:bernd-schloemer');
    expect(back.length).toBeGreaterThan(0);
    expect([...forward, ...back].sort()).toEqual(ids(after));
    await page.mouse.move(5, 5);
  });
});

describe('layouts and positions', () => {
  it('keeps every placed node where it was when an expansion adds new ones', async () => {
    await page.goto(`${site.url}?e=person:bernd-schloemer`);
    const before = await canvasNodes(page, SCHLOEMER);
    const at = await onScreen(page, nodeById(before, 'law:ozg'));
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction(() => (window.govgraphCanvas?.nodes().length ?? 0) > 6);
    const after = await canvasNodes(page);
    for (const node of before) {
      const now = nodeById(after, node.id);
      expect([now.mx, now.my]).toEqual([node.mx, node.my]);
    }
    // The new ones are placed near the law they came with.
    const law = nodeById(after, 'law:ozg');
    const span = Math.max(...after.map((n) => n.mx)) - Math.min(...after.map((n) => n.mx));
    for (const node of after.filter((n) => !before.some((b) => b.id === n.id))) {
      expect(Math.hypot(node.mx - law.mx, node.my - law.my)).toBeLessThan(Math.max(span, 300));
    }
  });

  it('draws the region tree as a hierarchy and as rings, and keeps positions in the URL across a reload', async () => {
    await page.goto(`${site.url}?e=region:15`);
    await canvasNodes(page, SAXONY_ANHALT);
    await page.getByRole('radio', { name: 'Hierarchie' }).check();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('layout') === 'dagre');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('pos'));
    const tree = await canvasNodes(page, SAXONY_ANHALT);
    const land = nodeById(tree, 'region:15');
    for (const kreis of tree.filter((n) => /^region:15\d{3}$/.test(n.id))) expect(kreis.my).toBeGreaterThan(land.my);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-hierarchy.png') });

    // Reload: every node stands where it stood, and no layout had to run.
    const url = page.url();
    await page.goto(url);
    const again = await canvasNodes(page, SAXONY_ANHALT);
    for (const node of tree)
      expect([nodeById(again, node.id).mx, nodeById(again, node.id).my]).toEqual([node.mx, node.my]);
    expect(await page.evaluate(() => window.govgraphCanvas?.layouts())).toBe(0);

    // Dragging a node moves it in the URL too; undo puts it back.
    const kreis = nodeById(again, 'region:15089');
    const from = await onScreen(page, kreis);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((before) => !window.location.search.includes(before), `region:15089~${kreis.mx}~`);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((before) => window.location.search.includes(before), `region:15089~${kreis.mx}~`);

    // Rings: the Land, with the most relations, in the middle.
    await page.getByRole('radio', { name: 'Ringe' }).check();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('layout') === 'concentric');
    await settled(page, SAXONY_ANHALT);
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('pos'));
    const rings = await canvasNodes(page, SAXONY_ANHALT);
    const cx = rings.reduce((s, n) => s + n.mx, 0) / rings.length;
    const cy = rings.reduce((s, n) => s + n.my, 0) / rings.length;
    const distance = (n: { mx: number; my: number }) => Math.hypot(n.mx - cx, n.my - cy);
    const centre = nodeById(rings, 'region:15');
    for (const other of rings.filter((n) => n.id !== 'region:15'))
      expect(distance(centre)).toBeLessThanOrEqual(distance(other));
  });
});

describe('a shared view when the data has changed since', () => {
  it('shows what still exists and drops what is gone, without an error', async () => {
    await page.goto(
      `${site.url}?e=person:gibt-es-nicht,person:bernd-schloemer&p=org:aufgeloest&sel=person:gibt-es-nicht&pos=org:aufgeloest~10~10`,
    );
    expect(ids(await canvasNodes(page, SCHLOEMER))).toContain('person:bernd-schloemer');
    await list(page)
      .getByRole('heading', { name: `Auf der Leinwand (${SCHLOEMER})` })
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByText('2 Einträge des Links gibt es nicht mehr: person:gibt-es-nicht, org:aufgeloest.').waitFor();
  });
});

describe('what one article says', () => {
  it('highlights every fact of an article and the entities it names', async () => {
    const articleId = 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt';
    const expected = await gql<{
      article: {
        facts: { totalCount: number; nodes: Array<{ id: string; from: { id: string }; to: { id: string } }> };
      };
    }>('query($id: ID!) { article(id: $id) { facts(first: 100) { totalCount nodes { id from { id } to { id } } } } }', {
      id: articleId,
    });
    const facts = expected.data?.article.facts;
    if (!facts) throw new Error('article not found');

    await page.goto(`${site.url}?e=person:bernd-schloemer&sel=person:bernd-schloemer`);
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Bernd Schlömer' }).waitFor();
    await details
      .getByRole('button', {
        name: 'Alles aus dem Artikel „Sachsen-Anhalt: Digitalrat tritt erneut zusammen“ hervorheben',
      })
      .first()
      .click();
    await page
      .getByText(`${facts.totalCount} Fakten aus „Sachsen-Anhalt: Digitalrat tritt erneut zusammen“ hervorgehoben.`)
      .waitFor();
    expect(param(page, 'art')).toBe(articleId);
    await page.waitForFunction((n) => (window.govgraphCanvas?.article().length ?? 0) >= n, facts.nodes.length);
    const marked = await page.evaluate(() => window.govgraphCanvas?.article().sort());
    expect(marked).toEqual([...new Set(facts.nodes.flatMap((f) => [f.id, f.from.id, f.to.id]))].sort());
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-article.png') });

    await page.getByRole('button', { name: 'Hervorhebung aufheben' }).click();
    await page.waitForFunction(() => window.govgraphCanvas?.article().length === 0);
    expect(param(page, 'art')).toBeNull();
  });
});

describe('when the server cannot be reached', () => {
  it('says so in the search and on the canvas, and works again once it is back', async () => {
    await page.goto(site.url);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('combobox', { name: /^(Suche nach|Search) / }).fill('Schlömer');
    await page.getByRole('alert').filter({ hasText: 'Der Server ist nicht erreichbar.' }).waitFor();
    await page.goto(`${site.url}?e=person:bernd-schloemer`);
    await page.getByRole('alert').filter({ hasText: 'Der Server ist nicht erreichbar.' }).waitFor();
    await page.unroute('**/graphql');
    await page.reload();
    await canvasNodes(page, SCHLOEMER);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
