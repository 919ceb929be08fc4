import { describe, expect, it } from 'vitest';
import { i18next } from '../../web/src/i18n/index.js';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

describe('messages in German and English', () => {
  it('has every message in both languages', () => {
    const de = keys(i18next.getResourceBundle('de', 'translation'));
    const en = keys(i18next.getResourceBundle('en', 'translation'));
    expect(en.sort()).toEqual(de.sort());
  });

  it("writes numbers in the language's format", async () => {
    expect(i18next.t('status.loaded', { count: 1234 })).toBe('1.234 Einträge geladen.');
    expect(i18next.t('list.more', { count: 12000 })).toBe('und 12.000 weitere');
    expect(i18next.t('status.loaded', { count: 1 })).toBe('1 Eintrag geladen.');
    await i18next.changeLanguage('en');
    try {
      expect(i18next.t('status.loaded', { count: 1234 })).toBe('1,234 entries loaded.');
    } finally {
      await i18next.changeLanguage('de');
    }
  });
});
