import { PartialDate } from '../../../shared/model.js';
import type { DatePrecision } from '../../../shared/vocabulary.js';

/**
 * Dates in German article text: "31. August 2022", "31.08.2022", "2022-08-31"
 * (day); "August 2022", "08/2022" (month); "im Jahr 2023", "2022" (year).
 * Each is found once, the most precise form first, and only when it is a real date.
 */

export interface DateMention {
  readonly date: string;
  readonly precision: DatePrecision;
  /** As written, e.g. "31. August 2022". */
  readonly text: string;
  /** Offsets into the searched text. */
  readonly start: number;
  readonly end: number;
  /** The word before it that says how it bounds a fact: since (seit, ab) or until (bis). */
  readonly bound: 'SINCE' | 'UNTIL' | null;
}

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(januar|jänner|jan)/, 1],
  [/^(februar|feb)/, 2],
  [/^(märz|mär|maerz)/, 3],
  [/^(april|apr)/, 4],
  [/^mai/, 5],
  [/^(juni|jun)/, 6],
  [/^(juli|jul)/, 7],
  [/^(august|aug)/, 8],
  [/^(september|sept|sep)/, 9],
  [/^(oktober|okt)/, 10],
  [/^(november|nov)/, 11],
  [/^(dezember|dez)/, 12],
];
const MONTH =
  '(?:Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  'Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Okt\\.|Nov\\.|Dez\\.)';
const YEAR = '(?:19[5-9]\\d|20\\d\\d)';
const NOT_DIGIT_BEFORE = '(?<![\\p{N}.,/-])';
const UNIT = '(?:Euro|EUR|€|Prozent|%|Einwohner|Menschen|Personen|Mitarbeit|Beschäftigt|km|Kilometer|Stück|Mal\\b)';
const NOT_DIGIT_AFTER = '(?![\\p{N}]|[.,]\\p{N})';

type Parse = (groups: string[]) => string | null;
const pad = (n: number | string) => String(n).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.find(([re]) => re.test(name.toLowerCase()))?.[1] ?? null;

/** Patterns from most to least precise; a later pattern never matches inside an earlier one's text. */
const PATTERNS: ReadonlyArray<{ re: RegExp; precision: DatePrecision; parse: Parse }> = [
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(${YEAR})-(\\d{2})-(\\d{2})${NOT_DIGIT_AFTER}`, 'gu'),
    precision: 'DAY',
    parse: ([y, m, d]) => `${y}-${m}-${d}`,
  },
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{1,2})\\. ?(\\d{1,2})\\. ?(${YEAR})${NOT_DIGIT_AFTER}`, 'gu'),
    precision: 'DAY',
    parse: ([d, m, y]) => `${y}-${pad(m ?? '')}-${pad(d ?? '')}`,
  },
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{1,2})\\.\\s*(${MONTH})\\s+(${YEAR})${NOT_DIGIT_AFTER}`, 'gu'),
    precision: 'DAY',
    parse: ([d, m, y]) => {
      const month = monthNumber(m ?? '');
      return month ? `${y}-${pad(month)}-${pad(d ?? '')}` : null;
    },
  },
  {
    re: new RegExp(`(?<![\\p{L}])(${MONTH})\\s+(${YEAR})${NOT_DIGIT_AFTER}`, 'gu'),
    precision: 'MONTH',
    parse: ([m, y]) => {
      const month = monthNumber(m ?? '');
      return month ? `${y}-${pad(month)}` : null;
    },
  },
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{1,2})/(${YEAR})${NOT_DIGIT_AFTER}`, 'gu'),
    precision: 'MONTH',
    parse: ([m, y]) => `${y}-${pad(m ?? '')}`,
  },
  {
    // A number followed by a unit is a quantity, not a year: "2000 Einwohner".
    re: new RegExp(`(?:(?:[Ii]m )?Jahre?s?\\s+)?${NOT_DIGIT_BEFORE}(${YEAR})${NOT_DIGIT_AFTER}(?!\\s*${UNIT})`, 'gu'),
    precision: 'YEAR',
    parse: ([y]) => y ?? null,
  },
];

const BOUND_BEFORE = /(?:^|[^\p{L}])(seit|ab|bis)\s+(?:(?:zum|zur|dem|den|Ende|Anfang|Mitte|spätestens|Jahr)\s+)*$/iu;

/** Every date in `text`, in order; `blocked` ranges (e.g. URLs) are skipped. */
export function findDates(text: string, blocked: ReadonlyArray<readonly [number, number]> = []): DateMention[] {
  const taken: Array<readonly [number, number]> = [...blocked];
  const found: DateMention[] = [];
  for (const { re, precision, parse } of PATTERNS) {
    re.lastIndex = 0;
    for (let match = re.exec(text); match; match = re.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const date = parse(match.slice(1));
      if (date === null || !PartialDate.safeParse(date).success) continue;
      taken.push([start, end]);
      const bound = BOUND_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
      found.push({
        date,
        precision,
        text: match[0],
        start,
        end,
        bound: bound === 'bis' ? 'UNTIL' : bound ? 'SINCE' : null,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
