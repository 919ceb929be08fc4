import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../support/api.js';
import { ARTIFACTS, explorerInChromium, type ServedExplorer } from '../support/browser.js';
import { canvasNodes } from '../support/explorer.js';
import { neighboursOf } from '../support/seed-facts.js';

const { db, yoga } = setupApi();
let site: ServedExplorer;
let page: Page;
explorerInChromium(
  yoga,
  { viewport: { width: 1400, height: 900 }, locale: 'en-GB', acceptDownloads: true },
  (opened) => {
    ({ page, site } = opened);
  },
  () => db.close(),
);

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
interface Focused {
  name: string;
  role: string;
  type: string;
}

const focusedElement = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
    return {
      name: (el?.getAttribute('aria-label') ?? label ?? el?.textContent ?? '').trim(),
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '',
      type: el?.getAttribute('type') ?? '',
    };
  });

/** Presses a key until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function pressUntil(p: Page, key: string, matches: (el: Focused) => boolean, max = 200): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < max; i += 1) {
    // Menus move focus a moment after the key (Radix roving focus): wait for it before looking.
    const before = await p.evaluateHandle(() => document.activeElement);
    await p.keyboard.press(key);
    await p.waitForFunction((b) => document.activeElement !== b, before, { timeout: 1000 }).catch(() => undefined);
    const focused = await focusedElement(p);
    if (matches(focused)) return;
    passed.push(`${focused.role} "${focused.name}"`);
  }
  throw new Error(`nothing matching reached by ${key}; passed ${passed.join(', ')}`);
}

const tabTo = (p: Page, matches: (el: Focused) => boolean) => pressUntil(p, 'Tab', matches);

describe('keyboard alone', () => {
  it('lets an analyst do the whole task: find, read sources, go back in time, find a path, share, export', async () => {
    await page.goto(site.url);
    // Switch to English: the language button is the first control after the header's others.
    await tabTo(page, (el) => el.name === 'Auf Deutsch umschalten' || el.name === 'Switch to English');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: /^Search people/ }).waitFor();

    // Find Bernd Schlömer.
    await tabTo(page, (el) => el.role === 'combobox');
    await page.keyboard.type('Schlömer');
    await page.getByRole('option', { name: /^Person Bernd Schlömer/ }).waitFor();
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Bernd Schlömer' }).waitFor();
    await canvasNodes(page, 1 + neighboursOf('person:bernd-schloemer').size);

    // Whom he works with and where each fact comes from: in the details, with the verbatim quote.
    const text = await details.textContent();
    expect(text).toContain('holds office at');
    expect(text).toContain('dem Landes-CIO Bernd Schlömer');
    expect(text).toContain('Sachsen-Anhalt: Digitalrat tritt erneut zusammen');

    // Back to August 2022 with the slider's keys.
    await tabTo(page, (el) => el.type === 'range');
    await page.keyboard.press('Home');
    for (let i = 0; i < 44; i += 1) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('as-of-value').textContent()).resolves.toBe('31/08/2022');

    // The path to the Salzlandkreis.
    await tabTo(page, (el) => el.role === 'combobox' && el.name.startsWith('From Bernd Schlömer'));
    await page.keyboard.type('Salzlandkreis');
    await page.getByRole('option', { name: /^Region Salzlandkreis/ }).waitFor();
    await page.keyboard.press('Enter');
    const result = page.getByTestId('path-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('1 shortest path in 2 steps to Salzlandkreis.');
    await page.waitForFunction(() => (window.govgraphCanvas?.highlighted().length ?? 0) === 5);

    // The link to share holds all of it.
    const shared = new URL(page.url()).searchParams;
    expect(shared.get('lang')).toBe('en');
    expect(shared.get('asOf')).toBe('2022-08-31');
    expect(shared.get('path')).toBe('person:bernd-schloemer~region:15089');

    // Export the picture.
    await tabTo(page, (el) => el.name === 'PNG');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/\.png$/);

    // The entity menu by keyboard: open from the list, expand the Salzlandkreis by one relation type.
    await tabTo(page, (el) => el.name === 'Actions for Salzlandkreis');
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: 'Actions for Salzlandkreis' }).waitFor();
    // Its submenu opens once the facts per relation type are counted.
    await page.getByRole('menuitem', { name: 'Expand by kind of relation ▸', exact: true, disabled: false }).waitFor();
    await pressUntil(page, 'ArrowDown', (el) => el.name.startsWith('Expand by kind of relation'), 10);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => document.activeElement?.closest('[role=menu]')?.getAttribute('aria-label') === 'Expand by kind of relation',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /region:15089\*[A-Z_]+/.test(new URL(window.location.href).searchParams.get('e') ?? ''),
    );
    await canvasNodes(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-keyboard-english.png') });
  });

  it('reaches every control by Tab, each with a visible focus', async () => {
    await page.goto(`${site.url}?e=person:bernd-schloemer&sel=person:bernd-schloemer&lang=en`);
    await canvasNodes(page, 1 + neighboursOf('person:bernd-schloemer').size);
    const seen: string[] = [];
    for (let i = 0; i < 150; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
        return {
          name: (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim(),
          outlined: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (!focused) break;
      expect(focused.outlined, `focus not visible on "${focused.name}"`).toBe(true);
      seen.push(focused.name);
    }
    for (const control of [
      'Auf Deutsch umschalten',
      'Lay out again',
      'Expand Bernd Schlömer',
      'Actions for Bernd Schlömer',
      'PNG',
      'CSV',
    ]) {
      expect(
        seen.some((name) => name === control || name.includes(control)),
        `${control} not reachable`,
      ).toBe(true);
    }
  });
});
