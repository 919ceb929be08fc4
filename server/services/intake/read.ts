import { idFor } from '../../../shared/ids.js';
import {
  type DatePrecision,
  type DateQualifier,
  type EntityKind,
  type RelationType,
  relationAllowed,
} from '../../../shared/vocabulary.js';
import { type DateMention, findDates } from './dates.js';
import { type Confidence, type FactCandidate, landOfficeFacts, portfolioFacts, sentenceFacts } from './facts.js';
import { type Mention, PeopleSeen, type ProposalReason, sentenceMentions } from './mentions.js';
import { type KnownEntity, NameIndex } from './names.js';
import { type Sentence, splitSentences } from './sentences.js';

/**
 * Article intake: from a pasted article, proposals for an editor to confirm —
 * the entities it names (known ones by name or alias, new people by their
 * title), the dates it gives, and candidate facts between them, each with the
 * sentence it came from and why it is proposed. Pure: the dictionary of known
 * entities is passed in, nothing is read or written here.
 */

export type { ProposalReason } from './mentions.js';
export type { KnownEntity } from './names.js';

export interface IntakeDictionary {
  /** Every entity that may be named in an article (not articles); regions with level and Kreis type. */
  readonly entities: readonly KnownEntity[];
  /** Articles already in the graph, to spot one pasted twice. */
  readonly articles: ReadonlyArray<{ readonly id: string; readonly url: string | null }>;
  /** Facts already in the graph, to offer a fact the article states again as a further source of it. */
  readonly relations?: ReadonlyArray<KnownRelation>;
}

export interface KnownRelation {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

export interface ArticleDraft {
  readonly title: string;
  readonly publishedOn: string;
  readonly url: string;
  readonly publisher?: string | null;
  readonly text: string;
}

export interface EntityProposal {
  readonly key: string;
  /** The id of the entity in the graph, or null for a new one (then `key` is its proposed id). */
  readonly existingId: string | null;
  readonly kind: EntityKind;
  /** For a new organisation, initiative or event: its type (MINISTRY, PROGRAMME, MEETING …) when the text tells. */
  readonly type: string | null;
  readonly name: string;
  readonly matched: string;
  readonly reason: ProposalReason;
  readonly role: string | null;
  readonly quote: string;
}

export interface DateProposal {
  readonly date: string;
  readonly precision: DatePrecision;
  readonly text: string;
  readonly quote: string;
}

export interface FactProposal {
  readonly key: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly role: string | null;
  readonly validFrom: string | null;
  readonly validFromQualifier: DateQualifier | null;
  readonly validTo: string | null;
  readonly validToQualifier: DateQualifier | null;
  /** The fact already in the graph with this type and these ends: the article is offered as a further source. */
  readonly existingId: string | null;
  readonly quote: string;
  readonly reason: string;
  readonly basis: FactCandidate['basis'];
  readonly confidence: Confidence;
}

export interface IntakeProposal {
  readonly article: { readonly id: string; readonly existingId: string | null };
  readonly entities: EntityProposal[];
  readonly dates: DateProposal[];
  readonly facts: FactProposal[];
}

/** The dictionary prepared for matching; build it once and reuse it for many articles. */
export class IntakeIndex {
  readonly names: NameIndex;
  readonly #articleByUrl = new Map<string, string>();
  readonly #articleIds = new Set<string>();
  readonly #relations = new Map<string, string>();

  constructor(dictionary: IntakeDictionary) {
    this.names = new NameIndex(dictionary.entities.filter((e) => e.kind !== 'ARTICLE'));
    for (const article of dictionary.articles) {
      this.#articleIds.add(article.id);
      if (article.url) this.#articleByUrl.set(normalUrl(article.url), article.id);
    }
    for (const relation of dictionary.relations ?? []) {
      const key = `${relation.type}|${relation.from}|${relation.to}`;
      // Of parallel facts (the same office held twice), the first: any of them is the fact the article confirms.
      if (!this.#relations.has(key)) this.#relations.set(key, relation.id);
    }
  }

  /** The id of the fact of this type between these two entities, if the graph holds one. */
  knownRelation(type: string, from: string, to: string): string | null {
    return this.#relations.get(`${type}|${from}|${to}`) ?? null;
  }

  articleWithUrl(url: string): string | null {
    return this.#articleByUrl.get(normalUrl(url)) ?? null;
  }

  hasArticle(id: string): boolean {
    return this.#articleIds.has(id);
  }
}

/** Words that say an office or membership has ended. */
const ENDED =
  /Ruhestand|nicht (?:mehr|länger)|\bverl(?:ässt|ieß|ießen|assen)\b|abgegeben|ausgeschieden|\bscheid(?:et|en)\b[^.]*\baus\b|zurückgetreten|\bRücktritt|\b(?:ehemalige|frühere|bisherige|scheidende)[rn]?\b|\behemals\b/u;

/** Facts that hold over time: a date in the sentence says they held then, not that they began then. */
const LASTING: ReadonlySet<RelationType> = new Set([
  'HOLDS_OFFICE_AT',
  'MEMBER_OF',
  'ADVISES',
  'PART_OF',
  'LOCATED_IN',
  'RESPONSIBLE_FOR',
  'SUPPORTS',
  'OPPOSES',
  'IMPLEMENTS',
]);

export function proposeFacts(draft: ArticleDraft, index: IntakeIndex): IntakeProposal {
  const text = draft.text;
  const blocked = linkSpans(text);
  const people = new PeopleSeen();
  const mentions: Mention[] = [];
  const dates: Array<DateMention & { sentence: Sentence }> = [];
  const candidates: Array<FactCandidate & { sentence: Sentence; dates: DateMention[] }> = [];
  const allDates = findDates(text, blocked);
  for (const sentence of splitSentences(text)) {
    const inSentence = sentenceMentions(text, sentence, index.names, people, blocked);
    const sentenceDates = allDates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
    mentions.push(...inSentence);
    dates.push(...sentenceDates.map((d) => ({ ...d, sentence })));
    for (const fact of sentenceFacts(text, inSentence)) candidates.push({ ...fact, sentence, dates: sentenceDates });
  }
  // Across sentences: an office whose title names its ministry's portfolio, named elsewhere in the article, and
  // a head of government's or senator's office in the one Land the article is about.
  const land = people.land();
  const landMention = land ? mentions.find((m) => m.entity?.id === land.id && !m.derived) : undefined;
  for (const fact of [
    ...portfolioFacts(text, mentions, candidates),
    ...landOfficeFacts(mentions, candidates, landMention),
  ]) {
    const sentence = fact.from.sentence;
    const sentenceDates = dates.filter((d) => d.sentence === sentence);
    if (relationAllowed(fact.type, fact.from.kind, fact.to.kind))
      candidates.push({ ...fact, sentence, dates: sentenceDates });
  }
  return {
    article: articleProposal(draft, index),
    entities: entityProposals(mentions),
    dates: uniqueBy(
      dates.map((d) => ({ date: d.date, precision: d.precision, text: d.text, quote: d.sentence.text })),
      (d) => `${d.date}|${d.quote}`,
    ),
    facts: uniqueBy(
      candidates.map((c) => factProposal(c, storyDate(allDates, c.sentence, draft.publishedOn), index)),
      (f) => `${f.type}|${f.from}|${f.to}`,
    ),
  };
}

function articleProposal(draft: ArticleDraft, index: IntakeIndex): IntakeProposal['article'] {
  const base = idFor('ARTICLE', [draft.publisher ?? '', draft.publishedOn, draft.title].join(' '));
  let id = base;
  for (let n = 2; index.hasArticle(id); n += 1) id = `${base}-${n}`;
  return { id, existingId: index.articleWithUrl(draft.url) };
}

/** A sentence that ends like one, rather than a headline or a keyword line. */
const isProse = (s: Sentence) => /[.!?…]["“”»'’)]*$/.test(s.text.slice(-6));

/**
 * One proposal per entity, in the order of first mention, quoting the first
 * mention in prose (a headline is poor evidence); a person's roles from all mentions.
 */
function entityProposals(mentions: readonly Mention[]): EntityProposal[] {
  const byKey = new Map<string, { first: Mention; roles: string[] }>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const entry = byKey.get(m.key) ?? { first: m, roles: [] };
    if (!isProse(entry.first.sentence) && isProse(m.sentence)) entry.first = m;
    const role = m.office?.role;
    if (role && !entry.roles.includes(role)) entry.roles.push(role);
    byKey.set(m.key, entry);
  }
  return [...byKey.values()].map(({ first, roles }) => ({
    key: first.key,
    existingId: first.entity ? first.entity.id : null,
    kind: first.kind,
    type: first.entity ? null : (first.type ?? null),
    name: first.name,
    matched: first.matched,
    reason: first.reason,
    role: roles.length > 0 ? roles.join(', ') : null,
    quote: first.sentence.text,
  }));
}

/**
 * The day the article's story is on, as of a sentence: the last full date it gave before that sentence, if not
 * after its publication ("Am 18. Juni trat der Beirat zusammen. … Woidke leitet ihn."), or the month of its
 * publication when it names only that; else its publication date.
 */
function storyDate(dates: readonly DateMention[], sentence: Sentence, publishedOn: string): string {
  const before = dates.filter(
    (d) =>
      d.end <= sentence.start &&
      d.bound !== 'UNTIL' &&
      // A month only when it is the month the article appeared in ("im Januar 2024" in an article of January 2024).
      (d.precision === 'DAY' ? d.date <= publishedOn : d.precision === 'MONTH' && publishedOn.startsWith(d.date)),
  );
  return before.at(-1)?.date ?? publishedOn;
}

function factProposal(
  c: FactCandidate & { sentence: Sentence; dates: DateMention[] },
  publishedOn: string,
  index: IntakeIndex,
): FactProposal {
  // A date the sentence gives, "since" first; a date it gives as an end ("bis Juni 2025") is not a start.
  const usable = c.dates.filter((d) => d.bound !== 'UNTIL');
  const date = usable.find((d) => d.bound === 'SINCE') ?? usable[0];
  let [validFrom, validFromQualifier]: [string | null, DateQualifier | null] = date
    ? [date.date, date.bound === 'SINCE' || !LASTING.has(c.type) ? 'EXACT' : 'ON_OR_BEFORE']
    : // The article reports it as so on the day of its story; since when, it does not say.
      [publishedOn, 'ON_OR_BEFORE'];
  let [validTo, validToQualifier]: [string | null, DateQualifier | null] = [null, null];
  // An office or membership the sentence says has ended ("ging Ende 2025 in den Ruhestand", "der frühere …").
  if ((c.type === 'HOLDS_OFFICE_AT' || c.type === 'MEMBER_OF') && ENDED.test(c.sentence.text)) {
    const end = c.dates.find((d) => d.bound !== 'SINCE');
    [validTo, validToQualifier] = end ? [end.date, 'EXACT'] : [publishedOn, 'ON_OR_BEFORE'];
    [validFrom, validFromQualifier] = [null, null];
  }
  const slug = (key: string) => key.slice(key.indexOf(':') + 1);
  const type = c.type.toLowerCase().replace(/_/g, '-');
  return {
    key: `rel:${slug(c.from.key)}-${type}-${slug(c.to.key)}`.slice(0, 204),
    type: c.type,
    from: c.from.key,
    to: c.to.key,
    role: c.role,
    validFrom,
    validFromQualifier,
    validTo,
    validToQualifier,
    existingId: index.knownRelation(c.type, c.from.key, c.to.key),
    quote: c.sentence.text,
    reason: `${c.reason} Confidence: ${c.confidence}.`,
    basis: c.basis,
    confidence: c.confidence,
  };
}

/** Links and e-mail addresses: "mid.sachsen-anhalt.de" names no region. */
function linkSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern =
    /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:de|com|org|net|eu|info)\b\S*/gu;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function normalUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
