import { describe, expect, it } from 'vitest';
import { foldGerman, luceneQuery, searchTerms } from '../../shared/fold.js';

describe('German folding for search', () => {
  it('treats umlauts, their transliterations and case alike', () => {
    expect(foldGerman('Hüskens')).toBe('huskens');
    expect(foldGerman('Hueskens')).toBe('huskens');
    expect(foldGerman('HUSKENS')).toBe('huskens');
    expect(foldGerman('Schlömer')).toBe(foldGerman('Schloemer'));
    expect(foldGerman('Thüringen')).toBe(foldGerman('Thueringen'));
    expect(foldGerman('Baden-Württemberg')).toBe('baden wurttemberg');
  });

  it('folds ß to ss', () => {
    expect(foldGerman('Straße')).toBe(foldGerman('Strasse'));
  });

  it('keeps ue after q and vowels so words like Quelle and Bauer stay as they are', () => {
    expect(foldGerman('Quelle')).toBe('quelle');
    expect(foldGerman('Bauer')).toBe('bauer');
  });

  it('turns punctuation into word breaks', () => {
    expect(searchTerms('Bernburg (Saale)')).toEqual(['bernburg', 'saale']);
    expect(searchTerms('  ')).toEqual([]);
    expect(searchTerms('***')).toEqual([]);
  });
});

describe('Lucene query', () => {
  it('requires every word and lets the last one match as a prefix', () => {
    expect(luceneQuery(['lydia', 'husk'])).toBe(
      '+(searchName:lydia^2 OR searchAliases:lydia) ' +
        '+(searchName:husk^4 OR searchName:husk*^2 OR searchAliases:husk^2 OR searchAliases:husk*)',
    );
  });

  it('cannot carry Lucene syntax, because terms are folded to letters and digits', () => {
    const query = luceneQuery(searchTerms('name:"x" OR *:* AND (a) ~2 \\'));
    expect(query.replaceAll(/search(Name|Aliases):/g, '')).not.toMatch(/[:"~\\]/);
  });
});
