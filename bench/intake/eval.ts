import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildSeed, readSeedFiles } from '../../seed/load.js';
import {
  type IntakeDictionary,
  IntakeIndex,
  type IntakeProposal,
  proposeFacts,
} from '../../server/services/intake/read.js';
import { foldGerman, foldStems } from '../../shared/fold.js';
import {
  DATE_QUALIFIERS,
  ENTITY_KINDS,
  EVENT_TYPES,
  INITIATIVE_TYPES,
  kindOfId,
  ORG_TYPES,
  RELATION_TYPES,
  relationAllowed,
} from '../../shared/vocabulary.js';

/**
 * The intake's evaluation set: short German news articles written in our own words, each stating real facts
 * from the public pages it lists, with the facts a careful editor records from it (the gold facts). The
 * evaluation runs the intake on each article against the seed graph and scores what it proposes.
 */

export const EVAL_DIR = fileURLToPath(new URL('./articles/', import.meta.url));

export const STYLES = [
  'appointment',
  'departure',
  'meeting',
  'legislation',
  'funding',
  'cooperation',
  'contract',
  'statement',
] as const;

/** YAML reads a bare year as a number: 2011 and "2011" are the same date here. */
const PartialDate = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
);
const Qualifier = z.enum(DATE_QUALIFIERS);

const NewEntity = z
  .object({
    name: z.string().min(2),
    kind: z.enum(ENTITY_KINDS).refine((k) => k !== 'ARTICLE', 'an article is not an entity the text names'),
    orgType: z.enum(ORG_TYPES).optional(),
    eventType: z.enum(EVENT_TYPES).optional(),
    initiativeType: z.enum(INITIATIVE_TYPES).optional(),
    aliases: z.array(z.string().min(2)).default([]),
    date: PartialDate.optional(),
    match: z.array(z.array(z.string().min(2)).min(1)).default([]),
  })
  .strict();

const GoldFact = z
  .object({
    type: z.enum(RELATION_TYPES),
    from: z.string(),
    to: z.string(),
    role: z.string().optional(),
    validFrom: PartialDate.optional(),
    validFromQualifier: Qualifier.optional(),
    validTo: PartialDate.optional(),
    validToQualifier: Qualifier.optional(),
    known: z.boolean().default(false),
  })
  .strict();

const EvalFile = z
  .object({
    style: z.enum(STYLES),
    sources: z
      .array(z.object({ url: z.string().url(), title: z.string(), publisher: z.string(), date: PartialDate }).strict())
      .min(1),
    article: z
      .object({
        title: z.string().min(3),
        publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
        text: z.string().min(100),
      })
      .strict(),
    new: z.array(NewEntity).default([]),
    facts: z.array(GoldFact).min(1),
  })
  .strict();

export type EvalArticle = z.infer<typeof EvalFile> & { readonly file: string };
export type GoldEntity = z.infer<typeof NewEntity>;

/** The seed graph as the intake's dictionary, with the facts it holds. */
export function seedDictionary(): IntakeDictionary {
  const seed = buildSeed(readSeedFiles());
  return {
    entities: seed.entities
      .filter((e) => e.kind !== 'ARTICLE')
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        name: e.name,
        aliases: e.aliases ?? [],
        orgType: e.orgType ?? null,
        level: e.level ?? null,
        kreisType: e.kreisType ?? null,
      })),
    articles: seed.entities.filter((e) => e.kind === 'ARTICLE').map((e) => ({ id: e.id, url: e.url ?? null })),
    relations: seed.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to })),
  };
}

/**
 * Reads and checks every file of the set. A file that is not well-formed, names an entity the seed does not
 * hold, a `new:` end it does not declare, or a fact the vocabulary does not allow, is refused with its name
 * and what is wrong.
 */
export function loadEvalSet(dictionary: IntakeDictionary, dir = EVAL_DIR): EvalArticle[] {
  const kinds = new Map(dictionary.entities.map((e) => [e.id, e.kind]));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const problems: string[] = [];
  const articles: EvalArticle[] = [];
  for (const file of files) {
    const where = path.join(dir, file);
    let raw: unknown;
    try {
      raw = parse(readFileSync(where, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not YAML (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const parsed = EvalFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    const article = { ...parsed.data, file };
    const declared = new Map(article.new.map((e) => [e.name, e]));
    if (declared.size !== article.new.length) problems.push(`${file}: new: a name is declared twice`);
    const kindOf = (end: string) =>
      end.startsWith('new:') ? declared.get(end.slice(4))?.kind : kindOfId(end) && kinds.get(end);
    article.facts.forEach((fact, i) => {
      const ends = [fact.from, fact.to].map((end) => [end, kindOf(end)] as const);
      for (const [end, kind] of ends) {
        if (!kind)
          problems.push(
            `${file}: facts[${i}]: ${end} is ${end.startsWith('new:') ? 'not declared under new:' : 'not in the seed'}`,
          );
      }
      const [from, to] = ends.map(([, kind]) => kind);
      if (from && to && !relationAllowed(fact.type, from, to))
        problems.push(`${file}: facts[${i}]: ${fact.type} does not go from ${from} to ${to}`);
    });
    articles.push(article);
  }
  if (problems.length > 0) throw new Error(`The intake's evaluation set has problems:\n  ${problems.join('\n  ')}`);
  return articles;
}

interface Tally {
  articles: number;
  gold: number;
  proposed: number;
  matched: number;
  dated: number;
  datesRight: number;
  known: number;
  knownRecognised: number;
  newEntities: number;
  newEntitiesFound: number;
  newEntitiesTyped: number;
}

const emptyTally = (): Tally => ({
  articles: 0,
  gold: 0,
  proposed: 0,
  matched: 0,
  dated: 0,
  datesRight: 0,
  known: 0,
  knownRecognised: 0,
  newEntities: 0,
  newEntitiesFound: 0,
  newEntitiesTyped: 0,
});

export interface Scores {
  readonly articles: number;
  readonly gold: number;
  readonly proposed: number;
  readonly matched: number;
  /** Matched proposals over all proposals. */
  readonly precision: number;
  /** Matched gold facts over all gold facts. */
  readonly recall: number;
  /** Of the matched gold facts with a date: the share whose dates the proposal gives right (value and precision). */
  readonly dateAccuracy: number;
  readonly dated: number;
  /** Of the gold facts the graph already holds that the intake proposed: the share it offered as already known. */
  readonly knownRecognised: number;
  readonly known: number;
  /** Of the new entities the gold facts need: the share proposed as new, with the right kind. */
  readonly newEntityRecall: number;
  /** Of those: the share with the right organisation, event or initiative type where the gold gives one. */
  readonly newEntityTyped: number;
}

function scores(t: Tally): Scores {
  const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    articles: t.articles,
    gold: t.gold,
    proposed: t.proposed,
    matched: t.matched,
    precision: share(t.matched, t.proposed),
    recall: share(t.matched, t.gold),
    dateAccuracy: share(t.datesRight, t.dated),
    dated: t.dated,
    knownRecognised: share(t.knownRecognised, t.known),
    known: t.known,
    newEntityRecall: share(t.newEntitiesFound, t.newEntities),
    newEntityTyped: share(t.newEntitiesTyped, t.newEntitiesFound),
  };
}

export interface ArticleResult {
  readonly file: string;
  readonly style: string;
  readonly scores: Scores;
  /** Gold facts not proposed, and proposals that match no gold fact, as `TYPE from -> to`. */
  readonly missed: string[];
  readonly wrong: string[];
  readonly wrongDates: string[];
}

export interface EvalReport {
  readonly all: Scores;
  readonly byStyle: Record<string, Scores>;
  readonly articles: ArticleResult[];
}

const matchesName = (gold: GoldEntity, name: string) => {
  const folded = foldGerman(name);
  if ([gold.name, ...gold.aliases].some((n) => foldStems(n) === foldStems(name))) return true;
  return gold.match.some((words) => words.every((w) => folded.includes(foldGerman(w))));
};

/** Scores one article's proposal against its gold facts. */
export function scoreArticle(article: EvalArticle, proposal: IntakeProposal): { tally: Tally; result: ArticleResult } {
  const tally = emptyTally();
  tally.articles = 1;
  const entityOf = new Map(proposal.entities.map((e) => [e.key, e]));
  const foundNew = new Map<string, (typeof proposal.entities)[number]>();
  /** A proposal's end as the gold files name it: a seed id, `new:<name>`, or `?<name>` for an entity the gold does not know. */
  const resolve = (key: string): string => {
    const entity = entityOf.get(key);
    if (!entity) return `?${key}`;
    if (entity.existingId) return entity.existingId;
    const gold = article.new.find((g) => g.kind === entity.kind && matchesName(g, entity.name));
    if (!gold) return `?${entity.name}`;
    foundNew.set(gold.name, entity);
    return `new:${gold.name}`;
  };
  const label = (type: string, from: string, to: string) => `${type} ${from} -> ${to}`;
  const proposed = new Map<string, IntakeProposal['facts'][number]>();
  for (const fact of proposal.facts) {
    const key = label(fact.type, resolve(fact.from), resolve(fact.to));
    if (!proposed.has(key)) proposed.set(key, fact);
  }
  const missed: string[] = [];
  const wrongDates: string[] = [];
  const matchedKeys = new Set<string>();
  // One fact per type and ends: two roles at one body ("Staatssekretär und CIO") are one office the intake proposes.
  const golds = new Map<string, EvalArticle['facts'][number]>();
  for (const gold of article.facts) {
    const key = label(gold.type, gold.from, gold.to);
    const earlier = golds.get(key);
    if (!earlier || (!earlier.validFrom && !earlier.validTo))
      golds.set(key, { ...gold, known: gold.known || Boolean(earlier?.known) });
  }
  for (const [key, gold] of golds) {
    tally.gold += 1;
    const found = proposed.get(key);
    if (!found) {
      missed.push(key);
      continue;
    }
    matchedKeys.add(key);
    tally.matched += 1;
    if (gold.known) tally.known += 1;
    if (gold.known && found.existingId) tally.knownRecognised += 1;
    if (gold.validFrom || gold.validTo) {
      tally.dated += 1;
      const right =
        (!gold.validFrom || found.validFrom === gold.validFrom) && (!gold.validTo || found.validTo === gold.validTo);
      if (right) tally.datesRight += 1;
      else
        wrongDates.push(
          `${key}: ${found.validFrom ?? '–'}..${found.validTo ?? '–'} (gold ${gold.validFrom ?? '–'}..${gold.validTo ?? '–'})`,
        );
    }
  }
  tally.proposed = proposed.size;
  const needed = new Set(
    article.facts.flatMap((f) => [f.from, f.to]).filter((end) => end.startsWith('new:') && article.new.length > 0),
  );
  for (const end of needed) {
    const gold = article.new.find((g) => `new:${g.name}` === end);
    if (!gold || gold.kind === 'EVENT') continue;
    tally.newEntities += 1;
    const found =
      foundNew.get(gold.name) ??
      proposal.entities.find((e) => !e.existingId && e.kind === gold.kind && matchesName(gold, e.name));
    if (!found) continue;
    tally.newEntitiesFound += 1;
    const typed = gold.orgType ?? gold.initiativeType;
    if (!typed || found.type === typed) tally.newEntitiesTyped += 1;
  }
  return {
    tally,
    result: {
      file: article.file,
      style: article.style,
      scores: scores(tally),
      missed,
      wrong: [...proposed.keys()].filter((k) => !matchedKeys.has(k)),
      wrongDates,
    },
  };
}

/** Runs the intake on every article of the set and scores it, per style and in all. */
export function evaluateIntake(dictionary = seedDictionary(), dir = EVAL_DIR): EvalReport {
  const articles = loadEvalSet(dictionary, dir);
  const index = new IntakeIndex(dictionary);
  const all = emptyTally();
  const byStyle = new Map<string, Tally>();
  const results: ArticleResult[] = [];
  for (const article of articles) {
    const proposal = proposeFacts(
      {
        title: article.article.title,
        publishedOn: article.article.publishedOn,
        url: `https://intake-eval.govgraph.test/${article.file.replace(/\.yaml$/, '')}`,
        text: article.article.text,
      },
      index,
    );
    const { tally, result } = scoreArticle(article, proposal);
    results.push(result);
    const style = byStyle.get(article.style) ?? emptyTally();
    for (const target of [all, style]) {
      for (const k of Object.keys(tally) as Array<keyof Tally>) target[k] += tally[k];
    }
    byStyle.set(article.style, style);
  }
  return {
    all: scores(all),
    byStyle: Object.fromEntries(STYLES.filter((s) => byStyle.has(s)).map((s) => [s, scores(byStyle.get(s) as Tally)])),
    articles: results,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`.padStart(8);

/** The report as a table: precision, recall and date accuracy per style and in all. */
export function formatReport(report: EvalReport): string {
  const header = `${'style'.padEnd(12)} ${'articles'.padStart(8)} ${'gold'.padStart(5)} ${'proposed'.padStart(8)} ${'right'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(8)} ${'dates'.padStart(8)} ${'known'.padStart(8)} ${'new ent.'.padStart(8)}`;
  const row = (name: string, s: Scores) =>
    `${name.padEnd(12)} ${String(s.articles).padStart(8)} ${String(s.gold).padStart(5)} ${String(s.proposed).padStart(8)} ${String(s.matched).padStart(6)} ${pct(s.precision).padStart(9)} ${pct(s.recall)} ${pct(s.dateAccuracy)} ${pct(s.knownRecognised)} ${pct(s.newEntityRecall)}`;
  return [header, ...Object.entries(report.byStyle).map(([style, s]) => row(style, s)), row('all', report.all)].join(
    '\n',
  );
}
