import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import { testDatabase } from '../support/api.js';
import { launchChromium } from '../support/browser.js';

// GraphiQL on a machine that reaches nothing but GovGraph (an intranet, a train): every request to another host
// is refused, and the page must still work.

const db = testDatabase();
let server: Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  server = createApp({ yoga: createGovGraphYoga(db) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await db.close();
});

describe('GraphiQL', () => {
  it('works without any other host: from the installed package, with GovGraph’s example query, answering it', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    expect(await page.title()).toBe('GovGraph GraphQL');
    await page.getByText('search(query: "Hüskens"', { exact: false }).first().waitFor();
    // Run the example query (Ctrl+Enter) and wait for the answer in the result pane.
    await page.locator('.graphiql-query-editor').first().click();
    await page.keyboard.press('Control+Enter');
    await page.getByText('"totalCount"', { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
