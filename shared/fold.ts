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

/**
 * A name folded and without the endings German inflects its words with, so "des Niedersächsischen Landtages" and
 * "Niedersächsischer Landtag" compare equal.
 */
export function foldStems(text: string): string {
  return foldGerman(text)
    .split(' ')
    .filter(Boolean)
    .map((word) => (word.length > 4 ? word.replace(/(?:es|en|er|em|e|s|n)$/, '') : word))
    .join(' ');
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

export type SearchField = 'NAME' | 'ALIAS';

/** Why a search hit matched: in its name, or in one of its aliases (the original text, e.g. "MID"). */
export interface SearchMatch {
  readonly field: SearchField;
  readonly text: string;
}

/**
 * How many terms of a search match a text's folded words, by the rule of
 * `luceneQuery`: each as a whole word, the last one also as the start of one;
 * and how many of them as whole words.
 */
function matchedTerms(terms: readonly string[], words: ReadonlySet<string>): { count: number; whole: number } {
  let count = 0;
  let whole = 0;
  terms.forEach((term, index) => {
    if (words.has(term)) {
      count += 1;
      whole += 1;
    } else if (index === terms.length - 1 && [...words].some((word) => word.startsWith(term))) {
      count += 1;
    }
  });
  return { count, whole };
}

/**
 * Why an entity matched a search (its folded `terms`), for an autocomplete hint:
 * NAME when every term matches the name; otherwise ALIAS with the alias that
 * matches best (most terms, then one that is the whole search, then most whole
 * words, then the first). When neither matches every term on its own (Lucene
 * can match some terms in the name and others in the aliases), the field in
 * which more terms match, the name on a tie.
 */
export function searchMatch(terms: readonly string[], name: string, aliases: readonly string[]): SearchMatch {
  const inName = matchedTerms(terms, new Set(searchTerms(name))).count;
  if (inName === terms.length) return { field: 'NAME', text: name };
  const exact = terms.join(' ');
  const aliasWords = aliases.map((alias) => searchTerms(alias));
  let best: { alias: string; rank: number[] } | null = null;
  for (const [index, alias] of aliases.entries()) {
    const words = aliasWords[index] ?? [];
    const { count, whole } = matchedTerms(terms, new Set(words));
    const rank = [count, words.join(' ') === exact ? 1 : 0, whole];
    if (count > 0 && (best === null || isGreater(rank, best.rank))) best = { alias, rank };
  }
  if (best === null) return { field: 'NAME', text: name };
  if (best.rank[0] === terms.length) return { field: 'ALIAS', text: best.alias };
  const inAliases = matchedTerms(terms, new Set(aliasWords.flat())).count;
  return inAliases > inName ? { field: 'ALIAS', text: best.alias } : { field: 'NAME', text: name };
}

/** Lexicographic comparison of two ranks of the same length. */
function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return false;
}
