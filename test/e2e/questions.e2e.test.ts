import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, explorerOnTestGraph } from '../support/browser.js';
import { settled } from '../support/explorer.js';
import { EVENTS, FACTS, factsOf, nameOf, SEED } from '../support/seed-facts.js';

// The analysts' questions of the README ("What GovGraph knows"), each answered in the explorer as the README says.
const explorer = explorerOnTestGraph({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' });

/** Searches from the main box, picks the hit with that exact name and waits for its details. */
async function open(query: string, name: string): Promise<void> {
  const search = explorer.page.getByRole('combobox', { name: 'Suche nach Personen, Gremien, Regionen, Gesetzen …' });
  await search.fill(query);
  const option = explorer.page
    .getByRole('option')
    .filter({ has: explorer.page.locator('bdi.name', { hasText: new RegExp(`^${name}$`) }) });
  await option.first().click();
  await explorer.page.getByRole('region', { name: 'Details' }).getByRole('heading', { name, level: 2 }).waitFor();
  await settled(explorer.page);
}

/** The facts the details panel lists under one relation heading. */
async function factsUnder(heading: string): Promise<string[]> {
  const group = explorer.page.getByRole('region', { name: 'Details' }).locator('.fact-group', {
    has: explorer.page.getByRole('heading', { name: heading, level: 4, exact: true }),
  });
  await group.waitFor();
  return group.locator('ul.facts > li').allTextContents();
}

describe('what an analyst asks, answered in the explorer in Chromium', () => {
  it('who were the CIOs of Sachsen-Anhalt since 2017, and when did each start and end', async () => {
    await explorer.page.goto(explorer.site.url);
    // The office was with the finance ministry until 2021, then with the Ministerium für Infrastruktur und Digitales.
    const cio = FACTS.filter((r) => r.type === 'HOLDS_OFFICE_AT' && /CIO des Landes Sachsen-Anhalt/.test(r.role ?? ''));
    const people = new Set(cio.map((r) => nameOf(r.from)));
    expect([...people].sort()).toEqual(['Bernd Schlömer', 'Michael Richter', 'Rüdiger Malter']);

    await open('Finanzen Sachsen-Anhalt', 'Ministerium der Finanzen des Landes Sachsen-Anhalt');
    const finance = await factsUnder('hat Amt inne bei');
    const line = (lines: string[], who: string) => lines.filter((l) => l.startsWith(who)).join('\n');
    expect(line(finance, 'Michael Richter')).toMatch(/CIO des Landes Sachsen-Anhalt.*\(bis 1\.4\.2020\)/);
    expect(line(finance, 'Rüdiger Malter')).toMatch(
      /CIO des Landes Sachsen-Anhalt.*\(seit April 2020, bis September 2021\)/,
    );

    await open('Infrastruktur und Digitales', 'Ministerium für Infrastruktur und Digitales');
    const mid = await factsUnder('hat Amt inne bei');
    expect(line(mid, 'Bernd Schlömer')).toMatch(/CIO des Landes Sachsen-Anhalt.*\(seit Oktober 2021\)/);
    await explorer.page.screenshot({ path: path.join(ARTIFACTS, 'question-cio.png') });
  });

  it('which Länder have a ministry with "Digital" in its name, and who leads it', async () => {
    await explorer.page.goto(explorer.site.url);
    // Among ministries only: the first suggestions, then every hit, each with its Land.
    await explorer.page
      .getByRole('combobox', { name: 'Suchen unter' })
      .selectOption({ label: 'Organisation: Ministerium' });
    const search = explorer.page.getByRole('combobox', { name: 'Suche nach Personen, Gremien, Regionen, Gesetzen …' });
    await search.fill('Digital');
    await explorer.page.getByRole('listbox').getByRole('option').first().waitFor();
    await explorer.page.getByRole('button', { name: /^Alle \d+ Treffer zeigen$/ }).click();
    await explorer.page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 8);
    const rows = await explorer.page
      .getByRole('listbox')
      .getByRole('option')
      .evaluateAll((options) =>
        options.map((o) => ({
          name: o.querySelector('.name')?.textContent ?? '',
          type: o.querySelector('.org-type')?.textContent ?? '',
          region: o.querySelector('.region')?.textContent ?? '',
        })),
      );
    const lands = new Set(SEED.entities.filter((e) => e.kind === 'REGION' && e.level === 'LAND').map((e) => e.name));
    const ministries = rows.filter((r) => r.type === 'Ministerium' && /Digital/.test(r.name));
    const expected = SEED.entities.filter((e) => e.orgType === 'MINISTRY' && /Digital/.test(e.name)).map((e) => e.name);
    expect(ministries.map((m) => m.name).sort()).toEqual([...new Set(expected)].sort());
    const withLand = new Set(ministries.map((m) => m.region).filter((r) => lands.has(r)));
    expect(withLand.size).toBeGreaterThanOrEqual(9);
    await explorer.page.screenshot({ path: path.join(ARTIFACTS, 'question-digital-ministries.png') });

    // Who leads one: Bayern's Staatsministerium für Digitales, with its ministers and their dates.
    await explorer.page.getByRole('option', { name: /Bayerisches Staatsministerium für Digitales/ }).click();
    const details = explorer.page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Bayerisches Staatsministerium für Digitales', level: 2 }).waitFor();
    const heads = await factsUnder('hat Amt inne bei');
    expect(
      heads.some((l) => /^Fabian Mehring.*Bayerischer Staatsminister für Digitales\).*seit 8\.11\.2023/.test(l)),
    ).toBe(true);
    expect(heads.some((l) => /^Judith Gerlach.*Bayerische Staatsministerin für Digitales/.test(l))).toBe(true);
  });

  it('who represents each Land in the IT-Planungsrat, and who chairs it', async () => {
    await explorer.page.goto(explorer.site.url);
    await open('IT-Planungsrat', 'IT-Planungsrat');
    const members = await factsUnder('ist Mitglied von');
    const representatives = FACTS.filter(
      (r) => r.type === 'MEMBER_OF' && r.to === 'org:it-planungsrat' && r.from.startsWith('person:'),
    );
    expect(representatives.length).toBeGreaterThanOrEqual(7);
    for (const fact of representatives) {
      expect(members.some((l) => l.startsWith(nameOf(fact.from)) && l.includes(fact.role ?? ''))).toBe(true);
    }
    // Every Land is a member with one vote.
    const lands = FACTS.filter(
      (r) => r.type === 'MEMBER_OF' && r.to === 'org:it-planungsrat' && /^region:\d\d$/.test(r.from),
    );
    expect(new Set(lands.map((r) => r.from)).size).toBe(16);
    const chairs = await factsUnder('hat Amt inne bei');
    expect(chairs.some((l) => /^Markus Richter.*Vorsitzender des IT-Planungsrats/.test(l))).toBe(true);
    expect(chairs.some((l) => /^Ina-Maria Ulbrich.*Vorsitzende des IT-Planungsrats/.test(l))).toBe(true);
  });

  it('what happened to the OZG-Änderungsgesetz, step by step', async () => {
    await explorer.page.goto(explorer.site.url);
    await open('OZG-Änderungsgesetz', 'OZG-Änderungsgesetz');
    // Its events on the timeline, in date order, from the cabinet to entry into force.
    const steps = EVENTS.filter((e) =>
      factsOf(e.id).some((r) => r.from === 'law:ozg-aenderungsgesetz' || r.to === 'law:ozg-aenderungsgesetz'),
    );
    expect(steps.length).toBeGreaterThanOrEqual(6);
    const timeline = explorer.page.getByRole('region', { name: 'Zeitleiste' });
    await timeline.waitFor();
    const more = timeline.getByRole('button', { name: /weitere/ });
    while (await more.count()) await more.first().click();
    const shown = await timeline.locator('li bdi').allTextContents();
    expect(shown).toEqual(steps.map((e) => e.name));
    const at = (name: RegExp) => shown.findIndex((s) => name.test(s));
    expect(at(/Bundestag beschließt/)).toBeLessThan(at(/^Scheitern des OZG-Änderungsgesetzes im Bundesrat$/));
    expect(at(/^Scheitern/)).toBeLessThan(at(/Vermittlungsausschuss/));
    expect(at(/Vermittlungsausschuss/)).toBeLessThan(
      at(/Bundesrat stimmt dem OZG-Änderungsgesetz im zweiten Anlauf zu/),
    );
    await expect(timeline.textContent()).resolves.toContain(
      '22.3.2024 Scheitern des OZG-Änderungsgesetzes im Bundesrat',
    );
    await timeline.getByRole('button', { name: /Scheitern des OZG-Änderungsgesetzes/ }).click();
    await timeline.scrollIntoViewIfNeeded();
    await explorer.page.screenshot({ path: path.join(ARTIFACTS, 'question-ozg-timeline.png') });
  });

  it('which public IT service providers serve which Länder', async () => {
    await explorer.page.goto(explorer.site.url);
    await open('Dataport', 'Dataport');
    const served = await factsUnder('unterstützt');
    const lands = FACTS.filter((r) => r.type === 'SUPPORTS' && r.from === 'org:dataport' && /^region:\d\d$/.test(r.to));
    expect(new Set(lands.map((r) => r.to)).size).toBeGreaterThanOrEqual(5);
    for (const fact of lands) expect(served.some((l) => l.includes(`unterstützt ${nameOf(fact.to)}`))).toBe(true);
    // And from a Land: who serves Hessen.
    await open('Hessen', 'Hessen');
    const hessen = await factsUnder('unterstützt');
    const providers = FACTS.filter(
      (r) =>
        r.type === 'SUPPORTS' &&
        r.to === 'region:06' &&
        SEED.entities.find((e) => e.id === r.from)?.orgType === 'PUBLIC_IT_PROVIDER',
    );
    expect(providers.length).toBeGreaterThanOrEqual(2);
    for (const fact of providers) expect(hessen.some((l) => l.startsWith(nameOf(fact.from)))).toBe(true);
  });

  it('who links the Digitalrat Sachsen-Anhalt to the IT-Planungsrat', async () => {
    // As of the Digitalrat's second meeting: every shortest path, and the one person on them.
    await explorer.page.goto(`${explorer.site.url}?asOf=2022-09-01`);
    await open('Digitalrat Sachsen-Anhalt', 'Digitalrat Sachsen-Anhalt');
    const to = explorer.page.getByRole('combobox', { name: 'Von Digitalrat Sachsen-Anhalt nach …' });
    await to.fill('IT-Planungsrat');
    await explorer.page
      .getByRole('option', { name: /^Organisation IT-Planungsrat/ })
      .first()
      .click();
    const result = explorer.page.getByTestId('path-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/kürzeste Wege in 3 Schritten zu IT-Planungsrat\./);
    await explorer.page.waitForFunction(() => (window.govgraphCanvas?.highlighted().length ?? 0) > 0);
    const highlighted = (await explorer.page.evaluate(() => window.govgraphCanvas?.highlighted() ?? [])) as string[];
    expect(highlighted.filter((id) => id.startsWith('person:'))).toEqual(['person:bernd-schloemer']);
    expect(highlighted).toContain('org:it-planungsrat');
    await explorer.page.screenshot({ path: path.join(ARTIFACTS, 'question-link.png') });
  });
});
