/**
 * The genitive of a body's or law's name, for naming what happened to it the way German news does:
 * "Sitzung des Digitalrats Rheinland-Pfalz", "Verabschiedung des Bayerischen Digitalgesetzes",
 * "Unterzeichnung der Verwaltungsvereinbarung GovData". Only names whose head noun's gender its ending
 * tells are declined; null for the rest.
 */

type Gender = 'm' | 'n' | 'f';

/** Endings of head nouns, with their gender; the longest ending that fits decides ("Beirat" before "Rat"). */
const ENDINGS: ReadonlyArray<readonly [string, Gender]> = [
  ['ausschuss', 'm'],
  ['beirat', 'm'],
  ['rat', 'm'],
  ['tag', 'm'],
  ['verband', 'm'],
  ['bund', 'm'],
  ['vertrag', 'm'],
  ['staatsvertrag', 'm'],
  ['senat', 'm'],
  ['hof', 'm'],
  ['kongress', 'm'],
  ['dienstleister', 'm'],
  ['verein', 'm'],
  ['gesetz', 'n'],
  ['abkommen', 'n'],
  ['ministerium', 'n'],
  ['amt', 'n'],
  ['zentrum', 'n'],
  ['institut', 'n'],
  ['gremium', 'n'],
  ['parlament', 'n'],
  ['forum', 'n'],
  ['netzwerk', 'n'],
  ['bündnis', 'n'],
  ['kabinett', 'n'],
  ['programm', 'n'],
  ['projekt', 'n'],
  ['portal', 'n'],
  ['regierung', 'f'],
  ['kommission', 'f'],
  ['kammer', 'f'],
  ['agentur', 'f'],
  ['behörde', 'f'],
  ['stelle', 'f'],
  ['verwaltung', 'f'],
  ['konferenz', 'f'],
  ['versammlung', 'f'],
  ['vereinbarung', 'f'],
  ['novelle', 'f'],
  ['verordnung', 'f'],
  ['strategie', 'f'],
  ['initiative', 'f'],
  ['gesellschaft', 'f'],
  ['genossenschaft', 'f'],
  ['union', 'f'],
  ['akademie', 'f'],
  ['universität', 'f'],
  ['staatskanzlei', 'f'],
  ['kanzlei', 'f'],
];

function genderOf(word: string): Gender | null {
  const lower = word.toLowerCase();
  let best: readonly [string, Gender] | null = null;
  for (const entry of ENDINGS) {
    if (lower.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? null;
}

/** "Digitalrat" → "Digitalrats", "Ausschuss" → "Ausschusses", "Gesetz" → "Gesetzes", "Gremium" → "Gremiums". */
function genitiveNoun(noun: string, gender: Gender): string {
  if (gender === 'f') return noun;
  if (/(?:s|ß|z|x)$/u.test(noun) && !/nis$/u.test(noun)) return `${noun}es`;
  if (/nis$/u.test(noun)) return `${noun}ses`;
  return `${noun}s`;
}

/** An adjective before the head, declined as after "des"/"der": "Bayerisches" → "Bayerischen". */
const declined = (adjective: string) => adjective.replace(/(?:es|er|em|en|e)$/u, 'en');

const IS_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:isch|ische[snrm]?|e[snrm]|e)$/u;

/** "des Digitalrats Rheinland-Pfalz", "der Verwaltungsvereinbarung GovData"; null when the head's gender is unknown. */
export function genitiveOf(name: string): string | null {
  const words = name.split(' ');
  let head = 0;
  while (head < words.length - 1 && IS_ADJECTIVE.test(words[head] ?? '') && genderOf(words[head] ?? '') === null)
    head += 1;
  const noun = words[head] ?? '';
  const gender = genderOf(noun);
  if (!gender || !/^\p{Lu}/u.test(noun)) return null;
  const before = words.slice(0, head).map(declined);
  const after = words.slice(head + 1);
  return [gender === 'f' ? 'der' : 'des', ...before, genitiveNoun(noun, gender), ...after].join(' ');
}
