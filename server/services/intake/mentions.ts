import { foldGerman } from '../../../shared/fold.js';
import { idFor } from '../../../shared/ids.js';
import type { EntityKind } from '../../../shared/vocabulary.js';
import { genitiveOf } from './genitive.js';
import type { KnownEntity, NameIndex } from './names.js';
import { findInitiatives, findLaws, findOrganisations } from './organisations.js';
import { findNamedPeople, findTitledNames, nameAtEnd, type Span, type TitleClass, type TitledName } from './people.js';
import { overlapsAny, scan } from './scan.js';
import type { Sentence } from './sentences.js';

/** How an entity was found: by its name, an alias, a title before a new person's name, or as a region. */
export type ProposalReason = 'NAME' | 'ALIAS' | 'TITLE_PATTERN' | 'NAME_PATTERN' | 'REGION' | 'FIRST_NAME';

export interface Office {
  readonly title: string;
  readonly titleClass: TitleClass;
  /** Title and office as written, e.g. "Ministerin für Infrastruktur und Digitales". */
  readonly span: Span;
  readonly role: string | null;
  /** Where the office is held, when the office itself names it. */
  readonly target: { readonly mention: Mention; readonly how: 'NAMED' | 'MINISTRY' } | null;
}

export interface Mention {
  readonly key: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** A new organisation's, initiative's or event's type, when the text tells it. */
  readonly type?: string | null;
  readonly entity: KnownEntity | null;
  readonly start: number;
  readonly end: number;
  readonly matched: string;
  readonly reason: ProposalReason;
  readonly sentence: Sentence;
  office: Office | null;
  /** Named only through someone's office (the ministry of a "Ministerin für …"), not by its own name. */
  readonly derived: boolean;
  /** An event's: the body or law it is named after ("Sitzung des Digitalrats …"). */
  readonly of?: string;
}

const WORDS_OF_AN_OFFICE = /^(?:\s|für|des|der|im|in|von|vom|zur|zum|am|beim|bei|dem|den|die|das)*$/u;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const surnameOf = (name: string) => foldGerman(name).split(' ').at(-1) ?? '';

/**
 * People named in full so far in the article, so that "Schlömer" or "Bauers" later refers to them; and the
 * last person named with each kind of title and the last body of each type, so that "die Ministerin" or "das
 * Gremium" refers to them.
 */
export class PeopleSeen {
  readonly #bySurname = new Map<string, Set<string>>();
  readonly #people = new Map<string, { key: string; name: string; entity: KnownEntity | null }>();
  readonly #byTitle = new Map<TitleClass, Mention>();
  readonly #byOrgType = new Map<string, Mention>();

  noteOffice(titleClass: TitleClass, person: Mention): void {
    this.#byTitle.set(titleClass, person);
  }

  readonly #lands = new Set<KnownEntity>();
  #land: KnownEntity | null = null;

  /** Notes a Land the article names; the article is about one Land while it names only one. */
  noteLand(region: KnownEntity): void {
    this.#lands.add(region);
    this.#land = this.#lands.size === 1 ? region : null;
  }

  readonly #newNames = new Map<string, Mention>();

  /** A new body, law or programme found by the form of its name, to be found again by the same words. */
  noteNewName(m: Mention): void {
    if (m.matched.length >= 3 && !this.#newNames.has(m.matched)) this.#newNames.set(m.matched, m);
  }

  newNames(): Mention[] {
    return [...this.#newNames.values()];
  }

  readonly #regions = new Set<string>();

  /** Every region of the graph the article names, for knowing which Länder it is about. */
  noteRegion(region: KnownEntity): void {
    this.#regions.add(region.id);
  }

  /** Whether the article named the Land or a Kreis or Gemeinde in it (their ids begin with the Land's). */
  seenLand(land: KnownEntity): boolean {
    return this.#lands.has(land) || [...this.#regions].some((id) => id.startsWith(land.id));
  }

  land(): KnownEntity | null {
    return this.#land;
  }

  noteBody(body: Mention): void {
    const type = body.entity?.orgType ?? body.type;
    if (type) this.#byOrgType.set(type, body);
  }

  readonly #byKind = new Map<EntityKind, Mention>();

  /** Notes a law or initiative named, for "das Gesetz", "die App" later. */
  noteThing(thing: Mention): void {
    this.#byKind.set(thing.kind, thing);
  }

  /** The law or initiative named last. */
  thing(kind: EntityKind): Mention | null {
    return this.#byKind.get(kind) ?? null;
  }

  /** The person last named with a title of this kind. */
  withTitle(titleClass: TitleClass): Mention | null {
    return this.#byTitle.get(titleClass) ?? null;
  }

  /** The body of one of these types named last (in the order of the types given). */
  bodyOfType(types: readonly string[]): Mention | null {
    for (const type of types) {
      const body = this.#byOrgType.get(type);
      if (body) return body;
    }
    return null;
  }

  add(key: string, name: string, entity: KnownEntity | null): void {
    this.#people.set(key, { key, name, entity });
    const keys = this.#bySurname.get(surnameOf(name)) ?? new Set();
    keys.add(key);
    this.#bySurname.set(surnameOf(name), keys);
  }

  /** The one person with this (folded) surname, or a genitive of it; null when none or several. */
  bySurname(folded: string): { key: string; name: string; entity: KnownEntity | null } | null {
    for (const form of [folded, folded.replace(/s$/, '')]) {
      const keys = this.#bySurname.get(form);
      if (keys?.size === 1) return this.#people.get([...keys][0] ?? '') ?? null;
    }
    return null;
  }
}

/** Everyone and everything the sentence names, in text order. */
export function sentenceMentions(
  text: string,
  sentence: Sentence,
  index: NameIndex,
  people: PeopleSeen,
  blocked: ReadonlyArray<readonly [number, number]>,
): Mention[] {
  const mentions: Mention[] = index.match(text, sentence.start, sentence.end, blocked).map((match) => {
    if (match.entity.kind === 'PERSON' && /\s/.test(match.form)) {
      people.add(match.entity.id, match.entity.name, match.entity);
    }
    return {
      key: match.entity.id,
      kind: match.entity.kind,
      name: match.entity.name,
      entity: match.entity,
      start: match.start,
      end: match.end,
      matched: text.slice(match.start, match.end).replace(/\s+/g, ' '),
      reason: match.entity.kind === 'REGION' ? 'REGION' : match.field,
      sentence,
      office: null,
      derived: false,
    };
  });
  // "Berlin, Hamburg und Sachsen": a city that is also a Land is the Land where other Länder are named with it.
  if (mentions.some((m) => m.entity?.level === 'LAND')) {
    mentions.forEach((m, i) => {
      if (m.kind !== 'REGION' || m.entity?.level === 'LAND') return;
      const land = index.byName(m.name).find((e) => e.kind === 'REGION' && e.level === 'LAND');
      if (land) mentions[i] = { ...m, key: land.id, name: land.name, entity: land };
    });
  }
  // A generic alias ("Digitalrat", "Innenministerium") is one Land's only in an article about that Land.
  const generic = (m: Mention) => m.reason === 'ALIAS' && !/\s/u.test(m.matched) && /\p{Ll}/u.test(m.matched);
  for (const m of mentions) {
    if (m.entity?.level === 'LAND') people.noteLand(m.entity);
    if (m.kind === 'REGION' && m.entity) people.noteRegion(m.entity);
    const own = m.kind === 'ORGANIZATION' && m.entity && !generic(m) ? index.landOf(m.entity) : null;
    if (own) people.noteRegion(own);
  }
  // "der Digitalrat", "das Finanzministerium" in an article about one Land are not another Land's of that name.
  const land = people.land();
  // Where the article names no Land or several, "der Digitalrat" is not one Land's unless the article named that
  // Land, a place in it or one of its bodies.
  for (let i = mentions.length - 1; i >= 0; i -= 1) {
    const m = mentions[i];
    if (m?.kind !== 'ORGANIZATION' || !m.entity || m.reason !== 'ALIAS') continue;
    const own = index.landOf(m.entity);
    if (land ? index.ofOtherLand(m.entity, land) : generic(m) && own && !people.seenLand(own)) mentions.splice(i, 1);
  }
  // Bodies, laws and programmes the graph does not know, by the form of their names ("Landesamt für …",
  // "Esatus AG", "Bayerisches Digitalgesetz", "Projekt „Digitale Dörfer“"); one the graph knows by that name is it.
  const free = (span: { start: number; end: number }) =>
    !mentions.some((m) => overlaps(m, span)) && !blocked.some(([a, b]) => span.start < b && span.end > a);
  const ofThisLand = (e: KnownEntity) => !land || !index.ofOtherLand(e, land);
  // "der Digitalisierungsrat des Saarlandes", "das Projekt Digital-Lotsen-Sachsen": a region inside the name of a
  // body, law or programme is part of the name ("in Magdeburg" after it stays a place).
  const claim = (span: { start: number; end: number }) => {
    const inside = mentions.filter((m) => overlaps(m, span));
    const ofRegion = (m: Mention) =>
      m.kind === 'REGION' &&
      m.start >= span.start &&
      m.end <= span.end &&
      !/\s(?:in|im|aus)\s+$/u.test(text.slice(span.start, m.start));
    if (inside.length > 0 && inside.every(ofRegion)) {
      for (const m of inside) mentions.splice(mentions.indexOf(m), 1);
    }
    return free(span);
  };
  for (const org of findOrganisations(text, sentence.start, sentence.end)) {
    if (!claim(org)) continue;
    const exact = index.byName(org.name).filter((e) => e.kind === 'ORGANIZATION' && ofThisLand(e));
    const known = exact.length > 0 ? exact : index.organisationsStartingWith(org.name).filter(ofThisLand);
    // "das Innenministerium" in an article about one Land: that Land's.
    const entity =
      known.length === 1
        ? (known[0] ?? null)
        : known.length === 0 && land && /^\p{L}+ministeri/u.test(org.name)
          ? index.ministryOf(org.name, land)
          : known.length === 0 && org.orgType === 'MINISTRY'
            ? index.renamedMinistry(org.name, land)
            : known.length === 0
              ? index.bodyOfLand(org.name)
              : null;
    mentions.push(namedByForm(text, sentence, 'ORGANIZATION', org, org.orgType, entity));
  }
  // "Die Stadt Zeitz", "der Landkreis Beispiel": a town or district the graph does not hold yet.
  for (const m of scan(NEW_PLACE, text, sentence.start, sentence.end)) {
    const name = m[2] ?? '';
    const start = m.index + m[0].length - name.length;
    const place = { name, start, end: start + name.length };
    if (index.byName(name).some((e) => e.kind === 'REGION') || !claim(place)) continue;
    const level = /kreis/iu.test(m[1] ?? '') ? 'KREIS' : 'GEMEINDE';
    mentions.push(namedByForm(text, sentence, 'REGION', place, level, null));
  }
  for (const law of findLaws(text, sentence.start, sentence.end)) {
    if (!claim(law)) continue;
    const known = index.byName(law.name).filter((e) => e.kind === 'LAW');
    mentions.push(namedByForm(text, sentence, 'LAW', law, null, known.length === 1 ? (known[0] ?? null) : null));
  }
  for (const initiative of findInitiatives(text, sentence.start, sentence.end)) {
    if (!claim(initiative)) continue;
    const known = index.byName(initiative.name).filter((e) => e.kind === 'INITIATIVE');
    const entity = known.length === 1 ? (known[0] ?? null) : null;
    mentions.push(namedByForm(text, sentence, 'INITIATIVE', initiative, initiative.initiativeType, entity));
  }
  // A new body, law or programme named earlier in the article, named again by the same words.
  for (const named of people.newNames()) {
    for (
      let at = text.indexOf(named.matched, sentence.start);
      at >= 0 && at < sentence.end;
      at = text.indexOf(named.matched, at + 1)
    ) {
      const span = { start: at, end: at + named.matched.length };
      if (span.end > sentence.end || !free(span) || /[\p{L}\p{N}]/u.test(text.charAt(span.end) + text.charAt(at - 1)))
        continue;
      mentions.push({ ...named, ...span, sentence, office: null, derived: false });
    }
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  const event = eventOf(text, sentence, mentions);
  if (event) mentions.push(event);
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  const titled = findTitledNames(text, sentence.start, sentence.end).filter(
    (t) => !blocked.some(([a, b]) => t.name.start < b && t.name.end > a),
  );
  for (const t of titled) {
    const person = personFor(t, mentions, index, people, sentence);
    if (person) person.office = officeOf(t, person, mentions, index, sentence);
  }
  // "die Ministerin", "der CIO", "das Gremium": the person or body of that kind named last, here or before.
  for (const ref of roleReferences(text, sentence)) {
    if (mentions.some((m) => overlaps(m, ref)) || blocked.some(([a, b]) => ref.start < b && ref.end > a)) continue;
    const target = ref.title
      ? people.withTitle(ref.title)
      : ref.thing
        ? people.thing(ref.thing)
        : people.bodyOfType(ref.bodyTypes);
    if (!target) continue;
    mentions.push({
      ...target,
      start: ref.start,
      end: ref.end,
      matched: ref.text,
      sentence,
      office: null,
      derived: false,
    });
  }
  for (const m of mentions) {
    if (!m.entity && !m.derived && m.reason === 'NAME_PATTERN' && m.kind !== 'EVENT') {
      people.noteNewName(m);
      // "Data Center Justiz (DCJ)": the short form in brackets names it too.
      const short = /^\s*\((\p{Lu}[\p{L}-]{1,9})\)/u.exec(text.slice(m.end, m.end + 14))?.[1];
      if (short) people.noteNewName({ ...m, matched: short });
    }
    if (m.kind === 'PERSON' && m.office && m.office.titleClass !== 'ACADEMIC')
      people.noteOffice(m.office.titleClass, m);
    if (m.kind === 'ORGANIZATION' && !m.derived) people.noteBody(m);
    if ((m.kind === 'LAW' || m.kind === 'INITIATIVE') && !m.derived) people.noteThing(m);
  }
  /** A person named at a free place: the one of the graph with that id, or a new one found as `reason` says. */
  const addPerson = (name: string, at: { start: number; end: number }, reason: ProposalReason) => {
    if (mentions.some((m) => overlaps(m, at)) || blocked.some(([a, b]) => at.start < b && at.end > a)) return;
    const key = idFor('PERSON', name);
    const existing = index.byId(key);
    const entity = existing?.kind === 'PERSON' ? existing : null;
    const mention = personMention(key, entity?.name ?? name, entity, at, sentence, name);
    people.add(key, mention.name, entity);
    mentions.push({ ...mention, reason: entity ? 'NAME' : reason });
  };
  // "Jochen Flackus (Die Linke)", "Burkard Dregger von der CDU": a name before a party is a person's.
  for (const party of mentions.filter((m) => m.entity?.orgType === 'PARTY')) {
    const before = text.slice(Math.max(sentence.start, party.start - 80), party.start);
    const gap = /(?:\s*\(\s*|\s+von\s+der\s+)$/u.exec(before);
    if (!gap) continue;
    const name = nameAtEnd(before.slice(0, gap.index));
    if (!name) continue;
    const end = party.start - gap[0].length;
    addPerson(name, { start: end - name.length, end }, 'TITLE_PATTERN');
  }
  // "Den Vorsitz übernimmt Katrin Suder": a first name and a surname, without a title.
  for (const at of findNamedPeople(text, sentence.start, sentence.end)) addPerson(at.text, at, 'FIRST_NAME');
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const word of surnameCandidates(text, sentence, mentions, blocked)) {
    const seen = people.bySurname(word.folded);
    if (!seen) continue;
    mentions.push({
      ...personMention(seen.key, seen.name, seen.entity, word, sentence, text.slice(word.start, word.end)),
      reason: seen.entity ? 'NAME' : 'TITLE_PATTERN',
    });
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A body, law or programme found by the form of its name: the known entity of that name, or a new one. */
function namedByForm(
  text: string,
  sentence: Sentence,
  kind: EntityKind,
  found: { readonly name: string; readonly start: number; readonly end: number },
  type: string | null,
  entity: KnownEntity | null,
): Mention {
  return {
    key: entity?.id ?? idFor(kind, found.name),
    kind,
    name: entity?.name ?? found.name,
    type: entity ? null : type,
    entity,
    start: found.start,
    end: found.end,
    matched: text.slice(found.start, found.end).replace(/\s+/g, ' '),
    reason: entity ? 'NAME' : 'NAME_PATTERN',
    sentence,
    office: null,
    derived: false,
  };
}

function personMention(
  key: string,
  name: string,
  entity: KnownEntity | null,
  at: { start: number; end: number },
  sentence: Sentence,
  matched: string,
): Mention {
  return {
    key,
    kind: 'PERSON',
    name,
    entity,
    start: at.start,
    end: at.end,
    matched,
    reason: 'TITLE_PATTERN',
    sentence,
    office: null,
    derived: false,
  };
}

/** The person a titled name refers to: one the dictionary found there, a known surname, or someone new. */
function personFor(
  t: TitledName,
  mentions: Mention[],
  index: NameIndex,
  people: PeopleSeen,
  sentence: Sentence,
): Mention | null {
  const clashing = mentions.filter((m) => overlaps(m, t.name));
  if (clashing.some((m) => m.kind !== 'PERSON')) return null;
  const known = clashing[0];
  if (known) return known;
  let mention: Mention;
  if (t.nameWords < 2) {
    const seen = people.bySurname(foldGerman(t.name.text));
    if (!seen) return null;
    mention = personMention(seen.key, seen.name, seen.entity, t.name, sentence, t.name.text);
    if (seen.entity) mention = { ...mention, reason: 'NAME' };
  } else {
    const key = idFor('PERSON', t.name.text);
    const existing = index.byId(key);
    const entity = existing?.kind === 'PERSON' ? existing : null;
    mention = personMention(key, entity?.name ?? t.name.text, entity, t.name, sentence, t.name.text);
    people.add(key, mention.name, entity);
  }
  mentions.push(mention);
  return mention;
}

/** The office of a titled person, with where it is held when the office says so. */
function officeOf(t: TitledName, person: Mention, mentions: Mention[], index: NameIndex, sentence: Sentence): Office {
  const end = t.office?.end ?? t.titleSpan.end;
  const span = { text: `${t.titleSpan.text}${t.office ? ` ${t.office.text}` : ''}`, start: t.titleSpan.start, end };
  if (t.titleClass === 'ACADEMIC') return { title: t.title, titleClass: t.titleClass, span, role: null, target: null };
  const full = `${t.title}${t.office ? ` ${t.office.text}` : ''}`;
  // "Bitkom-Präsident": the body before the hyphen is where the office is held.
  const office = t.office ?? t.prefix ?? null;
  // "Präsident des Digitalverbands Bitkom": of the bodies the office names, one the graph knows, else the last.
  const bodies = office
    ? mentions.filter((m) => m !== person && (m.kind === 'ORGANIZATION' || m.kind === 'REGION') && overlaps(m, office))
    : [];
  let named = bodies.find((m) => m.entity !== null) ?? bodies.at(-1);
  // "Minister des Innern und für Kommunales des Landes Brandenburg": the Land's ministry of that portfolio.
  if (named?.entity?.level === 'LAND' && t.titleClass === 'MINISTER' && t.office) {
    const portfolio = t.office.text.slice(0, named.start - t.office.start);
    const ministry = index.renamedMinistry(`Ministerium ${portfolio}`, named.entity);
    if (ministry) {
      const derived: Mention = {
        ...named,
        key: ministry.id,
        kind: ministry.kind,
        name: ministry.name,
        entity: ministry,
        derived: true,
      };
      mentions.push(derived);
      named = derived;
    }
  }
  if (named && office) {
    const rest = `${office.text.slice(0, named.start - office.start)} ${office.text.slice(named.end - office.start)}`;
    const role = WORDS_OF_AN_OFFICE.test(rest) ? t.title : full;
    return { title: t.title, titleClass: t.titleClass, span, role, target: { mention: named, how: 'NAMED' } };
  }
  // "die Hamburger Justizsenatorin", "der bayerische Digitalminister": the Land the adjective names.
  const adjective = landAdjectiveBefore(sentence, t.titleSpan.start, index);
  if (adjective && !named) {
    const land: Mention = {
      key: adjective.land.id,
      kind: 'REGION',
      name: adjective.land.name,
      entity: adjective.land,
      start: adjective.start,
      end: adjective.end,
      matched: adjective.text,
      reason: 'REGION',
      sentence,
      office: null,
      derived: true,
    };
    mentions.push(land);
    // A senator, CIO or head of government holds the office at the Land; a minister at the Land's ministry of
    // the title's portfolio when the graph knows it ("Digitalminister": the Digitalministerium of that Land).
    if (t.titleClass === 'SENATOR' || t.titleClass === 'CIO' || t.titleClass === 'HEAD_OF_GOVERNMENT')
      return { title: t.title, titleClass: t.titleClass, span, role: full, target: { mention: land, how: 'NAMED' } };
    const ministry = t.titleClass === 'MINISTER' ? index.ministryOf(t.title, adjective.land) : null;
    if (ministry) return atMinistry(t, ministry, span, full, sentence, mentions);
  }
  // "Digitalminister" alone names no ministry: the graph's "Digitalministerium" may be another Land's.
  const ministry = t.titleClass === 'MINISTER' && t.office ? ministryOf(t, index) : null;
  if (!ministry) return { title: t.title, titleClass: t.titleClass, span, role: full, target: null };
  return atMinistry(t, ministry, span, full, sentence, mentions);
}

/** An office at the ministry its title names, which the text names only through that title. */
function atMinistry(
  t: TitledName,
  ministry: KnownEntity,
  span: Span,
  role: string,
  sentence: Sentence,
  mentions: Mention[],
): Office {
  const derived: Mention = {
    key: ministry.id,
    kind: ministry.kind,
    name: ministry.name,
    entity: ministry,
    start: span.start,
    end: span.end,
    matched: span.text,
    reason: 'TITLE_PATTERN',
    sentence,
    office: null,
    derived: true,
  };
  mentions.push(derived);
  return { title: t.title, titleClass: t.titleClass, span, role, target: { mention: derived, how: 'MINISTRY' } };
}

/** "Stadt Zeitz", "Gemeinde Barleben", "Landkreis Harz": a place named after what it is. */
const NEW_PLACE =
  /(?<![\p{L}\p{N}-])((?:[Ss]tadt|[Gg]emeinde|Samtgemeinde|Marktgemeinde|Landkreis|Kreis))\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}-])/gu;

/** The Land an adjective right before a title names ("der bayerische Digitalminister"), with where it stands. */
function landAdjectiveBefore(
  sentence: Sentence,
  titleStart: number,
  index: NameIndex,
): { land: KnownEntity; start: number; end: number; text: string } | null {
  const before = sentence.text.slice(0, titleStart - sentence.start);
  const m = /([\p{L}-]+)\s+$/u.exec(before);
  if (!m?.[1]) return null;
  const land = index.landOfAdjective(m[1]);
  if (!land) return null;
  const start = sentence.start + m.index;
  return { land, start, end: start + m[1].length, text: m[1] };
}

/** "Ministerin für Infrastruktur und Digitales" → the Ministerium für Infrastruktur und Digitales, if the graph has exactly one. */
function ministryOf(t: TitledName, index: NameIndex): KnownEntity | null {
  const base = t.title.replace(/(in|s)$/, '');
  const found = index
    .byName(`${base}ium${t.office ? ` ${t.office.text}` : ''}`)
    .filter((e) => e.kind === 'ORGANIZATION');
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** Capitalised words no other mention covers: candidates for a surname named earlier. */
function surnameCandidates(
  text: string,
  sentence: Sentence,
  mentions: readonly Mention[],
  blocked: ReadonlyArray<readonly [number, number]>,
): Array<{ folded: string; start: number; end: number }> {
  const out: Array<{ folded: string; start: number; end: number }> = [];
  const covered = mentions.filter((x) => !x.derived).sort((a, b) => a.start - b.start);
  const pattern = /\p{Lu}[\p{L}\p{M}'’-]*/gu;
  for (const m of scan(pattern, text, sentence.start, sentence.end)) {
    if (m.index > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[m.index - 1] ?? '')) continue;
    const at = { start: m.index, end: m.index + m[0].replace(/['’]$/, '').length };
    if (overlapsAny(covered, at) || blocked.some(([a, b]) => at.start < b && at.end > a)) {
      continue;
    }
    out.push({ folded: foldGerman(m[0]), ...at });
  }
  return out;
}

/** Words that say a sentence reports an event, with the noun it is named by and its type. */
const EVENT_CUES: ReadonlyArray<readonly [RegExp, string, 'MEETING' | 'DECISION' | 'OTHER']> = [
  [
    /\bkonstituierende[rn]?\s+Sitzung\b|\bkonstituierte[n]?\s+sich\b|\bsich\s+[^.;]{0,60}?konstituiert\b/u,
    'Konstituierende Sitzung',
    'MEETING',
  ],
  [/\b(?:Mitglieder|Verbands|Haupt)versammlung\b/u, '', 'MEETING'],
  [/\b(?:Fachkongress|Kongress|Konferenz|Tagung|Festakt)\b/u, '', 'MEETING'],
  [
    /\b(?:Sitzung|Treffen)\b|\b(?:tagte|tagten|trat(?:en)?\s+[^.;]{0,60}?zusammen|kam(?:en)?\s+[^.;]{0,60}?zusammen)\b/u,
    'Sitzung',
    'MEETING',
  ],
  [/\b(?:erste|zweite|dritte)n?\s+Lesung\b/u, '', 'DECISION'],
  [/\bverabschiede(?:t|te|ten)\b|\bVerabschiedung\b/u, 'Verabschiedung', 'DECISION'],
  [/\b(?:Kabinettsbeschluss|beschlossen|beschloss|Beschluss)\b/u, 'Beschluss', 'DECISION'],
  [/\b(?:unterzeichne(?:t|te|ten)|unterschrieben|Unterzeichnung)\b/u, 'Unterzeichnung', 'OTHER'],
  [/\b(?:stimmte[n]?\s+[^.;]{0,80}?zu|Zustimmung)\b/u, 'Zustimmung', 'DECISION'],
];

/**
 * The event a sentence reports, named by its noun and what it is of: "Konstituierende Sitzung des Digitalrats
 * Rheinland-Pfalz", "Verabschiedung des Bayerischen Digitalgesetzes" ("Sitzung: …" where the genitive is not
 * known). One per sentence, only where a body or a law
 * it concerns is named beside it; an event the graph holds is found by its name instead.
 */
function eventOf(text: string, sentence: Sentence, mentions: readonly Mention[]): Mention | null {
  if (mentions.some((m) => m.kind === 'EVENT')) return null;
  const words = text.slice(sentence.start, sentence.end);
  for (const [cue, noun, type] of EVENT_CUES) {
    const m = cue.exec(words);
    if (!m) continue;
    const law = mentions.find((x) => x.kind === 'LAW');
    const body = mentions.find(
      (x) =>
        x.kind === 'ORGANIZATION' &&
        ['COUNCIL', 'PARLIAMENT', 'ASSOCIATION'].includes(x.entity?.orgType ?? x.type ?? ''),
    );
    const anchor = type === 'DECISION' ? (law ?? body) : (body ?? law);
    if (!anchor) return null;
    const label = noun || m[0].replace(/\s+/g, ' ');
    const what = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
    const of = genitiveOf(anchor.name);
    const name = of ? `${what} ${of}` : `${what}: ${anchor.name}`;
    const start = sentence.start + m.index;
    return {
      key: idFor('EVENT', name),
      kind: 'EVENT',
      name,
      of: anchor.key,
      type,
      entity: null,
      start,
      end: start + m[0].length,
      matched: m[0],
      reason: 'NAME_PATTERN',
      sentence,
      office: null,
      derived: true,
    };
  }
  return null;
}

const ROLE_TITLES: ReadonlyArray<readonly [RegExp, TitleClass]> = [
  [/^(?:Minister|Ministerin|Ressortchef|Ressortchefin)$/u, 'MINISTER'],
  [/^(?:Staatssekretär|Staatssekretärin)$/u, 'STATE_SECRETARY'],
  [/^(?:CIO|CDO|IT-Beauftragte|IT-Beauftragter)$/u, 'CIO'],
  [/^(?:Präsident|Präsidentin)$/u, 'PRESIDENT'],
  [/^(?:Landrat|Landrätin)$/u, 'LANDRAT'],
  [/^(?:Oberbürgermeister|Oberbürgermeisterin|Bürgermeister|Bürgermeisterin)$/u, 'MAYOR'],
  [/^(?:Senator|Senatorin)$/u, 'SENATOR'],
  [/^(?:Vorsitzende|Verbandschef|Verbandschefin|Geschäftsführer|Geschäftsführerin)$/u, 'HEAD'],
  [/^(?:Ministerpräsident|Ministerpräsidentin|Regierungschef|Regierungschefin)$/u, 'HEAD_OF_GOVERNMENT'],
];
const ROLE_BODIES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(?:Gremium|Rat|Beirat|Ausschuss)$/u, ['COUNCIL']],
  [/^(?:Verband|Branchenverband)$/u, ['ASSOCIATION']],
  [/^(?:Ministerium|Haus|Ressort)$/u, ['MINISTRY']],
  [/^(?:Parlament|Landtag)$/u, ['PARLIAMENT']],
  [/^(?:Dienstleister|IT-Dienstleister)$/u, ['PUBLIC_IT_PROVIDER']],
];
const ROLE_REFERENCE =
  /(?<![\p{L}\p{N}-])(?:der|die|das|Der|Die|Das)\s+(?:(?:neue|bisherige|scheidende|amtierende)[rn]?\s+)?(\p{Lu}[\p{L}-]*)(?![\p{L}\p{N}-])/gu;

interface RoleReference {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly title: TitleClass | null;
  readonly thing: EntityKind | null;
  readonly bodyTypes: readonly string[];
}

const ROLE_THINGS: ReadonlyArray<readonly [RegExp, EntityKind]> = [
  [/^(?:Gesetz|Novelle|Gesetzentwurf|Entwurf)$/u, 'LAW'],
  [
    /^(?:App|Anwendung|Programm|Förderprogramm|Landesprogramm|Projekt|Plattform|Portal|Strategie|Vorhaben|Initiative)$/u,
    'INITIATIVE',
  ],
];

/** "die Ministerin", "das Gremium", "das Gesetz": a definite noun that refers back to someone or something named. */
function roleReferences(text: string, sentence: Sentence): RoleReference[] {
  const out: RoleReference[] = [];
  for (const m of scan(ROLE_REFERENCE, text, sentence.start, sentence.end)) {
    const noun = m[1] ?? '';
    // A role noun followed by a name is a title ("die Ministerin Anna Beispiel"), not a reference.
    if (
      /^\s+(?:\p{Lu}\p{Ll}+\s+\p{Lu}|für|des|der|„|")/u.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 30),
      )
    )
      continue;
    const title = ROLE_TITLES.find(([pattern]) => pattern.test(noun))?.[1] ?? null;
    const thing = title ? null : (ROLE_THINGS.find(([pattern]) => pattern.test(noun))?.[1] ?? null);
    const bodyTypes = title || thing ? [] : (ROLE_BODIES.find(([pattern]) => pattern.test(noun))?.[1] ?? []);
    if (!title && !thing && bodyTypes.length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], title, thing, bodyTypes });
  }
  return out;
}
