import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.js';
import { Accounts } from '../../server/auth/accounts.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/yoga.js';
import { launchChromium, serveExplorer } from '../support/browser.js';
import { canvasNodes } from '../support/explorer.js';
import { startScratchNeo4j } from '../support/scratch.js';

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
    // Put on the canvas beside what was there, and selected.
    const nodes = await canvasNodes(page, 5);
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
    await dialog.getByRole('button', { name: 'Schließen' }).click();
  });
});
