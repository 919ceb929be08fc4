import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { launchChromium, serveExplorer } from '../support/browser.js';
import { canvasNodes } from '../support/explorer.js';
import { startScratchNeo4j } from '../support/scratch.js';

// A visitor without an account opens the history of an entity an editor changed: what changed when is
// shown, who changed it and the values before and after are not (the API refuses them to visitors).

const EDITOR = 'redaktion@govgraph.test';
const ID = 'person:lydia-hueskens';
let scratch: Awaited<ReturnType<typeof startScratchNeo4j>>;
let yoga: GovGraphYoga;
let site: Awaited<ReturnType<typeof serveExplorer>>;
let browser: Browser;
let page: Page;
const refused: string[] = [];

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  await loadSeed(scratch.db);
  const accounts = new Accounts(scratch.db);
  await accounts.createUser({ email: EDITOR, password: 'correct horse battery staple', role: 'editor' }, 'test');
  const token = (await accounts.createApiToken(EDITOR, 'e2e', 'test')).token;
  yoga = createGovGraphYoga(scratch.db);
  const edit = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation { updateEntity(id: "${ID}", version: 1, patch: { description: "Geheimer Zwischenstand" }) { version } }`,
    }),
  });
  expect(((await edit.json()) as { errors?: unknown }).errors).toBeUndefined();
  site = await serveExplorer(yoga);
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  // Any GraphQL error the page's requests get back (a refused field would be one).
  page.on('response', async (response) => {
    if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
    const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
    for (const error of body.errors ?? []) refused.push(String(error.extensions?.code));
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await scratch?.stop();
});

describe('the history for a visitor', () => {
  it('says what changed when, without who or the values, and asks the API for nothing it refuses', async () => {
    await page.goto(`${site.url}?e=${ID}&sel=${ID}`);
    await canvasNodes(page);
    await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: 'Verlauf' }).click();
    const history = page.getByRole('dialog', { name: /Verlauf von/ });
    const entries = history.getByRole('listitem');
    await entries.first().waitFor();
    await expect(entries.first().textContent()).resolves.toMatch(/^Geändert am /);
    await history
      .getByText('Wer etwas geändert hat und was vorher und nachher galt, sieht nur die Redaktion.')
      .waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).not.toContain(EDITOR);
    expect(text).not.toContain('Geheimer Zwischenstand');
    expect(await history.getByRole('table').count()).toBe(0);
    expect(await history.getByRole('button', { name: 'Rückgängig machen' }).count()).toBe(0);
    expect(refused).toEqual([]);
  });
});
