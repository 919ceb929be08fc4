import { describe, expect, it } from 'vitest';
import { searchMatch, searchTerms } from '../../shared/fold.js';

const match = (query: string, name: string, aliases: readonly string[] = []) =>
  searchMatch(searchTerms(query), name, aliases);

describe('why a search hit matched', () => {
  it('is the name when every word matches it, folded, the last word also as a prefix', () => {
    expect(match('Hüskens', 'Lydia Hüskens')).toEqual({ field: 'NAME', text: 'Lydia Hüskens' });
    expect(match('lydia hues', 'Lydia Hüskens')).toEqual({ field: 'NAME', text: 'Lydia Hüskens' });
    expect(match('HUSKENS', 'Lydia Hüskens')).toEqual({ field: 'NAME', text: 'Lydia Hüskens' });
    expect(match('ozg', 'OZG-Änderungsgesetz', ['OZG 2.0'])).toEqual({ field: 'NAME', text: 'OZG-Änderungsgesetz' });
  });

  it('prefers the name to an alias that matches as well', () => {
    expect(match('Digitalrat', 'Digitalrat Sachsen-Anhalt', ['Digitalrat'])).toEqual({
      field: 'NAME',
      text: 'Digitalrat Sachsen-Anhalt',
    });
  });

  it('is the alias as written when only an alias matches', () => {
    const mid = ['MID', 'Digitalministerium'];
    expect(match('MID', 'Ministerium für Infrastruktur und Digitales', mid)).toEqual({ field: 'ALIAS', text: 'MID' });
    expect(match('digitalmin', 'Ministerium für Infrastruktur und Digitales', mid)).toEqual({
      field: 'ALIAS',
      text: 'Digitalministerium',
    });
    expect(match('ozg', 'Onlinezugangsgesetz', ['OZG'])).toEqual({ field: 'ALIAS', text: 'OZG' });
  });

  it('matches earlier words only as whole words, the last one also as a prefix', () => {
    // "lyd" is not the last word, so it does not match "Lydia" as a prefix.
    expect(match('lyd huskens', 'Lydia Hüskens', ['Lyd Hüskens'])).toEqual({ field: 'ALIAS', text: 'Lyd Hüskens' });
    expect(match('mi', 'Onlinezugangsgesetz', ['MID'])).toEqual({ field: 'ALIAS', text: 'MID' });
  });

  it('picks the alias that matches best: most words, then the whole search, then whole words, then the first', () => {
    const aliases = ['Smart', 'Smart Region Land', 'Smart Region', 'Smart Regions'];
    expect(match('smart region', 'Projekt', aliases)).toEqual({ field: 'ALIAS', text: 'Smart Region' });
    expect(match('smart reg', 'Projekt', aliases)).toEqual({ field: 'ALIAS', text: 'Smart Region Land' });
    expect(match('nkr', 'Normenkontrollrat', ['NKR-Bund', 'NKR'])).toEqual({ field: 'ALIAS', text: 'NKR' });
    expect(match('reg', 'Projekt', ['Regionale', 'Region'])).toEqual({ field: 'ALIAS', text: 'Regionale' });
  });

  it('where words matched across name and aliases, gives the field that holds more of them, the name on a tie', () => {
    expect(match('kreativraum bernburg innovationslabor', 'Kreativraum Bernburg', ['Innovationslabor'])).toEqual({
      field: 'NAME',
      text: 'Kreativraum Bernburg',
    });
    expect(
      match('kreativraum innovationslabor salzlandkreis', 'Kreativraum', ['Innovationslabor Salzlandkreis']),
    ).toEqual({
      field: 'ALIAS',
      text: 'Innovationslabor Salzlandkreis',
    });
    expect(match('kreativraum innovationslabor', 'Kreativraum', ['Innovationslabor Salzlandkreis'])).toEqual({
      field: 'NAME',
      text: 'Kreativraum',
    });
    // Across several aliases, the field counts all of them; the text is the best single one.
    expect(match('ministerium mid digitalministerium', 'Ministerium', ['MID', 'Digitalministerium'])).toEqual({
      field: 'ALIAS',
      text: 'MID',
    });
  });

  it('falls back to the name when nothing matches', () => {
    expect(match('xyz', 'Lydia Hüskens', ['LH'])).toEqual({ field: 'NAME', text: 'Lydia Hüskens' });
  });
});
