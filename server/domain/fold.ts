/**
 * German-aware folding for search: case, umlauts, ß and their transliterations
 * (ae/oe/ue) all fold to the same letters, so "Hüskens", "Hueskens" and
 * "huskens" match. Stored names and queries go through the same function,
 * which keeps the rule in one place instead of in an index analyser.
 */
export function foldGerman(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([^aeiouq])ue/g, '$1u')
    .replace(/^ue/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of a search, folded; empty when the text has no letters or digits. */
export function searchTerms(query: string): string[] {
  const folded = foldGerman(query);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * A Lucene query over folded text: every word must match, the last one also as
 * a prefix so that autocomplete finds "Hüsk" → "Hüskens". A match in the name
 * weighs more than one in an alias, a whole word more than a prefix. Terms are
 * folded to [a-z0-9] only, so nothing in them can be Lucene syntax.
 */
export function luceneQuery(terms: readonly string[]): string {
  return terms
    .map((term, index) => {
      const isLast = index === terms.length - 1;
      return isLast
        ? `+(searchName:${term}^4 OR searchName:${term}*^2 OR searchAliases:${term}^2 OR searchAliases:${term}*)`
        : `+(searchName:${term}^2 OR searchAliases:${term})`;
    })
    .join(' ');
}
