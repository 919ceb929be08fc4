import { scan } from './scan.js';

/**
 * A German sentence splitter for pasted articles. A full stop ends a sentence
 * only when a new sentence plausibly starts after it, and never after an
 * abbreviation ("Dr.", "Nr.", "bzw."), a single letter ("z. B.", "u. a.",
 * "Lydia M. Hüskens") or a one- or two-digit ordinal ("31. August",
 * "2. Sitzung"). Line breaks end a sentence unless they look like a soft wrap,
 * so headlines, datelines and teaser lines stay apart from the prose.
 */

export interface Sentence {
  readonly index: number;
  /** Offsets into the article text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** The sentence as written, with runs of white space (line breaks too) as one space. */
  readonly text: string;
}

const ABBREVIATIONS = new Set(
  [
    'abs',
    'abt',
    'art',
    'bspw',
    'bzgl',
    'bzw',
    'ca',
    'dipl',
    'dr',
    'evtl',
    'fr',
    'ggf',
    'hl',
    'hr',
    'inkl',
    'ing',
    'jh',
    'jhd',
    'kfz',
    'lt',
    'max',
    'mio',
    'mrd',
    'nr',
    'prof',
    'sog',
    'st',
    'str',
    'tel',
    'univ',
    'vgl',
    'zb',
    'zzgl',
  ].map((a) => a.toLowerCase()),
);

/** Where a sentence may start: a capital letter, an opening quote or bracket. */
const STARTS_SENTENCE = /^[\p{Lu}„"»«‚'([]/u;

/** A dateline such as "[31.8.2022]" at the start of a paragraph: the publication date, not part of the first sentence. */
const DATELINE = /^\[\d{1,2}\.\d{1,2}\.\d{2,4}\]/;

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function splitSentences(text: string): Sentence[] {
  const spans: Array<[number, number]> = [];
  for (const [blockStart, blockEnd] of blocks(text)) {
    let start = blockStart;
    const dateline = DATELINE.exec(text.slice(start, blockEnd));
    if (dateline) {
      spans.push([start, start + dateline[0].length]);
      start += dateline[0].length;
    }
    for (const boundary of boundaries(text, start, blockEnd)) {
      spans.push([start, boundary]);
      start = boundary;
    }
    spans.push([start, blockEnd]);
  }
  const sentences: Sentence[] = [];
  for (const [rawStart, rawEnd] of spans) {
    const slice = text.slice(rawStart, rawEnd);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (slice.trim() === '') continue;
    const start = rawStart + lead;
    const end = rawEnd - trail;
    sentences.push({ index: sentences.length, start, end, text: collapse(text.slice(start, end)) });
  }
  return sentences;
}

/** Paragraphs and lines that stand on their own, as [start, end) ranges; soft-wrapped lines are joined. */
function blocks(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const pattern = /[^\n]*(\n|$)/g;
  for (let match = pattern.exec(text); match && match[0] !== ''; match = pattern.exec(text)) {
    lines.push([match.index, match.index + match[0].length - (match[1] ?? '').length]);
  }
  const result: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  let previous = '';
  for (const [start, end] of lines) {
    const line = text.slice(start, end).trim();
    if (line === '') {
      if (current) result.push(current);
      current = null;
      previous = '';
      continue;
    }
    if (current && isSoftWrap(previous, line)) current[1] = end;
    else {
      if (current) result.push(current);
      current = [start, end];
    }
    previous = line;
  }
  if (current) result.push(current);
  return result;
}

/** A line break inside a sentence: after a comma or hyphen, before a lower-case word, or in a long line of prose. */
function isSoftWrap(before: string, after: string): boolean {
  if (/[.!?:;…"“”»)\]]$/.test(before)) return false;
  if (/[,–-]$/.test(before)) return true;
  if (/^\p{Ll}/u.test(after) && /\p{Ll}$/u.test(before)) return true;
  return before.length >= 60 && /[\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(after);
}

/** Offsets just after each sentence end inside [start, end). */
function boundaries(text: string, start: number, end: number): number[] {
  const found: number[] = [];
  const pattern = /[.!?…]+["“”»«'’)\]]*(?=\s)/g;
  for (const match of scan(pattern, text, start, end)) {
    const after = match.index + match[0].length;
    if (after >= end) break;
    const next = text.slice(after, end).trimStart();
    if (!STARTS_SENTENCE.test(next)) continue;
    if (match[0] === '.' && !endsSentence(text.slice(Math.max(start, match.index - 40), match.index))) continue;
    found.push(after);
  }
  return found;
}

/** Whether a full stop after `before` ends a sentence (not an abbreviation, initial or ordinal). */
function endsSentence(before: string): boolean {
  const word = /([\p{L}\p{N}]+)$/u.exec(before)?.[1];
  if (!word) return true;
  if (/^\d{1,2}$/.test(word)) return false;
  if (/^\p{L}$/u.test(word)) return false;
  // "z.B." written without a space: the word before the last dot is also one letter.
  if (/(^|[^\p{L}])\p{L}\.\p{L}$/u.test(before)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}
