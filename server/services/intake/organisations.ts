import type { OrgType } from '../../../shared/vocabulary.js';
import { scan } from './scan.js';

/**
 * Organisations the graph does not know yet, found by the form of their names: a head noun that says what a
 * body is ("Landesamt", "Ministerium", "Zweckverband", "Städtetag", "Digitalrat") with the adjectives before it
 * and what it is of after it ("für Statistik und Kommunikationstechnologie", "des Landes Brandenburg"), or a
 * company's legal form ("Esatus AG", "KID Magdeburg GmbH"). The name is given as the article writes it, with
 * an inflected head put back in the nominative where that is plain ("des Landesbetriebs" → "Landesbetrieb").
 */

export interface FoundOrganisation {
  readonly name: string;
  readonly orgType: OrgType;
  readonly start: number;
  readonly end: number;
}

/** Head nouns (as the last part of a compound) and the kind of body each names, in order of precedence. */
const HEADS: ReadonlyArray<readonly [OrgType, string]> = [
  ['PARLIAMENT', 'landtag|bundestag|bundesrat|bürgerschaft|abgeordnetenhaus'],
  ['PARTY', 'fraktion'],
  ['MINISTRY', 'ministerium|senatsverwaltung'],
  ['ADMINISTRATION', 'kanzlei|kanzleramt|bezirksamt|landratsamt|stadtverwaltung|kreisverwaltung|verwaltung'],
  ['PUBLIC_IT_PROVIDER', 'rechenzentrum|datenzentrale|landesbetrieb|it-dienstleister'],
  ['COUNCIL', 'beirat|rat|ausschuss|kommission|konferenz|gremium|kooperationsrat|planungsrat'],
  [
    'ASSOCIATION',
    'verband|zweckverband|städtetag|landkreistag|gemeindetag|gemeindebund|verein|genossenschaft|gewerkschaft',
  ],
  ['AUTHORITY', 'amt|agentur|behörde|anstalt|kriminalamt|aufsicht|zentrale'],
  ['OTHER', 'institut|universität|hochschule|akademie|stiftung|zentrum'],
  ['LAB', 'lab|labor'],
];
const HEAD_SOURCE = HEADS.map(([, source]) => source).join('|');
/** A head on its own ("Landtag") or as the end of a compound ("Landeskriminalamt"). */
const HEAD_CAPITALISED = HEAD_SOURCE.split('|')
  .map((h) => `${h.charAt(0).toUpperCase()}${h.slice(1)}`)
  .join('|');
/** Genitive and dative endings a head takes after "des", "dem" … */
const HEAD_ENDING = '(?:es|s|e|en)?';
const ADJECTIVE = '\\p{Lu}[\\p{Ll}\\p{M}-]*(?:e|en|er|es|em)';
/** What a body is of: "für Inneres, Sport und Digitalisierung", "des Landes Brandenburg", "Mecklenburg-Vorpommern". */
const COMPLEMENT_WORD = '(?:\\p{Lu}[\\p{L}\\p{M}\\p{N}.-]*|digitale[rn]?|öffentliche[rn]?|elektronische[rn]?)';
/** "das Innenministerium von Minister Uwe Schünemann": a person after "von" is whose it is, not its name. */
const OF_PERSON = /^\s+(?:von|vom)\s+[\p{L}-]*?(?:minister|präsident|senator|sekretär|bürgermeister|chef|leiter)/iu;

/** The sentence's full stop is not part of a name's last word; an abbreviation's ("e.V.", "St.") is. */
function withoutFullStop(complement: string): string {
  const last = complement.split(/\s+/).at(-1) ?? '';
  return /\.$/u.test(last) && !/\.[^.]*\./u.test(last) && !/^\p{Lu}\p{Ll}?\.$/u.test(last)
    ? complement.slice(0, -1)
    : complement;
}

/** "Die Verwaltungen von …", "die Ministerien": several bodies, not the name of one. */
const PLURAL_HEAD = /(?:ungen|ien|räte|ämter|behörden|stellen|agenturen|ionen|kammern)$/u;

/** The Länder, whose names follow a body's without a preposition: "Digitalrat Rheinland-Pfalz". */
const LAENDER =
  'Baden-Württemberg|Bayern|Berlin|Brandenburg|Bremen|Hamburg|Hessen|Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz|Saarland|Sachsen-Anhalt|Sachsen|Schleswig-Holstein|Thüringen';
const COMPLEMENT =
  `(?:\\s+(?:für|des|der|in|von|im)\\s+(?:(?:das|die|den|dem|des|der)\\s+)?${COMPLEMENT_WORD}` +
  // "des Landes und der Kommunen", "des Innern und für Sport", "der Finanzen, für Landesentwicklung und Heimat":
  // a second genitive or portfolio joined by "und" or a comma.
  `(?:(?:\\s*,\\s*(?:für\\s+)?|\\s+(?:und|sowie)\\s+(?:(?:der|des|dem|den|für)\\s+)?|\\s+)${COMPLEMENT_WORD}){0,5}|\\s+(?:${LAENDER})(?![\\p{L}\\p{N}-]))?`;
const BODY = new RegExp(
  // "Städte- und Gemeindetag": a first compound joined by "und" is part of the head.
  `(?<![\\p{L}\\p{N}-])((?:${ADJECTIVE}\\s+){0,2})((?:\\p{Lu}\\p{Ll}+-\\s+und\\s+)?(?:\\p{Lu}[\\p{L}\\p{M}-]*?(?:${HEAD_SOURCE})|${HEAD_CAPITALISED})${HEAD_ENDING})(?![\\p{L}\\p{N}-])(${COMPLEMENT})`,
  'gu',
);
const COMPANY =
  /(?<![\p{L}\p{N}-])((?:\p{Lu}[\p{L}\p{M}\p{N}.&-]*\s+){0,3}\p{Lu}[\p{L}\p{M}\p{N}.&-]*)\s+(GmbH|AG|SE|eG|KG|gGmbH|e\.\s?V\.)(?![\p{L}])/gu;

/** Words that start a sentence or a clause, never a name. */
const NOT_NAMES = new Set(
  'Der Die Das Dem Den Des Ein Eine Einen Einem Einer Im In Am An Auf Aus Bei Beim Mit Nach Von Vom Vor Zu Zum Zur Für Über Unter Und Oder Auch Dabei Damit Nun Seit Als Wie Laut'.split(
    ' ',
  ),
);
/** Single words that name one body: a federal or Land authority, a ministry, a parliament. */
const STANDALONE =
  /^(?:(?:Bundes|Landes|Staats)\p{L}*(?:amt|agentur|anstalt|kanzlei|zentrale|behörde|betrieb)|\p{L}*ministerium|Landtag|Bundestag|Bundesrat|Bundeskanzleramt|Staatskanzlei|\p{L}+rechenzentrum)$/u;

/** Nouns that say what a company is, before its name. */
const COMMON_NOUN = /(?:unternehmen|konzern|firma|dienstleister|anbieter|tochter|beratung|hersteller|gruppe)$/iu;
/** Words too general to be a body's name on their own: "das Amt", "der Rat", "die Verwaltung". */
const TOO_GENERAL =
  /^(?:amt|rat|ausschuss|verband|verwaltung|institut|zentrum|agentur|behörde|anstalt|gremium|kommission|konferenz|verein|zentrale|aufsicht|lab|labor|fraktion|stiftung|akademie|hochschule|universität|landesverwaltung|bundesverwaltung|kommunalverwaltung|stadtverwaltung)(?:es|s|e|en)?$/iu;

function typeOf(head: string): OrgType {
  const folded = head.toLowerCase();
  for (const [type, source] of HEADS) {
    if (new RegExp(`(?:${source})${HEAD_ENDING}$`, 'u').test(folded)) return type;
  }
  return 'OTHER';
}

/** The head in the nominative: "Landesbetriebs" → "Landesbetrieb", "Städtetages" → "Städtetag". */
function nominative(head: string): string {
  return head.replace(
    /(tag|rat|amt|betrieb|verband|ausschuss|institut|zentrum|gremium|ministerium|labor?)(?:es|s)$/u,
    '$1',
  );
}

/**
 * "Plauener", "Kieler", "Münchner": a place's name with -er, which does not decline ("das Plauener Landratsamt"),
 * unlike adjectives ("Sächsischer", "Digitaler", "Öffentlicher").
 */
const PLACE_DEMONYM = /^\p{Lu}\p{L}*(?<!isch|lich|al|ell|iv|ig|sch|eu|ei|ar|or|ur)er$/u;

/** Adjectives before the head in the nominative after "der"/"die": "Niedersächsischen Landtag" → "Niedersächsischer". */
function adjectivesFor(adjectives: string, head: string): string {
  const words = adjectives.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const feminine =
    /(?:kanzlei|verwaltung|agentur|behörde|anstalt|kommission|konferenz|universität|hochschule|akademie|stiftung|genossenschaft|gewerkschaft|aufsicht|zentrale|senatsverwaltung|fraktion|datenzentrale)$/u.test(
      head.toLowerCase(),
    );
  const neuter = /(?:ministerium|amt|institut|zentrum|gremium|rechenzentrum|lab|labor|abgeordnetenhaus)$/u.test(
    head.toLowerCase(),
  );
  const ending = feminine ? 'e' : neuter ? 'es' : 'er';
  return `${words.map((w) => (PLACE_DEMONYM.test(w) ? w : w.replace(/(?:e|en|er|es|em)$/u, ending))).join(' ')} `;
}

/** Every organisation named by the form of its name in text[from, to). */
export function findOrganisations(text: string, from: number, to: number): FoundOrganisation[] {
  const found: FoundOrganisation[] = [];
  for (const m of scan(BODY, text, from, to)) {
    const [, adjectives = '', head = '', complement = ''] = m;
    if (NOT_NAMES.has(head) || PLURAL_HEAD.test(head)) continue;
    const trimmed = OF_PERSON.test(complement)
      ? ''
      : withoutFullStop(complement.replace(/(?:\s*,\s*|\s+(?:und|sowie)\s+|\s+)$/u, ''));
    const keepAdjectives = adjectives
      .trim()
      .split(/\s+/)
      .filter((w) => w && !NOT_NAMES.has(w));
    const adjectiveText = keepAdjectives.join(' ');
    if (TOO_GENERAL.test(head) && !adjectiveText && !trimmed) continue;
    // One word alone is a body only where its form says which: "Landeskriminalamt", "Bundesgesundheitsministerium".
    if (!adjectiveText && !trimmed && !STANDALONE.test(nominative(head))) continue;
    const begin = adjectiveText ? m.index + adjectives.indexOf(adjectiveText) : m.index + adjectives.length;
    const end = m.index + adjectives.length + head.length + trimmed.length;
    const base = nominative(head);
    const name = `${adjectivesFor(adjectiveText, base)}${base}${trimmed}`.replace(/\s+/g, ' ').trim();
    found.push({ name, orgType: typeOf(base), start: begin, end });
  }
  for (const m of scan(COMPANY, text, from, to)) {
    const words = (m[1] ?? '').split(/\s+/);
    // "die Esatus AG", "Tochterunternehmen Digital Enabling GmbH": articles and what a company is are not its name.
    while (words.length > 1 && (NOT_NAMES.has(words[0] ?? '') || COMMON_NOUN.test(words[0] ?? ''))) words.shift();
    // "der Kommunalen IT-UNION eG", "der Deutschen Telekom AG": the name's adjective in the nominative.
    const first = words[0] ?? '';
    if (/^\p{Lu}\p{Ll}*(?:al|isch|lich|ig|sch)en$/u.test(first) && words.length > 1) words[0] = first.slice(0, -1);
    const name = `${words.join(' ')} ${m[2]}`;
    const start = m.index + m[0].length - name.length;
    if (found.some((f) => f.start < m.index + m[0].length && start < f.end)) continue;
    found.push({ name, orgType: 'COMPANY', start, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Laws and agreements the graph does not know, by the form of their names. */
export interface FoundLaw {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const LAW_HEADS = 'gesetz|staatsvertrag|verwaltungsvereinbarung|verwaltungsabkommen|dachabkommen|abkommen|verordnung';
const LAW_HEADS_CAPITALISED = LAW_HEADS.split('|')
  .map((h) => `${h.charAt(0).toUpperCase()}${h.slice(1)}`)
  .join('|');
const LAW_COMPLEMENT =
  `(?:\\s+(?:über|zur|zum|für|des|der)\\s+(?:(?:den|die|das|dem|des|der)\\s+)?${COMPLEMENT_WORD}` +
  `(?:(?:\\s*,\\s*|\\s+(?:und|sowie|zu|zur|des|der|in)\\s+|\\s+)${COMPLEMENT_WORD}){0,6})?`;
const LAW = new RegExp(
  `(?<![\\p{L}\\p{N}-])((?:${ADJECTIVE}\\s+){0,2})((?:\\p{Lu}[\\p{L}\\p{M}\\p{N}-]*?(?:${LAW_HEADS})|\\p{Lu}[\\p{L}\\p{M}\\p{N}-]*-(?:${LAW_HEADS_CAPITALISED})|${LAW_HEADS_CAPITALISED})(?:es|s)?)(?![\\p{L}\\p{N}-])(${LAW_COMPLEMENT})`,
  'gu',
);
/** A law's name needs more than the word "Gesetz": a compound ("Digitalgesetz") or what it is about. */
const BARE_LAW = /^(?:Gesetz|Abkommen|Verordnung|Gesetzentwurf|Änderungsgesetz)(?:es|s)?$/u;

/** A space and a word in CamelCase ("GovData") or capitals ("ELSTER"), which is a name, not a German word. */
const PROPER_NAME_AFTER = /^\s(?:\p{Lu}+\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{Lu}{3,}[\p{Lu}\p{N}-]*)(?![\p{L}\p{N}-])/u;

/** Every law or agreement named by the form of its name in text[from, to). */
export function findLaws(text: string, from: number, to: number): FoundLaw[] {
  const found: FoundLaw[] = [];
  for (const m of scan(LAW, text, from, to)) {
    const [, adjectives = '', head = '', complement = ''] = m;
    const stated = withoutFullStop(complement.replace(/(?:\s*,\s*|\s+(?:und|sowie|zu|zur|des|der|in)\s+|\s+)$/u, ''));
    // "die Verwaltungsvereinbarung GovData": a name no German word has the form of belongs to the agreement's.
    const headEnd = m.index + adjectives.length + head.length;
    const trimmed = stated || (PROPER_NAME_AFTER.exec(text.slice(headEnd, to))?.[0] ?? '');
    if (BARE_LAW.test(head) && !trimmed) continue;
    const kept = adjectives
      .trim()
      .split(/\s+/)
      .filter((w) => w && !NOT_NAMES.has(w));
    const adjectiveText = kept.join(' ');
    const begin = adjectiveText ? m.index + adjectives.indexOf(adjectiveText) : m.index + adjectives.length;
    const base = head.replace(/(gesetz|vertrag|abkommen)(?:es|s)$/u, '$1');
    const neuter = /(?:gesetz|abkommen)$/u.test(base);
    const ending = neuter ? 'es' : /vertrag$/u.test(base) ? 'er' : 'e';
    const adjective = kept.map((w) => w.replace(/(?:e|en|er|es|em)$/u, ending)).join(' ');
    const name = `${adjective ? `${adjective} ` : ''}${base}${trimmed}`.replace(/\s+/g, ' ').trim();
    found.push({ name, start: begin, end: m.index + adjectives.length + head.length + trimmed.length });
  }
  return found;
}

/** Programmes, projects and platforms the graph does not know, by the word that says what they are. */
export interface FoundInitiative {
  readonly name: string;
  readonly initiativeType: 'PROGRAMME' | 'PROJECT';
  readonly start: number;
  readonly end: number;
}

const PROGRAMME_NOUN =
  '(?:Förderprogramm|Landesprogramm|Bundesprogramm|Sonderprogramm|Programm|Modellprojekt|Pilotprojekt|Projekt|Vorhaben|Initiative)';
/** "Förderprogramm „Digitales Rathaus“", "Projekt Digital-Lotsen-Sachsen": the name after the noun. */
const NAMED_PROGRAMME = new RegExp(
  `(?<![\\p{L}\\p{N}-])${PROGRAMME_NOUN}(?:es|s)?\\s+(?:„([^“”"]{3,80})[“”"]|"([^"]{3,80})"|((?:\\p{Lu}[\\p{L}\\p{N}@.-]*)(?:\\s+\\p{Lu}[\\p{L}\\p{N}@.-]*){0,2}))`,
  'gu',
);
/** "die Corona-Warn-App", "das MV-Serviceportal", "die Bildungsplattform SCHULE@BW". */
const PRODUCT =
  /(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*-(?:App|Portal|Plattform|Wallet|Cloud))(?![\p{L}\p{N}-])/gu;

/** A short form in brackets: "(DCJ)", "(VeRA)". */
const SHORT_FORM = /\s\((\p{Lu}[\p{L}]{1,7})\)/gu;
/** Words that may stand between the words a short form abbreviates. */
const LINK_WORDS = new Set(['für', 'der', 'des', 'und', 'im', 'in', 'von', 'zur', 'zum']);

/**
 * The words right before a short form whose capitalised initials spell its capitals ("Data Center Justiz" for
 * DCJ, "Verfahrensübergreifendes Recherche- und Analysesystem" for VeRA), or null.
 */
function expandedBy(before: string, short: string): string | null {
  const letters = short.replace(/\P{Lu}/gu, '');
  if (letters.length < 2) return null;
  const words = before.split(/(?<=\s)/u);
  let used = 0;
  let initials = '';
  for (let i = words.length - 1; i >= 0 && used < 8; i -= 1) {
    const word = (words[i] ?? '').trim().replace(/-$/u, '');
    used += 1;
    if (LINK_WORDS.has(word)) continue;
    if (!/^\p{Lu}/u.test(word)) return null;
    initials = `${word.charAt(0)}${initials}`;
    if (initials === letters) return words.slice(i).join('').trim();
    if (!letters.endsWith(initials)) return null;
  }
  return null;
}

/** "das Open-Data-Portal GovData", "die App ELSTER": what a thing is, then a name no German word has the form of. */
const NAMED_PLATFORM =
  /(?<![\p{L}\p{N}])(?:\p{L}[\p{L}\p{N}]*-)*(?:Portal|Datenportal|Plattform|App|Anwendung|Software|Onlinedienst|Dienst)\s+(\p{Lu}+\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{Lu}{3,}[\p{Lu}\p{N}@.-]*)(?![\p{L}\p{N}-])/gu;

/** "eine Smartphone-App", "ein Online-Portal": what kind of thing, not a name. */
const GENERIC_PRODUCT =
  /^(?:Smartphone|Handy|Mobil|Web|Online|Internet|Bürger|Service|Daten|Verwaltungs|Lern)-(?:App|Portal|Plattform|Cloud)$/u;

/** Every programme or project named in text[from, to). */
export function findInitiatives(text: string, from: number, to: number): FoundInitiative[] {
  const found: FoundInitiative[] = [];
  for (const m of scan(NAMED_PROGRAMME, text, from, to)) {
    const name = withoutFullStop((m[1] ?? m[2] ?? m[3] ?? '').trim());
    if (!name || NOT_NAMES.has(name.split(/\s+/)[0] ?? '')) continue;
    const programme = /programm/iu.test(m[0].slice(0, m[0].length - name.length));
    const start = m.index + m[0].lastIndexOf(name);
    found.push({ name, initiativeType: programme ? 'PROGRAMME' : 'PROJECT', start, end: start + name.length });
  }
  // "Data Center Justiz (DCJ)": capitalised words whose initials the short form in brackets after them spells.
  for (const m of scan(SHORT_FORM, text, from, to)) {
    const short = m[1] ?? '';
    const before = text.slice(Math.max(from, m.index - 120), m.index);
    const expansion = expandedBy(before, short);
    if (!expansion) continue;
    const start = m.index - expansion.length;
    if (found.some((f) => f.start < m.index && start < f.end)) continue;
    found.push({ name: expansion, initiativeType: 'PROJECT', start, end: m.index });
  }
  // What a named platform is ("Open-Data-Portal" before "GovData") is not a second one.
  const described: Array<readonly [number, number]> = [];
  for (const m of scan(NAMED_PLATFORM, text, from, to)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    if (found.some((f) => f.start < start + name.length && start < f.end)) continue;
    found.push({ name, initiativeType: 'PROJECT', start, end: start + name.length });
    described.push([m.index, start]);
  }
  for (const m of scan(PRODUCT, text, from, to)) {
    const name = m[1] ?? '';
    if (GENERIC_PRODUCT.test(name)) continue;
    if (described.some(([a, b]) => a < m.index + name.length && m.index < b)) continue;
    if (found.some((f) => f.start < m.index + name.length && m.index < f.end)) continue;
    found.push({ name, initiativeType: 'PROJECT', start: m.index, end: m.index + name.length });
  }
  return found.sort((a, b) => a.start - b.start);
}
