import { foldGerman, foldStems } from '../../../shared/fold.js';
import type { EntityKind } from '../../../shared/vocabulary.js';
import { scan } from './scan.js';

/**
 * Finds the graph's entities in text by their names and aliases. Text and
 * names are compared word by word after German folding (Hüskens = Hueskens),
 * so punctuation inside a name does not matter ("OZG-Umsetzung" = "OZG
 * Umsetzung") — except that a name never runs across a comma or full stop.
 * Abbreviations in capitals (MID, OZG) match only in capitals. German
 * inflection is allowed where it is regular: a genitive s/es on the last word
 * ("des Salzlandkreises", "des Digitalrats") and the ending of an adjective
 * before a noun ("der digitalen Infrastruktur" = Digitale Infrastruktur).
 */

export interface KnownEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Tell apart entities of the same name, e.g. the Stadt and the Landkreis Leipzig. */
  readonly orgType?: string | null;
  readonly level?: string | null;
  readonly kreisType?: string | null;
}

export interface NameMatch {
  readonly entity: KnownEntity;
  readonly field: 'NAME' | 'ALIAS';
  /** The name or alias that matched, as stored. */
  readonly form: string;
  readonly start: number;
  readonly end: number;
}

export interface Word {
  readonly raw: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

interface Form {
  readonly entity: KnownEntity;
  readonly field: 'NAME' | 'ALIAS';
  readonly text: string;
  readonly words: readonly Word[];
  /** Per word: an abbreviation that must match in capitals. */
  readonly caps: readonly boolean[];
  /** Per word: an adjective before a noun, whose ending may vary. */
  readonly adjective: readonly boolean[];
  /** Per gap between words: whether it holds a comma or the like. */
  readonly stops: readonly boolean[];
}

/** Folding is the cost of matching; articles repeat their words, so each is folded once. */
const folds = new Map<string, string>();
function fold(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    if (folds.size > 100_000) folds.clear();
    folded = foldGerman(word);
    folds.set(word, folded);
  }
  return folded;
}

/** Words of letters and digits with their offsets; a word folds to one or more folded words. */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  const pattern = /[\p{L}\p{M}\p{N}]+/gu;
  for (const match of scan(pattern, text, from, to)) {
    const start = match.index;
    const end = start + match[0].length;
    for (const folded of fold(match[0]).split(' ')) {
      if (folded !== '') words.push({ raw: match[0], folded, start, end });
    }
  }
  return words;
}

const STOP = /[,;:.!?]/;
const isCaps = (raw: string) => raw.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(raw) && /\p{Lu}/u.test(raw);
const startsUpper = (raw: string) => /^\p{Lu}/u.test(raw);
/** The stem of an adjective: digitale, digitalen, digitaler → digital. */
const adjectiveStem = (folded: string) => (folded.length >= 6 ? folded.replace(/(e|er|en|es|em)$/, '') : folded);

function formOf(entity: KnownEntity, field: 'NAME' | 'ALIAS', text: string): Form | null {
  const words = wordsOf(text);
  if (words.length === 0 || words.map((w) => w.folded).join('').length < 2) return null;
  return {
    entity,
    field,
    text,
    words,
    caps: words.map((w) => isCaps(w.raw)),
    adjective: words.map(
      (w, i) =>
        entity.kind !== 'PERSON' &&
        i < words.length - 1 &&
        /[eE](r|s)?$/.test(w.raw) &&
        w.folded.length >= 6 &&
        startsUpper(words[i + 1]?.raw ?? ''),
    ),
    stops: words.slice(1).map((w, i) => STOP.test(text.slice(words[i]?.end ?? 0, w.start))),
  };
}

/** Lookup keys of a text word: itself, without a genitive ending, as an adjective stem. */
function keysOf(folded: string): string[] {
  const keys = [folded, adjectiveStem(folded)];
  if (folded.endsWith('es')) keys.push(folded.slice(0, -2));
  if (folded.endsWith('s')) keys.push(folded.slice(0, -1));
  return keys;
}

/**
 * The portfolio a compound minister's title or ministry names, as the word before "minister": "head" as written
 * ("innen" of "Innenministerium"), "portfolio" as a ministry's full name has it ("inner" of "Ministerium des Innern").
 */
export function portfolioOf(word: string): { head: string; portfolio: string } | null {
  const head = /^(?:bundes|landes)?(\p{Ll}+?)s?minist/u.exec(foldGerman(word))?.[1];
  if (!head || head.length < 4) return null;
  return { head, portfolio: head === 'innen' ? 'inner' : head };
}

/** Words between "Ministerium" and its portfolios. */
const MINISTRY_LINKS = new Set(['fur', 'des', 'der', 'und', 'die']);

/** The first portfolio after "Ministerium" in a name's stems ("inner" of "ministerium fur inner und sport"). */
function firstPortfolio(stems: readonly string[]): string | null {
  const at = stems.indexOf('ministerium');
  if (at < 0) return null;
  return stems.slice(at + 1).find((w) => !MINISTRY_LINKS.has(w)) ?? null;
}

/** A Land's name as ids spell it: "mecklenburg-vorpommern". */
const slugOf = (land: KnownEntity) => foldGerman(land.name).replace(/\s+/g, '-');

/** Whether a folded name or id names the Land, with spaces or hyphens. */
const namesLand = (text: string, land: KnownEntity) =>
  text.includes(foldGerman(land.name)) || text.includes(slugOf(land));

/** Adjectives and demonyms of the Länder, folded and without their endings, with the Land's region id. */
const LAND_ADJECTIVES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^hamburger$/, 'region:02'],
  [/^berliner$/, 'region:11'],
  [/^bremer$/, 'region:04'],
  [/^(?:thuringer|thuringisch)$/, 'region:16'],
  [/^(?:brandenburger|brandenburgisch)$/, 'region:12'],
  [/^bayerisch$/, 'region:09'],
  [/^hessisch$/, 'region:06'],
  [/^niedersachsisch$/, 'region:03'],
  [/^sachsisch$/, 'region:14'],
  [/^saarlandisch$/, 'region:10'],
  [/^rheinland-pfalzisch$/, 'region:07'],
  [/^schleswig-holsteinisch$/, 'region:01'],
  [/^mecklenburg-vorpommersch$/, 'region:13'],
  [/^baden-wurttembergisch$/, 'region:08'],
  [/^nordrhein-westfalisch$/, 'region:05'],
  [/^sachsen-anhaltisch$/, 'region:15'],
];

export class NameIndex {
  readonly #byKey = new Map<string, Form[]>();
  readonly #byFolded = new Map<string, KnownEntity[]>();
  readonly #byId = new Map<string, KnownEntity>();
  /** The Länder, for telling one Land's bodies from another's. */
  readonly #lands: KnownEntity[] = [];
  /** Organisations by each of their names and aliases folded without inflection endings, built when first asked. */
  #organisationStems: Array<{ stems: string; words: readonly string[]; entity: KnownEntity }> | null = null;
  /** landOf's answers, by entity id. */
  readonly #landOf = new Map<string, KnownEntity | null>();

  constructor(entities: readonly KnownEntity[]) {
    for (const entity of entities) {
      this.#byId.set(entity.id, entity);
      if (entity.level === 'LAND') this.#lands.push(entity);
      const forms = [
        formOf(entity, 'NAME', entity.name),
        ...entity.aliases.map((alias) => formOf(entity, 'ALIAS', alias)),
      ];
      for (const form of forms) {
        if (!form) continue;
        const first = form.words[0]?.folded ?? '';
        for (const key of new Set([first, form.adjective[0] ? adjectiveStem(first) : first])) {
          const list = this.#byKey.get(key) ?? [];
          list.push(form);
          this.#byKey.set(key, list);
        }
        const folded = form.words.map((w) => w.folded).join(' ');
        const same = this.#byFolded.get(folded) ?? [];
        if (!same.includes(entity)) same.push(entity);
        this.#byFolded.set(folded, same);
      }
    }
  }

  byId(id: string): KnownEntity | null {
    return this.#byId.get(id) ?? null;
  }

  /** Entities whose name or an alias folds to exactly this text. */
  byName(text: string): KnownEntity[] {
    return this.#byFolded.get(foldGerman(text)) ?? [];
  }

  /** The Land an organisation's name or id names ("Digitalrat Sachsen-Anhalt" → Sachsen-Anhalt), the longest that fits. */
  landOf(entity: KnownEntity): KnownEntity | null {
    const cached = this.#landOf.get(entity.id);
    if (cached !== undefined) return cached;
    const text = `${foldGerman(entity.name)} ${entity.id}`;
    let best: KnownEntity | null = null;
    for (const land of this.#lands) {
      if (namesLand(text, land) && land.name.length > (best?.name.length ?? 0)) best = land;
    }
    this.#landOf.set(entity.id, best);
    return best;
  }

  /** Whether an organisation's name or id names a Land other than this one ("Digitalrat Sachsen-Anhalt"). */
  ofOtherLand(entity: KnownEntity, land: KnownEntity): boolean {
    // "Sachsen-Anhalt" names no other Land for containing "Sachsen".
    const own = foldGerman(land.name);
    const text = `${foldGerman(entity.name)} ${entity.id}`.replaceAll(own, ' ').replaceAll(slugOf(land), ' ');
    return this.#lands.some((other) => other.id !== land.id && namesLand(text, other));
  }

  /** The Land an adjective or demonym names ("bayerische", "Hamburger", "Niedersächsisches"), if any. */
  landOfAdjective(word: string): KnownEntity | null {
    const folded = foldGerman(word).replace(/(?<=isch)(?:e|en|er|es|em)$/u, '');
    const id = LAND_ADJECTIVES.find(([form]) => form.test(folded))?.[1];
    const land = id ? this.byId(id) : null;
    return land?.level === 'LAND' ? land : null;
  }

  /**
   * The ministry a bare compound ("Innenministerium", "Finanzministeriums") names in an article about one Land:
   * the one of that portfolio whose id or name names the Land. Null when none or several fit.
   */
  ministryOf(compound: string, land: KnownEntity): KnownEntity | null {
    const named = portfolioOf(compound);
    if (!named) return null;
    const { head, portfolio } = named;
    const landSlug = land.id.startsWith('region:') ? slugOf(land) : '';
    const found = new Set<KnownEntity>();
    for (const entity of this.#byId.values()) {
      if (entity.kind !== 'ORGANIZATION' || entity.orgType !== 'MINISTRY') continue;
      const name = foldGerman(entity.name);
      const ofPortfolio = name.includes(portfolio) || entity.id.includes(`${head}ministerium`);
      const ofLand = entity.id.endsWith(`-${landSlug}`) || name.includes(foldGerman(land.name));
      if (ofPortfolio && ofLand) found.add(entity);
    }
    return found.size === 1 ? ([...found][0] ?? null) : null;
  }

  /**
   * "Landtag Bayern", "Digitalrat Sachsen-Anhalt": the one organisation of the Land named last whose name or an
   * alias has the head's stem ("landtag"), when the graph holds it under another form. Null when none or several.
   */
  bodyOfLand(name: string): KnownEntity | null {
    const land = this.#lands.find((l) => name.endsWith(` ${l.name}`));
    if (!land) return null;
    const head = foldStems(name.slice(0, -land.name.length)).trim();
    if (head.includes(' ') || head.length < 5) return null;
    const landSlug = `-${slugOf(land)}`;
    const found = new Set<KnownEntity>();
    for (const { words, entity } of this.#organisationForms()) {
      // The head is what it is ("Bayerischer Landtag"), not what it is part of ("Fraktion der … im Landtag").
      if (!entity.id.endsWith(landSlug) || words.length > 3) continue;
      if (words.at(-1)?.endsWith(head) || words[0]?.endsWith(head)) found.add(entity);
    }
    return found.size === 1 ? ([...found][0] ?? null) : null;
  }

  /**
   * A ministry named in full under a name the graph does not hold ("Niedersächsisches Ministerium für Inneres,
   * Sport und Digitalisierung" after a portfolio was added): the one ministry of the same Land — the one its
   * adjective or the article names — whose name has the same first portfolio. Null when none or several fit.
   */
  renamedMinistry(name: string, context: KnownEntity | null): KnownEntity | null {
    const words = name.split(/\s+/);
    const portfolio = firstPortfolio(foldStems(name).split(' '));
    if (!portfolio) return null;
    // "Niedersächsisches Ministerium …": the Land its adjective names, else the one the article is about.
    const land = (words.length > 1 && this.landOfAdjective(words[0] ?? '')) || context;
    if (!land) return null;
    const landName = foldStems(land.name);
    const landSlug = `-${slugOf(land)}`;
    const found = new Set<KnownEntity>();
    for (const { stems, words: known, entity } of this.#organisationForms()) {
      if (entity.orgType !== 'MINISTRY') continue;
      const ofLand =
        entity.id.endsWith(landSlug) || stems.includes(landName) || this.landOfAdjective(known[0] ?? '') === land;
      if (ofLand && firstPortfolio(known) === portfolio) found.add(entity);
    }
    return found.size === 1 ? ([...found][0] ?? null) : null;
  }

  /**
   * Organisations whose name or an alias begins with this name, its words without their inflection endings:
   * "Ministerium für Energie, Infrastruktur und Digitalisierung" is the one "… des Landes Mecklenburg-Vorpommern".
   */
  organisationsStartingWith(text: string): KnownEntity[] {
    const wanted = foldStems(text);
    if (wanted.split(' ').length < 2) return [];
    const found = new Set<KnownEntity>();
    for (const { stems, entity } of this.#organisationForms()) {
      if (stems === wanted || stems.startsWith(`${wanted} `)) found.add(entity);
    }
    return [...found];
  }

  /** Every name and alias of every organisation, folded without inflection endings: built once per index. */
  #organisationForms(): ReadonlyArray<{ stems: string; words: readonly string[]; entity: KnownEntity }> {
    this.#organisationStems ??= [...this.#byId.values()]
      .filter((e) => e.kind === 'ORGANIZATION')
      .flatMap((entity) =>
        [entity.name, ...entity.aliases].map((name) => {
          const stems = foldStems(name);
          return { stems, words: stems.split(' '), entity };
        }),
      );
    return this.#organisationStems;
  }

  /**
   * Entities named in text[from, to), longest first, without overlaps: at each
   * word the longest name that starts there wins and the search goes on after it.
   */
  match(text: string, from: number, to: number, blocked: ReadonlyArray<readonly [number, number]> = []): NameMatch[] {
    const words = wordsOf(text, from, to).filter((w) => !blocked.some(([a, b]) => w.start < b && w.end > a));
    const found: NameMatch[] = [];
    for (let i = 0; i < words.length; ) {
      const best = this.#best(text, words, i);
      if (!best) {
        i += 1;
        continue;
      }
      const last = words[i + best.length - 1]?.end ?? 0;
      // "Bernburg (Saale)": a name that ends in a bracket takes the bracket along.
      const end = /[)\]]$/.test(best.form.text) && /[)\]]/.test(text[last] ?? '') && last < to ? last + 1 : last;
      found.push({
        entity: best.form.entity,
        field: best.form.field,
        form: best.form.text,
        start: words[i]?.start ?? 0,
        end,
      });
      i += best.length;
    }
    return found;
  }

  #best(text: string, words: readonly Word[], i: number): { form: Form; length: number } | null {
    const first = words[i];
    if (!first) return null;
    const candidates = new Set(keysOf(first.folded).flatMap((key) => this.#byKey.get(key) ?? []));
    let best: { form: Form; length: number; rank: number[] } | null = null;
    for (const form of candidates) {
      const exact = matches(text, form, words, i);
      if (exact === null) continue;
      const length = form.words.length;
      const surface = text.slice(first.start, words[i + length - 1]?.end ?? first.end).replace(/\s+/g, ' ');
      const rank = [
        length,
        surface === form.text ? 1 : 0,
        exact ? 1 : 0,
        form.field === 'NAME' ? 1 : 0,
        regionPreference(form.entity, text.slice(Math.max(0, first.start - 30), first.start)),
      ];
      if (!best || isBetter(rank, best.rank, form.entity.id, best.form.entity.id)) best = { form, length, rank };
    }
    return best;
  }
}

/** Whether `form` matches the words from `i`: null if not, true if exactly, false if inflected. */
function matches(text: string, form: Form, words: readonly Word[], i: number): boolean | null {
  let exact = true;
  for (let j = 0; j < form.words.length; j += 1) {
    const word = words[i + j];
    const expected = form.words[j];
    if (!word || !expected) return null;
    if (j > 0) {
      const previous = words[i + j - 1];
      if (!previous || previous.end > word.start) return null;
      if (STOP.test(text.slice(previous.end, word.start)) !== form.stops[j - 1]) return null;
    }
    const isLast = j === form.words.length - 1;
    if (form.caps[j]) {
      if (word.raw !== expected.raw && !(isLast && word.raw === `${expected.raw}s`)) return null;
      if (word.raw !== expected.raw) exact = false;
      continue;
    }
    if (startsUpper(expected.raw) && !form.adjective[j] && !startsUpper(word.raw)) return null;
    // "IT-UNION" in capitals is a name of its own, not the alias "Union".
    if (isCaps(word.raw) && word.raw.length >= 3 && !isCaps(expected.raw)) return null;
    if (word.folded === expected.folded) continue;
    exact = false;
    const genitive =
      isLast &&
      expected.folded.length >= 3 &&
      (word.folded === `${expected.folded}s` || word.folded === `${expected.folded}es`) &&
      text[word.end] !== '-';
    const adjective = form.adjective[j] && adjectiveStem(word.folded) === adjectiveStem(expected.folded);
    if (!genitive && !adjective) return null;
  }
  return exact;
}

/**
 * Of two regions with the same name (Leipzig the city, Leipzig the Landkreis):
 * after "Landkreis" or "Kreis" the Kreis, otherwise the city, as a bare place
 * name in the news usually means the city.
 */
function regionPreference(entity: KnownEntity, before: string): number {
  if (entity.kind !== 'REGION') return 0;
  const isCity = entity.level === 'GEMEINDE' || /stadt/i.test(entity.kreisType ?? '');
  const afterKreis = /(Land)?[Kk]reis(es)?\s+$/.test(before);
  return afterKreis ? (isCity ? 0 : 1) : isCity ? 1 : 0;
}

function isBetter(rank: number[], other: number[], id: string, otherId: string): boolean {
  for (let k = 0; k < rank.length; k += 1) {
    if ((rank[k] ?? 0) !== (other[k] ?? 0)) return (rank[k] ?? 0) > (other[k] ?? 0);
  }
  return id < otherId;
}
