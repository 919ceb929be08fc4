import { createRequire } from 'node:module';
import { scan } from './scan.js';

/**
 * People named with a title: "Ministerin für Infrastruktur und Digitales,
 * Lydia Hüskens", "Landrat des Salzlandkreises Markus Bauer", "Staatssekretär
 * Schlömer", "Dr. Anna Beispiel". The office after the title ("für
 * Infrastruktur und Digitales", "des Salzlandkreises") is kept apart from
 * the name, which is two or three capitalised words (or one: a surname that
 * can only refer to someone already named).
 */

export type TitleClass =
  | 'HEAD_OF_GOVERNMENT'
  | 'MINISTER'
  | 'STATE_SECRETARY'
  | 'LANDRAT'
  | 'MAYOR'
  | 'PRESIDENT'
  | 'CIO'
  | 'SENATOR'
  | 'HEAD'
  | 'POLITICIAN'
  | 'ACADEMIC';

export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TitledName {
  /** The title in the nominative, e.g. "Landrat" for "des Landrats". */
  readonly title: string;
  readonly titleClass: TitleClass;
  readonly titleSpan: Span;
  /** What the title is of: "für Infrastruktur und Digitales", "des Salzlandkreises". */
  readonly office: Span | null;
  readonly name: Span;
  /** 1 when only a surname follows the title. */
  readonly nameWords: number;
  /** The body a compound title names before its hyphen: "Bitkom" of "Bitkom-Präsident". */
  readonly prefix?: Span | null;
}

const TITLES: ReadonlyArray<readonly [TitleClass, string]> = [
  ['HEAD_OF_GOVERNMENT', '(?:\\p{Lu}\\p{Ll}*)?[Mm]inisterpräsident(?:in|en)?|Regierende[rn]? Bürgermeister(?:in|s)?'],
  ['MINISTER', '(?:\\p{Lu}\\p{Ll}*)?[Mm]inister(?:in|s)?'],
  ['STATE_SECRETARY', '(?:\\p{Lu}\\p{Ll}*)?[Ss]taatssekretär(?:in|s)?'],
  ['LANDRAT', 'Landr(?:ätin|at(?:e?s)?)'],
  ['MAYOR', '(?:Ober)?[Bb]ürgermeister(?:in|s)?'],
  ['PRESIDENT', '(?:\\p{Lu}\\p{Ll}*)?[Pp]räsident(?:in|en)?'],
  [
    'CIO',
    '(?:Landes-|Bundes-)?(?:CIO|CDO)|(?:IT-|Digital|Informationstechnik-?)(?:[Bb]eauftragte[rn]?|[Bb]evollmächtigte[rn]?)|Chief (?:Information|Digital) Officer',
  ],
  ['SENATOR', '(?:\\p{Lu}\\p{Ll}*)?[Ss]enator(?:in|s)?'],
  [
    'POLITICIAN',
    '(?:\\p{Lu}\\p{Ll}*)?(?:[Aa]bgeordnete[rn]?|[Pp]olitiker(?:in|s)?|[Ff]raktionsvize|[Ff]raktionschef(?:in)?)',
  ],
  [
    'HEAD',
    '(?:\\p{Lu}\\p{Ll}*)?(?:[Vv]orsitzende[rn]?|[Gg]eschäftsführer(?:in|s)?|[Ll]eiter(?:in|s)?|[Dd]irektor(?:in|s)?|[Vv]orständin|[Vv]orstand|[Cc]hef(?:in)?|[Ss]precher(?:in)?|[Bb]eauftragte[rn]?|[Bb]evollmächtigte[rn]?|[Dd]ezernent(?:in)?|[Rr]eferent(?:in)?|[Pp]rofessor(?:in)?|[Vv]orstandsmitglied)',
  ],
  ['ACADEMIC', '(?:Prof\\.\\s?)?Dr\\.|Prof\\.'],
];
/** A title, after an optional body it is of: "Bitkom-Präsident", "Dataport-Chefin" (group 1). */
const TITLE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:(?!Landes-|Bundes-)([\\p{Lu}][\\p{L}\\p{N}.]*)-)?(?:${TITLES.map(([, source]) => `(${source})`).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
/** A cheap look for the words every title contains, before the costly pattern. */
const MAY_HAVE_TITLE =
  /minister|sekretär|landr|bürgermeister|präsident|CIO|CDO|senator|Dr\.|Prof\.|vorsitz|führer|leiter|direktor|vorst|chef|sprecher|beauftragt|bevollmächtigt|dezernent|officer|abgeordnet|politiker|fraktion|referent|professor|mitglied/i;
const IS_TITLE = new RegExp(
  `^(?:${TITLES.slice(0, -1)
    .map(([, source]) => source)
    .join('|')})$`,
  'u',
);

const CONNECTORS = new Set(['für', 'des', 'der', 'im', 'in', 'von', 'vom', 'zur', 'zum', 'am', 'beim', 'bei']);
const INSIDE_OFFICE = new Set([...CONNECTORS, 'und', 'sowie', 'die', 'das', 'dem', 'den', 'a', 'D']);
/** Words before a noun, so that the capitalised word after them is no first name. */
const DETERMINERS =
  /^(?:der|die|das|den|dem|des|diese[rsnm]?|jene[rsnm]?|eine?[rsnm]?|seine?[rsnm]?|ihre?[rsnm]?|unsere?[rsnm]?|keine?[rsnm]?)$/u;

/** Particles that are also German articles: part of a name only after another particle ("van den", "von der"). */
const ARTICLES = new Set(['der', 'den']);
const PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'zu', 'zur', 'vom', 'di', 'da', 'le', 'la', 'ten', 'ter']);
const NOT_NAMES = new Set(
  (
    'Der Die Das Dem Den Des Ein Eine Einen Einem Einer Er Sie Es Wir Ihr Ihre Sein Seine Seiner Ihrem Im In Am An ' +
    'Auf Aus Bei Beim Mit Nach Von Vom Vor Zu Zum Zur Für Über Unter Und Oder Aber Auch Doch Dies Diese Dieser ' +
    'Dieses Dabei Damit Nun Heute Gestern Morgen Herr Frau Januar Februar März April Mai Juni Juli August ' +
    'September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag'
  ).split(' '),
);

interface Token {
  readonly kind: 'academic' | 'word' | 'comma' | 'other';
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const pattern =
    /(Prof\.|Dr\.(?:\s?(?:med|phil|jur|rer\.\s?nat|ing|h\.\s?c)\.)*)|([\p{L}\p{M}][\p{L}\p{M}'’-]*)|(,)|(\S)/gu;
  // An office and a name take a few dozen words at most.
  for (const m of scan(pattern, text, from, Math.min(to, from + 400))) {
    const kind = m[1] ? 'academic' : m[2] ? 'word' : m[3] ? 'comma' : 'other';
    out.push({ kind, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A word that may be part of a person's name: capitalised, not all capitals, no sentence word and no title. */
const isPersonWord = (word: string | undefined) =>
  word !== undefined &&
  /^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(word) &&
  /\p{Ll}/u.test(word) &&
  !NOT_NAMES.has(word) &&
  !IS_TITLE.test(word);
const isNameWord = (t: Token | undefined) => t?.kind === 'word' && isPersonWord(t.raw);
const isUpper = (t: Token | undefined) => t?.kind === 'word' && /^\p{Lu}/u.test(t.raw) && !IS_TITLE.test(t.raw);

/** "Jochen Flackus" before "(Die Linke)": two or three name words ending where the text ends. */
export function nameAtEnd(text: string): string | null {
  const m = /((?:\p{Lu}[\p{L}\p{M}'’-]*\s+){1,2}\p{Lu}[\p{L}\p{M}'’-]*)\s*$/u.exec(text);
  if (!m?.[1]) return null;
  const words = m[1].split(/\s+/);
  const list = words.map((raw) => ({ kind: 'word' as const, raw, start: 0, end: 0 }));
  let from = 0;
  while (from < list.length - 2 || (from < list.length && !isNameWord(list[from]))) from += 1;
  const name = list.slice(from);
  return name.length >= 2 && name.every((t) => isNameWord(t)) ? name.map((t) => t.raw).join(' ') : null;
}

/** A name from `i`: name words with particles between them; null when more than three name words follow. */
function readName(list: readonly Token[], i: number): { from: number; to: number; words: number } | null {
  let j = i;
  while (list[j]?.kind === 'academic') j += 1;
  const from = j;
  let words = 0;
  while (j < list.length) {
    const t = list[j];
    if (isNameWord(t)) {
      words += 1;
      j += 1;
    } else if (words > 0 && t && PARTICLES.has(t.raw) && !ARTICLES.has(t.raw)) {
      // "von der Heide": particles count only when a name word follows them, and never start with an article
      // ("Jan Muster den Entwurf" is a name and its object).
      let k = j;
      while (PARTICLES.has(list[k]?.raw ?? '')) k += 1;
      if (!isNameWord(list[k])) break;
      j = k;
    } else break;
  }
  if (words === 0 || words > 3) return null;
  return { from, to: j, words };
}

function span(text: string, list: readonly Token[], from: number, to: number): Span {
  const start = list[from]?.start ?? 0;
  const end = list[to - 1]?.end ?? start;
  return { text: text.slice(start, end).replace(/\s+/g, ' '), start, end };
}

/** The title in the nominative: "Landrats" → "Landrat", "Präsidenten" → "Präsident". */
function nominative(title: string, titleClass: TitleClass): string {
  if (titleClass === 'CIO' || titleClass === 'ACADEMIC') return title;
  return title
    .replace(/(at|er|är|or)e?s$/, '$1')
    .replace(/enten$/, 'ent')
    .replace(/^Regierenden?/, 'Regierender');
}

/** Every titled name in text[from, to). */
export function findTitledNames(text: string, from: number, to: number): TitledName[] {
  const found: TitledName[] = [];
  if (!MAY_HAVE_TITLE.test(text.slice(from, to))) return found;
  for (const m of scan(TITLE, text, from, to)) {
    const group = m.slice(2).findIndex((g) => g !== undefined);
    const titleClass = TITLES[group]?.[0];
    if (!titleClass) continue;
    const titleEnd = m.index + m[0].length;
    const prefix = m[1] ? { text: m[1], start: m.index, end: m.index + m[1].length } : null;
    const titleText = prefix ? m[0].slice(prefix.text.length + 1) : m[0];
    const list = tokens(text, titleEnd, to);
    const academic = titleClass === 'ACADEMIC' ? readName(list, 0) : null;
    const parsed: Parsed | null = academic ? { ...academic, office: null } : parseAfterTitle(list);
    if (!parsed) continue;
    if (titleClass === 'ACADEMIC' && parsed.words < 2) continue;
    const name = span(text, list, parsed.from, parsed.to);
    if (found.some((f) => f.name.start === name.start)) continue;
    found.push({
      title: nominative(titleText, titleClass),
      titleClass,
      titleSpan: { text: m[0], start: m.index, end: titleEnd },
      office: parsed.office ? span(text, list, parsed.office[0], parsed.office[1]) : null,
      name,
      nameWords: parsed.words,
      prefix,
    });
  }
  for (const t of namesBeforeTitles(text, from, to)) {
    if (!found.some((f) => f.name.start < t.name.end && t.name.start < f.name.end)) found.push(t);
  }
  return found.sort((a, b) => a.name.start - b.name.start);
}

/**
 * Between a name and its title: a comma ("Anna Beispiel, Staatssekretärin im …") or a verb that makes the title
 * hers ("Anna Beispiel ist seit April neue CIO", "… wird Präsident"), with the article and adjectives of a title.
 */
const TITLE_ADJECTIVES =
  '(?:der|die|den|dem|des|früher|ehemals|ehemalige[rn]?|geschäftsführende[snr]?|neue[rn]?|bisherige[rn]?|frühere[rn]?|amtierende[rn]?|scheidende[rn]?|designierte[rn]?|langjährige[rn]?|erste[rn]?|kommissarische[rn]?|stellvertretende[rn]?|neu\\s+gewählte[rn]?)';
const NAME_THEN_TITLE = new RegExp(
  '^(?:(?:\\s+\\p{Ll}+)?\\s*,\\s*|\\s+(?:zum|zur|als)\\s+|\\s+(?:sein(?:en)?|ihr(?:en)?)\\s+(?:Amt|Dienst|Posten)\\s+als\\s+|\\s*,\\s*(?:der|die)\\s+(?:[^,.;]{1,50}?\\s+)?als\\s+|\\s+(?:ist|wird|war|bleibt|wurde|bisher|bislang)\\s+(?:nicht\\s+(?:mehr|länger)\\s+|nun\\s+|jetzt\\s+|künftig\\s+|weiterhin\\s+)?(?:(?:seit|ab|zum|zur|am|im|Anfang|Mitte|Ende)\\s+[^,.;]{1,25}?\\s+)?(?:(?:als|zum|zur)\\s+)?)' +
    `(?:${TITLE_ADJECTIVES}\\s+)*$|^\\s+(?:${TITLE_ADJECTIVES}\\s+)+$`,
  'u',
);

/** "Anna Beispiel, Staatssekretärin im Finanzministerium": a name of two or three words, then its title and office. */
function namesBeforeTitles(text: string, from: number, to: number): TitledName[] {
  const found: TitledName[] = [];
  for (const m of scan(TITLE, text, from, to)) {
    const group = m.slice(2).findIndex((g) => g !== undefined);
    const titleClass = TITLES[group]?.[0];
    if (!titleClass || titleClass === 'ACADEMIC') continue;
    // The name: the last two or three name words before the gap.
    const before = tokens(text, Math.max(from, m.index - 160), m.index);
    // The gap between the name and the title: tokens [gapAt, end), the text from the name's last word on.
    let gapAt = -1;
    for (let i = before.length; i >= Math.max(1, before.length - 12); i -= 1) {
      if (NAME_THEN_TITLE.test(text.slice(before[i - 1]?.end ?? 0, m.index)) && isNameWord(before[i - 1])) gapAt = i;
    }
    if (gapAt < 0) continue;
    let start = gapAt;
    while (start > 0 && (isNameWord(before[start - 1]) || PARTICLES.has(before[start - 1]?.raw ?? ''))) start -= 1;
    while (start < gapAt && PARTICLES.has(before[start]?.raw ?? '')) start += 1;
    let first = Math.max(start, gapAt - 3);
    while (first < gapAt && PARTICLES.has(before[first]?.raw ?? '')) first += 1;
    // "diese Aufgabe Thomas Lenz": a word after a determiner is a noun, not a first name.
    if (gapAt - first === 3 && DETERMINERS.test(before[first - 1]?.raw ?? '')) first += 1;
    const name = readName(before, first);
    if (!name || name.to !== gapAt || name.words < 2) continue;
    const titleEnd = m.index + m[0].length;
    const after = tokens(text, titleEnd, to);
    const office = readOffice(after);
    const prefix = m[1] ? { text: m[1], start: m.index, end: m.index + m[1].length } : null;
    found.push({
      title: nominative(prefix ? m[0].slice(prefix.text.length + 1) : m[0], titleClass),
      titleClass,
      titleSpan: { text: m[0], start: m.index, end: titleEnd },
      office: office ? span(text, after, office[0], office[1]) : null,
      name: span(text, before, name.from, name.to),
      nameWords: name.words,
      prefix,
    });
  }
  return found;
}

/** The office after a title: "im Ministerium der Finanzen des Landes Sachsen-Anhalt", up to what is no longer part of it. */
function readOffice(list: readonly Token[]): readonly [number, number] | null {
  const first = list[0];
  if (!(first?.kind === 'word' && CONNECTORS.has(first.raw))) return null;
  const { end } = officeWords(list);
  return end >= 2 ? [0, end] : null;
}

/**
 * The words of an office from the start of `list`: connectors, capitalised words and adjectives before them, at
 * most 14; `run` is where they stop, `end` where the office ends without connectors left dangling.
 */
function officeWords(list: readonly Token[]): { run: number; end: number } {
  let run = 0;
  while (run < list.length && run < 14) {
    const t = list[run];
    const adjective = t?.kind === 'word' && /^\p{Ll}+(e|en|er|es|em)$/u.test(t.raw) && isUpper(list[run + 1]);
    if (t?.kind === 'word' && (INSIDE_OFFICE.has(t.raw) || isUpper(t) || adjective)) run += 1;
    else break;
  }
  let end = run;
  while (end > 0 && INSIDE_OFFICE.has(list[end - 1]?.raw ?? '')) end -= 1;
  return { run, end };
}

/** After a title: an optional office, then the name (after a comma, or as the last words of the office). */
interface Parsed {
  readonly from: number;
  readonly to: number;
  readonly words: number;
  readonly office: readonly [number, number] | null;
}

function parseAfterTitle(list: readonly Token[]): Parsed | null {
  const first = list[0];
  if (!(first?.kind === 'word' && CONNECTORS.has(first.raw))) {
    const start = first?.kind === 'comma' ? 1 : 0;
    const name = readName(list, start);
    return name ? { ...name, office: null } : null;
  }
  const { run: j, end: officeEnd } = officeWords(list);
  if (officeEnd <= 1) return null;
  if (list[j]?.kind === 'comma') {
    const name = readName(list, j + 1);
    if (name && name.words >= 2) return { ...name, office: [0, officeEnd] };
  }
  // No comma: the name is the last two of three or more capitalised words ("des Salzlandkreises Markus Bauer").
  let run = officeEnd;
  while (run > 0 && isNameWord(list[run - 1])) run -= 1;
  if (officeEnd - run < 3) return null;
  return { from: officeEnd - 2, to: officeEnd, words: 2, office: [0, officeEnd - 2] };
}

type GenderOf = (name: string, language?: string) => 'male' | 'female' | 'unknown';
let genderOf: GenderOf | null = null;

/**
 * Whether a word is a first name: the lists of gender-detection-from-name (German, English, French, Italian,
 * Spanish and Turkish first names), loaded on first use (about 150 ms), without the months and words that are
 * also first names in one of those lists.
 */
function isFirstName(word: string): boolean {
  if (NOT_FIRST_NAMES.has(word)) return false;
  genderOf ??= (createRequire(import.meta.url)('gender-detection-from-name') as { getGender: GenderOf }).getGender;
  return word.split('-').every((part) => part.length > 1 && genderOf?.(part, 'de') !== 'unknown');
}
const NOT_FIRST_NAMES = new Set(
  (
    'Mai Juni Juli August Berlin Christ Will Paris Florenz Nord Süd West Ost Million Milliarde Dom Marine Chance ' +
    'Tag Mark Euro Linde Iris Victoria'
  ).split(' '),
);

/** Runs of capitalised words, with the particles names have: "Franz Josef Pschierer", "Sandra von Klaeden". */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{M}\p{N}'’-])\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:von|van|de|zu)\s+(?:(?:der|den|dem)\s+)?)?\p{Lu}[\p{L}\p{M}'’-]*)+/gu;

/**
 * People named without a title: one or two first names and a surname ("Katrin Suder", "Emily Haber und
 * Hans-Georg Engelke"), found by the first name.
 */
export function findNamedPeople(text: string, from: number, to: number): Span[] {
  const found: Span[] = [];
  for (const m of scan(CAPITALISED_RUN, text, from, to)) {
    const words = [...m[0].matchAll(/\S+/gu)].map((w) => ({ raw: w[0], start: m.index + (w.index ?? 0) }));
    for (let i = 0; i < words.length; i += 1) {
      const first = words[i];
      if (!first || !isPersonWord(first.raw) || !isFirstName(first.raw)) continue;
      // "die Million Euro", "eine Chance": after an article or determiner the word is a noun.
      if (DETERMINERS.test(/(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, first.start - 20), first.start))?.[1] ?? ''))
        continue;
      let j = i + 1;
      if (isPersonWord(words[j]?.raw) && isFirstName(words[j]?.raw ?? '') && isPersonWord(words[j + 1]?.raw)) j += 1;
      while (j < words.length && PARTICLES.has(words[j]?.raw ?? '')) j += 1;
      const last = words[j];
      if (!last || !isPersonWord(last.raw) || j === i) continue;
      const end = last.start + last.raw.length;
      found.push({ text: text.slice(first.start, end).replace(/\s+/g, ' '), start: first.start, end });
      i = j;
    }
  }
  return found;
}
