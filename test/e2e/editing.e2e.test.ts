import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { ARTIFACTS, launchChromium, seriousViolations, serveExplorer } from '../support/browser.js';
import { canvasNodes } from '../support/explorer.js';
import { startScratchNeo4j } from '../support/scratch.js';
import { neighboursOf } from '../support/seed-facts.js';

// Editors change the graph: a Neo4j of its own, seeded, not the one other tests read.
let scratch: Awaited<ReturnType<typeof startScratchNeo4j>>;
let yoga: GovGraphYoga;
let site: Awaited<ReturnType<typeof serveExplorer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let otherToken: string;
const PASSWORD = 'correct horse battery staple';
const EDITOR = 'redaktion@govgraph.test';

/** The API as another editor's tool sees it (Bearer token), to change things behind the form's back. */
async function asOtherEditor<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${otherToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function entity(id: string): Promise<Record<string, unknown> | null> {
  const data = await asOtherEditor<{ node: Record<string, unknown> | null }>(
    'query($id: ID!) { node(id: $id) { ... on Entity { id name description version } ... on Event { date { date } } } }',
    { id },
  );
  return data.node;
}

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  await loadSeed(scratch.db);
  const accounts = new Accounts(scratch.db);
  const admin = await accounts.createUser({ email: 'admin@govgraph.test', password: PASSWORD, role: 'admin' }, 'test');
  await accounts.createUser({ email: EDITOR, password: PASSWORD, role: 'editor' }, admin.email);
  await accounts.createUser({ email: 'zweite@govgraph.test', password: PASSWORD, role: 'editor' }, admin.email);
  otherToken = (await accounts.createApiToken('zweite@govgraph.test', 'zweite', admin.email)).token;
  yoga = createGovGraphYoga(scratch.db);
  site = await serveExplorer(yoga);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await scratch?.stop();
});

describe('editors in Chromium', () => {
  it('shows an anonymous visitor no way to edit, and refuses a wrong password in German', async () => {
    await page.goto(`${site.url}?e=person:lydia-hueskens&sel=person:lydia-hueskens`);
    await canvasNodes(page);
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Verlauf' }).waitFor();
    expect(await details.getByRole('button', { name: 'Bearbeiten' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Neuer Eintrag' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Anmelden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anmelden' });
    await dialog.getByRole('button', { name: 'Anmelden' }).click();
    await expect(dialog.getByText('Pflichtfeld.').count()).resolves.toBe(2);
    await dialog.getByLabel('E-Mail').fill(EDITOR);
    await dialog.getByLabel('Passwort').fill('wrong password, twelve+');
    await dialog.getByRole('button', { name: 'Anmelden' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'E-Mail oder Passwort ist falsch.' }).waitFor();
  });

  it('logs an editor in with an HTTP-only cookie the page script cannot read', async () => {
    const dialog = page.getByRole('dialog', { name: 'Anmelden' });
    await dialog.getByLabel('Passwort').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText(`${EDITOR} (Redaktion)`).waitFor();
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'govgraph_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    expect(await page.evaluate(() => document.cookie)).not.toContain('govgraph_session');
  });

  it('checks a new event with the model rules in German, changes nothing on bad input, then creates it', async () => {
    await page.getByRole('button', { name: 'Neuer Eintrag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Eintrag' });
    await dialog.getByRole('combobox', { name: 'Art', exact: true }).selectOption('EVENT');
    await dialog
      .getByRole('textbox', { name: 'Name', exact: true })
      .fill('Dritte Sitzung des Digitalrats Sachsen-Anhalt');
    await dialog.getByRole('textbox', { name: 'Datum', exact: true }).fill('31.10.2022');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await dialog.getByText('Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT angeben, z. B. 2022-08-31.').waitFor();
    await dialog
      .getByText('Einen Wert aus der Liste wählen.')
      .or(dialog.getByText('Pflichtfeld für diese Art.'))
      .first()
      .waitFor();
    expect(await entity('event:dritte-sitzung-des-digitalrats-sachsen-anhalt')).toBeNull();

    await dialog.getByRole('textbox', { name: 'Datum', exact: true }).fill('2022-10');
    await dialog.getByRole('combobox', { name: 'Art des Ereignisses' }).selectOption('MEETING');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const id = 'event:dritte-sitzung-des-digitalrats-sachsen-anhalt';
    // Put on the canvas beside what was there (Lydia Hüskens with her neighbours), and selected.
    const nodes = await canvasNodes(page, 2 + neighboursOf('person:lydia-hueskens').size);
    expect(nodes.map((n) => n.id)).toContain(id);
    await page.getByRole('region', { name: 'Details' }).getByRole('heading', { name: 'Dritte Sitzung' }).waitFor();
    expect(await entity(id)).toMatchObject({ version: 1, date: { date: '2022-10' } });
  });

  it('saves only what changed, and the history shows who changed which field from what to what', async () => {
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: /bearbeiten/ });
    await dialog.getByRole('textbox', { name: 'Datum', exact: true }).fill('2022-10-27');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Gespeichert (Version 2).').waitFor();
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    await details.getByRole('button', { name: 'Verlauf' }).click();
    const history = page.getByRole('dialog', { name: /Verlauf von/ });
    const entries = history.getByRole('listitem');
    await entries.nth(1).waitFor();
    await expect(entries.count()).resolves.toBe(2);
    await expect(entries.first().textContent()).resolves.toMatch(/Geändert von redaktion@govgraph\.test/);
    const row = entries.first().getByRole('row', { name: /Datum/ });
    await expect(row.textContent()).resolves.toMatch(/2022-10.*2022-10-27/);
    await expect(entries.nth(1).textContent()).resolves.toMatch(/Angelegt/);
    await page.keyboard.press('Escape');
  });

  it('refuses a stale form, shows what the other editor changed, and lets the editor apply their change on top', async () => {
    const id = 'event:dritte-sitzung-des-digitalrats-sachsen-anhalt';
    await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: /bearbeiten/ });
    await dialog.getByRole('textbox', { name: 'Beschreibung', exact: true }).fill('Sitzung in Magdeburg.');

    // Meanwhile, another editor corrects the name.
    await asOtherEditor(
      'mutation($id: ID!) { updateEntity(id: $id, version: 2, patch: { name: "3. Sitzung des Digitalrats Sachsen-Anhalt" }) { version } }',
      { id },
    );

    await dialog.getByRole('button', { name: 'Speichern' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Inzwischen geändert.' });
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('zweite@govgraph.test');
    await expect(conflict.getByRole('row', { name: /Name/ }).textContent()).resolves.toContain(
      '3. Sitzung des Digitalrats Sachsen-Anhalt',
    );
    await expect(conflict.getByRole('row', { name: /Beschreibung/ }).textContent()).resolves.toContain(
      'Sitzung in Magdeburg.',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-conflict.png') });
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing of the stale form was saved.
    expect(await entity(id)).toMatchObject({ version: 3, description: null });

    await conflict.getByRole('button', { name: 'Meine Änderungen auf den neuen Stand übertragen' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe(
      '3. Sitzung des Digitalrats Sachsen-Anhalt',
    );
    await expect(dialog.getByRole('textbox', { name: 'Beschreibung', exact: true }).inputValue()).resolves.toBe(
      'Sitzung in Magdeburg.',
    );
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Gespeichert (Version 4).').waitFor();
    // Both edits are kept: none lost.
    expect(await entity(id)).toMatchObject({
      version: 4,
      name: '3. Sitzung des Digitalrats Sachsen-Anhalt',
      description: 'Sitzung in Magdeburg.',
    });

    // Deleting asks once more; the entity is gone, its last state stays in its history.
    await dialog.getByRole('button', { name: 'Löschen' }).click();
    await dialog.getByText('Diesen Eintrag wirklich löschen? Sein letzter Stand bleibt im Verlauf.').waitFor();
    await dialog.getByRole('button', { name: 'Ja, löschen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await entity(id)).toBeNull();
    const history = await asOtherEditor<{ history: Array<{ action: string }> }>(
      'query($id: ID!) { history(id: $id) { action } }',
      { id },
    );
    expect(history.history[0]?.action).toBe('DELETE');
  });
});

describe('the whole editing task in Chromium', () => {
  let second: Page;
  const person = 'person:anna-beispiel';

  async function choose(scope: ReturnType<Page['getByRole']>, box: string, text: string, option: RegExp) {
    const input = scope.getByRole('combobox', { name: box });
    await input.fill(text);
    await scope.getByRole('option', { name: option }).first().click();
  }

  async function relationsOf(id: string) {
    const data = await asOtherEditor<{
      node: {
        relations: {
          nodes: Array<{
            id: string;
            type: string;
            role: string | null;
            version: number;
            validFrom: { date: string } | null;
            from: { id: string };
            to: { id: string };
            citations: Array<{ quote: string | null; article: { id: string } }>;
          }>;
        };
      } | null;
    }>(
      'query($id: ID!) { node(id: $id) { ... on Entity { relations(first: 50) { nodes { id type role version validFrom { date } from { id } to { id } citations { quote article { id } } } } } } }',
      { id },
    );
    return data.node?.relations.nodes ?? [];
  }

  it('adds a new person and their office with a source; a fact without an article is refused in German', async () => {
    // A second reader has the explorer open, anonymous, in another browser.
    second = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' })).newPage();

    await page.getByRole('button', { name: 'Neuer Eintrag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuer Eintrag' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Anna Beispiel');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Anna Beispiel' }).waitFor();

    await details.getByRole('button', { name: 'Beziehung hinzufügen' }).click();
    const form = page.getByRole('dialog', { name: 'Neue Beziehung' });
    await choose(form, 'Zu', 'Ministerium Infrastruktur', /Ministerium für Infrastruktur und Digitales/);
    await form.getByRole('combobox', { name: 'Beziehung' }).selectOption('HOLDS_OFFICE_AT');
    await form.getByRole('textbox', { name: 'Rolle / Funktion' }).fill('Staatssekretärin');
    await form.getByRole('textbox', { name: 'Gültig ab' }).fill('2022-09');
    await form.getByRole('button', { name: 'Anlegen' }).click();
    await form.getByText('Einen Artikel als Quelle wählen.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await relationsOf(person)).toEqual([]);

    await choose(form, 'Artikel', 'Digitalrat tritt', /Digitalrat tritt erneut zusammen/);
    await form
      .getByRole('textbox', { name: 'Zitat aus dem Artikel' })
      .fill('Staatssekretärin Anna Beispiel nahm teil.');
    await form.getByRole('button', { name: 'Anlegen' }).click();
    await form.waitFor({ state: 'detached' });
    const [office] = await relationsOf(person);
    expect(office).toMatchObject({
      type: 'HOLDS_OFFICE_AT',
      role: 'Staatssekretärin',
      validFrom: { date: '2022-09' },
      to: { id: 'org:mid-sachsen-anhalt' },
      citations: [
        {
          quote: 'Staatssekretärin Anna Beispiel nahm teil.',
          article: { id: 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt' },
        },
      ],
    });
  });

  it('corrects a date, and the second browser shows it without reloading; then the correction is reverted', async () => {
    const [office] = await relationsOf(person);
    if (!office) throw new Error('no office');
    await second.goto(`${site.url}?e=${person}&sel=${office.id}`);
    const theirDetails = second.getByRole('region', { name: 'Details' });
    await theirDetails.getByText('seit September 2022').waitFor();
    // A mark in the page: a reload would wipe it.
    await second.evaluate(() => Object.assign(window, { notReloaded: true }));

    await page.goto(`${site.url}?e=${person}&sel=${office.id}`);
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: 'Bearbeiten' }).click();
    const form = page.getByRole('dialog', { name: 'Beziehung bearbeiten' });
    await form.getByRole('textbox', { name: 'Gültig ab' }).fill('2022-09-15');
    await form.getByRole('combobox', { name: 'Genauigkeit des Beginns' }).selectOption('EXACT');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Gespeichert (Version 2).').waitFor();
    await form.getByRole('button', { name: 'Schließen' }).click();

    // Live: the other browser's details change by themselves.
    await theirDetails.getByText('seit 15.9.2022').waitFor();
    // The anonymous reader is told that something changed, not by whom (that is for editors).
    const notice = second.getByRole('status').filter({ hasText: '1 Eintrag wurde geändert' });
    await notice.waitFor();
    expect(await notice.textContent()).not.toContain('redaktion@govgraph.test');
    expect(await second.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await details.getByRole('button', { name: 'Verlauf' }).click();
    const history = page.getByRole('dialog', { name: /Verlauf von/ });
    const latest = history.getByRole('listitem').first();
    await expect(latest.textContent()).resolves.toMatch(/Geändert/);
    await latest.getByRole('button', { name: 'Rückgängig machen' }).click();
    await history.getByText('– nimmt eine frühere Änderung zurück').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-history.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect((await relationsOf(person))[0]).toMatchObject({ validFrom: { date: '2022-09' }, version: 3 });
    await theirDetails.getByText('seit September 2022').waitFor();
  });

  it('merges a duplicate: its facts and its name move to the survivor, nothing is dropped', async () => {
    await asOtherEditor(
      'mutation { createEntity(input: { kind: PERSON, name: "A. Beispiel", aliases: ["Anna B."] }) { id } }',
      {},
    );
    await asOtherEditor(
      `mutation { createRelation(input: { type: PARTICIPATED_IN, from: "person:a-beispiel", to: "event:digitalrat-sachsen-anhalt-2022-sitzung-2",
        citations: [{ article: "article:kommune21-2022-08-31-digitalrat-sachsen-anhalt", quote: "A. Beispiel war dabei." }] }) { id } }`,
      {},
    );
    await page.goto(`${site.url}?e=${person}&sel=${person}`);
    await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: /bearbeiten/ });
    await dialog.getByText('Duplikat zusammenführen').click();
    await choose(dialog, 'Doppelter Eintrag (Person)', 'A. Beispiel', /A\. Beispiel/);
    await dialog.getByText('„A. Beispiel“ (person:a-beispiel) in „Anna Beispiel“ überführen?').waitFor();
    await dialog.getByRole('button', { name: 'Zusammenführen', exact: true }).click();
    await dialog.getByText('„A. Beispiel“ wurde in „Anna Beispiel“ überführt.').waitFor();
    await page.keyboard.press('Escape');

    expect(await entity('person:a-beispiel')).toBeNull();
    const moved = await relationsOf(person);
    expect(moved.map((r) => r.type).sort()).toEqual(['HOLDS_OFFICE_AT', 'PARTICIPATED_IN']);
    const survivor = await asOtherEditor<{ node: { aliases: string[] } }>(
      'query { node(id: "person:anna-beispiel") { ... on Entity { aliases } } }',
      {},
    );
    expect(survivor.node.aliases).toEqual(expect.arrayContaining(['A. Beispiel', 'Anna B.']));
  });

  it('turns a pasted article into cited facts: proposals with their sentences, accepted, saved in one go', async () => {
    await page.getByRole('button', { name: 'Artikel erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Artikel erfassen' });
    await dialog.getByRole('button', { name: 'Vorschläge erzeugen' }).click();
    await dialog.getByText('Pflichtfeld.').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Salzlandkreis startet digitales Bürgerportal');
    await dialog.getByRole('textbox', { name: 'Medium / Herausgeber' }).fill('Kommune21');
    await dialog.getByRole('textbox', { name: 'Erschienen am (JJJJ-MM-TT)' }).fill('12.03.2023');
    await dialog
      .getByRole('textbox', { name: 'Adresse (URL)' })
      .fill('https://www.kommune21.de/meldung_40000_salzlandkreis-portal.html');
    await dialog
      .getByRole('textbox', { name: 'Text des Artikels' })
      .fill(
        'Der Salzlandkreis hat am 10. März 2023 ein digitales Bürgerportal gestartet. ' +
          'Landrätin Erika Musterfrau des Salzlandkreises stellte es in Bernburg vor. ' +
          'Ministerin für Infrastruktur und Digitales Lydia Hüskens betonte die Bedeutung des Onlinezugangsgesetzes.',
      );
    await dialog.getByRole('button', { name: 'Vorschläge erzeugen' }).click();
    await dialog.getByText('Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT angeben, z. B. 2022-08-31.').waitFor();
    await dialog.getByRole('textbox', { name: 'Erschienen am (JJJJ-MM-TT)' }).fill('2023-03-12');
    await dialog.getByRole('button', { name: 'Vorschläge erzeugen' }).click();

    await dialog.getByRole('heading', { name: /Erkannte Einträge/ }).waitFor();
    await dialog
      .getByText(/Neu anlegen \(Person\)/)
      .first()
      .waitFor();
    await dialog.getByText(/Erkannt: Lydia Hüskens/).waitFor();
    const office = dialog.getByRole('group', { name: /Erika Musterfrau – hat Amt inne bei – Salzlandkreis/ });
    await office.waitFor();
    await expect(office.getByRole('textbox', { name: 'Zitat aus dem Artikel' }).inputValue()).resolves.toBe(
      'Landrätin Erika Musterfrau des Salzlandkreises stellte es in Bernburg vor.',
    );
    // Facts are grouped under the sentence they come from, each sentence shown once.
    const sentences = await dialog.locator('ol.sentences > li > q').allTextContents();
    expect(new Set(sentences).size).toBe(sentences.length);
    const group = dialog.locator('ol.sentences > li', {
      has: page.getByRole('group', { name: /Erika Musterfrau – hat Amt inne bei – Salzlandkreis/ }),
    });
    await expect(group.locator(':scope > q').textContent()).resolves.toBe(
      'Landrätin Erika Musterfrau des Salzlandkreises stellte es in Bernburg vor.',
    );
    // Why, in German: a title and the only fitting place; likely, so not ticked in advance.
    await office.getByText('Titel „Landrätin“; die einzige passende Stelle im selben Satz. Wahrscheinlich.').waitFor();
    const accept = office.getByRole('checkbox');
    expect(await accept.isChecked()).toBe(false);
    // After review, one action accepts every proposal.
    await dialog.getByRole('button', { name: 'Alle Vorschläge annehmen' }).click();
    expect(await accept.isChecked()).toBe(true);
    const boxes = dialog.locator('ul.proposals input[type=checkbox]:not([disabled])');
    expect(await boxes.evaluateAll((list) => list.every((box) => (box as HTMLInputElement).checked))).toBe(true);
    await office.getByRole('textbox', { name: 'Rolle / Funktion' }).fill('Landrätin');
    // The editor corrects an end by searching the graph: the article's law is the amendment.
    const spoke = dialog.getByRole('group', { name: /^Lydia Hüskens – äußerte sich zu – Onlinezugangsgesetz/ });
    await spoke.getByText('Einträge des Graphen suchen').click();
    await choose(spoke, '„Zu“ im Graphen suchen', 'OZG-Änderungs', /OZG-Änderungsgesetz/);
    const corrected = dialog.getByRole('group', { name: 'Lydia Hüskens – äußerte sich zu – OZG-Änderungsgesetz' });
    await corrected.waitFor();
    // … creates in place what the reader missed, with its kind …
    const add = dialog.getByRole('group', { name: 'Fehlenden Eintrag anlegen' });
    await add.getByRole('textbox', { name: 'Name des neuen Eintrags' }).fill('Bürgerportal Salzlandkreis');
    await add.getByRole('combobox', { name: 'Art', exact: true }).selectOption({ label: 'Initiative' });
    await add.getByRole('combobox', { name: 'Art der Initiative' }).selectOption({ label: 'Projekt' });
    await add.getByRole('button', { name: 'Eintrag anlegen' }).click();
    await dialog.getByText('Neu angelegt (Initiative): Bürgerportal Salzlandkreis').waitFor();
    // … and adds the fact that needs it; a fact without its sentence is refused, naming the fact.
    await dialog.getByRole('button', { name: 'Fehlenden Fakt hinzufügen' }).click();
    const own = dialog.locator('fieldset.proposal').last();
    await own.getByRole('combobox', { name: 'Von', exact: true }).selectOption({ label: 'Salzlandkreis (Region)' });
    await own
      .getByRole('combobox', { name: 'Zu', exact: true })
      .selectOption({ label: 'Bürgerportal Salzlandkreis (Initiative)' });
    await own.getByRole('combobox', { name: 'Beziehung', exact: true }).selectOption({ label: 'ist zuständig für' });
    await dialog.getByRole('button', { name: 'Angenommenes speichern' }).click();
    await dialog
      .getByText(
        'Fakt „Salzlandkreis – Bürgerportal Salzlandkreis“: Bitte den Satz aus dem Artikel angeben, der ihn belegt.',
      )
      .waitFor();
    await own
      .getByRole('textbox', { name: 'Zitat aus dem Artikel' })
      .fill('Der Salzlandkreis hat am 10. März 2023 ein digitales Bürgerportal gestartet.');
    // A fact the graph holds already is offered as such, ticked: saving only adds the article as its source.
    const officesBefore = (await relationsOf('person:lydia-hueskens')).filter(
      (r) => r.type === 'HOLDS_OFFICE_AT' && r.to.id === 'org:mid-sachsen-anhalt',
    );
    const known = dialog.getByRole('group', { name: /^Lydia Hüskens – hat Amt inne bei – / });
    await known.getByText('bereits bekannt — als weitere Quelle hinzufügen').waitFor();
    expect(await known.getByRole('checkbox').isChecked()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-intake.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Angenommenes speichern' }).click();
    await dialog.getByText(/Fakt(en)? gespeichert, mit dem Artikel als Quelle\./).waitFor();
    await page.keyboard.press('Escape');

    const facts = await relationsOf('person:erika-musterfrau');
    expect(facts).toContainEqual(
      expect.objectContaining({
        type: 'HOLDS_OFFICE_AT',
        role: 'Landrätin',
        to: { id: 'region:15089' },
        citations: [
          {
            quote: 'Landrätin Erika Musterfrau des Salzlandkreises stellte es in Bernburg vor.',
            article: { id: expect.stringMatching(/^article:/) },
          },
        ],
      }),
    );
    const article = facts.find((f) => f.type === 'HOLDS_OFFICE_AT')?.citations[0]?.article.id;
    const officesAfter = (await relationsOf('person:lydia-hueskens')).filter(
      (r) => r.type === 'HOLDS_OFFICE_AT' && r.to.id === 'org:mid-sachsen-anhalt',
    );
    // No second office edge: the same facts, one of which now also cites the new article.
    expect(officesAfter.map((r) => r.id).sort()).toEqual(officesBefore.map((r) => r.id).sort());
    const cited = officesAfter.filter((r) => r.citations.some((c) => c.article.id === article));
    expect(cited).toHaveLength(1);
    expect(cited[0]?.citations.length).toBe(
      (officesBefore.find((r) => r.id === cited[0]?.id)?.citations.length ?? 0) + 1,
    );
    // The corrected end and the fact the editor added are saved, cited to the article.
    const spokeAbout = (await relationsOf('person:lydia-hueskens')).filter((r) => r.type === 'SPOKE_ABOUT');
    expect(spokeAbout).toContainEqual(
      expect.objectContaining({
        to: { id: 'law:ozg-aenderungsgesetz' },
        citations: [expect.objectContaining({ article: { id: article } })],
      }),
    );
    expect(spokeAbout.filter((r) => r.to.id === 'law:ozg')).toEqual([]);
    const portal = (await relationsOf('initiative:buergerportal-salzlandkreis')).filter(
      (r) => r.type === 'RESPONSIBLE_FOR',
    );
    expect(portal).toEqual([
      expect.objectContaining({
        from: { id: 'region:15089' },
        citations: [
          {
            quote: 'Der Salzlandkreis hat am 10. März 2023 ein digitales Bürgerportal gestartet.',
            article: { id: article },
          },
        ],
      }),
    ]);
    // On the canvas: the explorer shows the article with every fact it now sources highlighted.
    const sourced = await asOtherEditor<{
      article: { facts: { nodes: Array<{ id: string; from: { id: string }; to: { id: string } }> } };
    }>('query($id: ID!) { article(id: $id) { facts(first: 100) { nodes { id from { id } to { id } } } } }', {
      id: article,
    });
    const expected = [...new Set(sourced.article.facts.nodes.flatMap((f) => [f.id, f.from.id, f.to.id]))].sort();
    expect(sourced.article.facts.nodes.length).toBe(4);
    await page.waitForFunction((n) => (window.govgraphCanvas?.article().length ?? 0) >= n, expected.length);
    expect(await page.evaluate(() => window.govgraphCanvas?.article().sort())).toEqual(expected);
    await page.getByText(/4 Fakten aus „Salzlandkreis startet digitales Bürgerportal“ hervorgehoben\./).waitFor();
  });
});

describe('four eyes and non-public reading, in Chromium', () => {
  let restricted: Awaited<ReturnType<typeof serveExplorer>>;

  beforeAll(async () => {
    // The same graph, served with GOVGRAPH_PUBLIC_READ=false and GOVGRAPH_FOUR_EYES=true.
    restricted = await serveExplorer(createGovGraphYoga(scratch.db, { publicRead: false, fourEyes: true }));
  });
  afterAll(() => restricted?.close());

  async function loggedIn(email: string): Promise<Page> {
    const tab = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'de-DE' })).newPage();
    await tab.goto(restricted.url);
    await tab.getByRole('button', { name: 'Anmelden' }).click();
    const dialog = tab.getByRole('dialog', { name: 'Anmelden' });
    await dialog.getByLabel('E-Mail').fill(email);
    await dialog.getByLabel('Passwort').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Anmelden' }).click();
    await tab.getByText(`${email} (Redaktion)`).waitFor();
    return tab;
  }

  it('asks an anonymous visitor to log in before reading anything', async () => {
    const tab = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await tab.goto(restricted.url);
    await tab.getByRole('combobox', { name: /^(Suche nach|Search) / }).fill('Hüskens');
    await tab.getByRole('alert').filter({ hasText: 'Bitte melden Sie sich an (oben rechts).' }).waitFor();
    expect(await tab.getByRole('listbox').getByRole('option').count()).toBe(0);
  });

  it('keeps an added article pending until a second editor approves it; nobody approves their own', async () => {
    const first = await loggedIn(EDITOR);
    await first.getByRole('button', { name: 'Artikel erfassen' }).click();
    const dialog = first.getByRole('dialog', { name: 'Artikel erfassen' });
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Neuer Landrat im Burgenlandkreis');
    await dialog.getByRole('textbox', { name: 'Medium / Herausgeber' }).fill('Kommune21');
    await dialog.getByRole('textbox', { name: 'Erschienen am (JJJJ-MM-TT)' }).fill('2023-05-02');
    await dialog
      .getByRole('textbox', { name: 'Adresse (URL)' })
      .fill('https://www.kommune21.de/meldung_40001_burgenlandkreis.html');
    await dialog
      .getByRole('textbox', { name: 'Text des Artikels' })
      .fill('Landrat Max Mustermann des Burgenlandkreises stellte am 2. Mai 2023 die Digitalstrategie vor.');
    await dialog.getByRole('button', { name: 'Vorschläge erzeugen' }).click();
    const office = dialog.getByRole('group', { name: /Max Mustermann – hat Amt inne bei – Burgenlandkreis/ });
    const accept = office.getByRole('checkbox');
    if (!(await accept.isChecked())) await accept.check();
    await dialog.getByRole('button', { name: 'Angenommenes speichern' }).click();
    await dialog.getByText(/Zur Freigabe vorgelegt/).waitFor();
    await first.keyboard.press('Escape');
    expect(await entity('person:max-mustermann')).toBeNull();

    await first.getByRole('button', { name: 'Freigaben' }).click();
    const own = first.getByRole('dialog', { name: 'Erfasste Artikel zur Freigabe' });
    await own
      .getByRole('group', { name: 'Neuer Landrat im Burgenlandkreis' })
      .getByRole('button', { name: 'Freigeben' })
      .click();
    await own.getByText('Eigene Einreichungen muss eine zweite Person der Redaktion freigeben.').waitFor();
    expect(await entity('person:max-mustermann')).toBeNull();

    const second = await loggedIn('zweite@govgraph.test');
    await second.getByRole('button', { name: 'Freigaben' }).click();
    const queue = second.getByRole('dialog', { name: 'Erfasste Artikel zur Freigabe' });
    const item = queue.getByRole('group', { name: 'Neuer Landrat im Burgenlandkreis' });
    await expect(item.textContent()).resolves.toMatch(
      /eingereicht von redaktion@govgraph\.test.*Fügt 1 Fakt hinzu\..*Max Mustermann/,
    );
    await item.getByRole('button', { name: 'Freigeben' }).click();
    await queue.getByText('„Neuer Landrat im Burgenlandkreis“ ist freigegeben: 1 Fakt ist jetzt sichtbar.').waitFor();
    await queue.getByText('Nichts wartet auf Freigabe.').waitFor();
    expect(await entity('person:max-mustermann')).toMatchObject({ name: 'Max Mustermann' });
  });
});
