import { relationProblems } from '../../../shared/integrity.js';
import { type Citation, Entity, Id, Relation } from '../../../shared/model.js';
import type { EntityKind } from '../../../shared/vocabulary.js';
import type { Run } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { isRelationId } from '../editing/batch.js';
import { idFor } from '../editing/entities.js';
import { type LockedRelation, lockEntities, lockRelation } from '../editing/locks.js';
import { PENDING_RELATION_ID } from '../editing/relations.js';
import { check, type Problem, refuse } from '../editing/validation.js';

/** One fact the article states, cited to it with the quote that says so. */
export interface IntakeFact {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly role?: string | null;
  readonly validFrom?: string | null;
  readonly validFromQualifier?: string | null;
  readonly validTo?: string | null;
  readonly validToQualifier?: string | null;
  readonly quote: string;
  readonly note?: string | null;
  /**
   * The fact of the graph this one is (same type and ends): the article is added as a further source of it
   * instead of a second, parallel fact; role and dates stay as the graph has them.
   */
  readonly existing?: string | null;
}

/** What an editor confirmed from a pasted article: the article, new entities, facts and further mentions. */
export interface IntakePayload {
  readonly article: {
    readonly id?: string | null;
    readonly title: string;
    readonly publisher: string;
    readonly publishedOn: string;
    readonly url?: string | null;
    readonly tags?: readonly string[] | null;
    readonly author?: string | null;
  };
  readonly text?: string | null;
  readonly newEntities?: ReadonlyArray<Record<string, unknown>> | null;
  readonly facts: readonly IntakeFact[];
  readonly mentions?: readonly string[] | null;
}

/** Pasted text kept with the intake: long enough for any article, not for a book. */
const MAX_TEXT = 100_000;

/** A new thing has no properties to clear: null is the same as left out. */
const present = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));

export interface Plan {
  readonly article: Entity;
  readonly entities: readonly Entity[];
  /** Facts with their ids still to be chosen. */
  readonly facts: readonly Relation[];
  /** Facts of the graph the article is a further source of (locked), each with its citation of the article. */
  readonly confirmed: ReadonlyArray<{ readonly current: LockedRelation; readonly citation: Citation }>;
  readonly mentions: readonly string[];
}

/** Cited in place of an article that failed its checks, whose problems are reported already. */
const FAILED_ARTICLE = 'article:failed-checks';

/** A plan still being checked: the article may have failed; facts to confirm are not looked up yet. */
type Draft = Omit<Plan, 'article' | 'confirmed'> & {
  readonly article: Entity | null;
  readonly confirming: ReadonlyArray<{ readonly index: number; readonly existing: string; readonly fact: Relation }>;
};

function planArticle(payload: IntakePayload, problems: Problem[]): Entity | null {
  const { title, id, ...rest } = payload.article;
  const articleId = id || idFor('ARTICLE', String(title ?? ''));
  const candidate = present({ ...rest, kind: 'ARTICLE', id: articleId, name: title });
  const result = check(Entity, candidate, 'article', (path) => (path === 'name' ? 'title' : path));
  problems.push(...result.problems);
  return result.value;
}

function planFact(fact: IntakeFact, i: number, article: string, problems: Problem[]): Relation | null {
  const { quote, note, existing: _existing, ...rest } = fact;
  const candidate = {
    ...present(rest),
    id: PENDING_RELATION_ID,
    citations: [present({ article, quote, note })],
  };
  // The citation is the quote and note the editor gave; say so in their words.
  const result = check(Relation, candidate, `facts[${i}]`, (path) => path.replace(/^citations\[0\]\./, ''));
  problems.push(...result.problems);
  return result.value;
}

/**
 * Checks everything that does not need the graph, naming each problem by
 * where it is in the input (`facts[2].validFrom …`); what passed is planned
 * and checked against the graph too, so the editor hears of every problem at once.
 */
function plan(payload: IntakePayload): { planned: Draft; problems: Problem[] } {
  const problems: Problem[] = [];
  if (payload.text && payload.text.length > MAX_TEXT) {
    problems.push({ path: 'text', message: `must be at most ${MAX_TEXT} characters` });
  }
  const article = planArticle(payload, problems);
  const articleId = article?.id ?? FAILED_ARTICLE;
  const entities = (payload.newEntities ?? []).map((input, i) => {
    const candidate = present({ ...input, id: input.id || idFor(input.kind as EntityKind, String(input.name ?? '')) });
    const result = check(Entity, candidate, `newEntities[${i}]`);
    problems.push(...result.problems);
    return result.value;
  });
  const seen = new Map<string, string>(article ? [[article.id, 'article']] : []);
  entities.forEach((entity, i) => {
    if (!entity) return;
    const earlier = seen.get(entity.id);
    if (earlier)
      problems.push({ path: `newEntities[${i}].id`, message: `${entity.id} is already given as ${earlier}` });
    seen.set(entity.id, `newEntities[${i}]`);
  });
  const facts = payload.facts.map((fact, i) => planFact(fact, i, articleId, problems));
  const confirming = payload.facts.flatMap((fact, i) => {
    const planned = facts[i];
    if (fact.existing === undefined || fact.existing === null || !planned) return [];
    if (!isRelationId(fact.existing)) {
      problems.push({ path: `facts[${i}].existing`, message: `${fact.existing} is not a relation id (rel:…)` });
      return [];
    }
    return [{ index: i, existing: fact.existing, fact: planned }];
  });
  if (payload.facts.length === 0) problems.push({ path: 'facts', message: 'must name at least one fact' });
  (payload.mentions ?? []).forEach((id, i) => {
    if (!Id.safeParse(id).success) problems.push({ path: `mentions[${i}]`, message: `${id} is not an id` });
  });
  return {
    planned: {
      article,
      entities: entities.filter((e): e is Entity => e !== null),
      facts: facts.filter((f, i): f is Relation => f !== null && !confirming.some((c) => c.index === i)),
      confirming,
      mentions: payload.mentions ?? [],
    },
    problems,
  };
}

/**
 * Checks the plan against the graph — new ids free, the URL unused, every
 * other id known, kinds allowed — after locking what it refers to, so the
 * answer still holds when it is applied in the same transaction.
 */
async function graphProblems(run: Run, planned: Draft): Promise<Problem[]> {
  const problems: Problem[] = [];
  const article = planned.article;
  const created = new Map<string, EntityKind>(
    [...(article ? [article] : []), ...planned.entities].map((entity) => [entity.id, entity.kind]),
  );
  const referred = [
    ...[...planned.facts, ...planned.confirming.map((c) => c.fact)].flatMap((f) => [f.from, f.to]),
    ...planned.mentions,
  ].filter((id) => !created.has(id));
  const existing = await lockEntities(run, [...created.keys(), ...referred]);
  if (article && existing.has(article.id)) {
    problems.push({ path: 'article.id', message: `${article.id} already exists` });
  }
  planned.entities.forEach((entity, i) => {
    if (existing.has(entity.id)) {
      problems.push({
        path: `newEntities[${i}].id`,
        message: `${entity.id} already exists; name it in the facts instead of creating it`,
      });
    }
  });
  if (article?.url) {
    const [other] = await run(Q['article-by-url'], { url: article.url, id: article.id });
    if (other)
      problems.push({ path: 'article.url', message: `is already the URL of ${other.id}; cite that article instead` });
  }
  const kindOf = (id: string) =>
    created.get(id) ?? existing.get(id) ?? (id === FAILED_ARTICLE ? ('ARTICLE' as const) : undefined);
  planned.facts.forEach((fact, i) => {
    for (const problem of relationProblems(fact, kindOf)) {
      problems.push({ path: problem.path ? `facts[${i}].${problem.path}` : `facts[${i}]:`, message: problem.message });
    }
  });
  planned.mentions.forEach((id, i) => {
    if (Id.safeParse(id).success && !kindOf(id)) {
      problems.push({ path: `mentions[${i}]`, message: `${id} is not a known entity` });
    }
  });
  return problems;
}

/**
 * Locks the facts the article is a further source of; each must be there, with the type and ends the editor
 * confirmed (else the graph changed since the proposal, and the editor should look again).
 */
async function confirmations(run: Run, planned: Draft, problems: Problem[]): Promise<Plan['confirmed']> {
  const confirmed: Array<Plan['confirmed'][number]> = [];
  for (const { index, existing, fact } of [...planned.confirming].sort((a, b) =>
    a.existing.localeCompare(b.existing),
  )) {
    const current = await lockRelation(run, existing);
    const path = `facts[${index}].existing`;
    if (!current) {
      problems.push({ path, message: `${existing} is not a fact of the graph (any more)` });
      continue;
    }
    const { type, from, to } = current.model;
    if (type !== fact.type || from !== fact.from || to !== fact.to) {
      problems.push({
        path,
        message: `${existing} is ${type} from ${from} to ${to}, not ${fact.type} from ${fact.from} to ${fact.to}`,
      });
      continue;
    }
    const [citation] = fact.citations;
    if (citation) confirmed.push({ current, citation });
  }
  return confirmed;
}

/** The plan of an intake, checked as a whole against the graph (whose parts it relies on stay locked). */
export async function prepare(run: Run, payload: IntakePayload): Promise<Plan> {
  const { planned, problems } = plan(payload);
  problems.push(...(await graphProblems(run, planned)));
  const confirmed = await confirmations(run, planned, problems);
  if (problems.length > 0 || !planned.article) refuse('The intake was not applied, nothing was changed', problems);
  const { confirming: _, ...rest } = planned;
  return { ...rest, article: planned.article, confirmed };
}
