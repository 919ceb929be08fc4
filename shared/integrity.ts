import type { Entity, Mention, Relation } from './model.js';
import { type EntityKind, kindOfId, RELATION_INFO, relationAllowed } from './vocabulary.js';

/** What gets written: the model's entities, relations and mentions, checked as a whole. */
export interface GraphContent {
  readonly entities: readonly Entity[];
  readonly relations: readonly Relation[];
  readonly mentions: readonly Mention[];
}

/** One thing wrong with an input; `path` names the field (`facts[2].validFrom`), empty for the whole. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Whether a relation's ends and cited articles are known, and the relation type allows the kinds at its ends. */
export function relationProblems(
  relation: Pick<Relation, 'type' | 'from' | 'to' | 'citations'>,
  kindOf: (id: string) => EntityKind | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const from = kindOf(relation.from);
  const to = kindOf(relation.to);
  if (!from) problems.push({ path: 'from', message: `${relation.from} is not a known entity` });
  if (!to) problems.push({ path: 'to', message: `${relation.to} is not a known entity` });
  if (from && to && !relationAllowed(relation.type, from, to)) {
    const info = RELATION_INFO[relation.type];
    problems.push({
      path: '',
      message: `${relation.type} goes from ${info.from.join('/')} to ${info.to.join('/')}, not ${from} to ${to}`,
    });
  }
  for (const citation of relation.citations) {
    if (kindOf(citation.article) !== 'ARTICLE') {
      problems.push({ path: '', message: `cites ${citation.article}, which is not a known article` });
    }
  }
  return problems;
}

/**
 * Checks content as a whole — unique ids, every endpoint and cited article
 * known (here or already in `known`), kinds allowed by the vocabulary — and
 * returns the problems, each named by `where`.
 */
export function checkContent(
  parts: ReadonlyArray<{ where: string; content: GraphContent }>,
  known: ReadonlyMap<string, Entity['kind']> = new Map(),
): string[] {
  const problems: string[] = [];
  const kinds = new Map(known);
  const definedIn = new Map<string, string>();
  for (const { where, content } of parts) {
    for (const entity of content.entities) {
      const seen = definedIn.get(entity.id);
      if (seen) problems.push(`${where}: entity ${entity.id} is already defined in ${seen}`);
      definedIn.set(entity.id, where);
      kinds.set(entity.id, entity.kind);
    }
  }
  const relationIn = new Map<string, string>();
  for (const { where, content } of parts) {
    for (const relation of content.relations) {
      const at = `${where}: relation ${relation.id}`;
      const seen = relationIn.get(relation.id);
      if (seen) problems.push(`${at} is already defined in ${seen}`);
      relationIn.set(relation.id, where);
      for (const problem of relationProblems(relation, (id) => kinds.get(id))) {
        problems.push(`${at}: ${problem.path ? `${problem.path} ` : ''}${problem.message}`);
      }
    }
    for (const entity of content.entities) {
      for (const figure of entity.figures) {
        if (kinds.get(figure.citation.article) !== 'ARTICLE') {
          problems.push(
            `${where}: entity ${entity.id}: figure "${figure.label}" cites ${figure.citation.article}, which is not a known article`,
          );
        }
      }
    }
    for (const mention of content.mentions) {
      if (kinds.get(mention.article) !== 'ARTICLE')
        problems.push(`${where}: mention by ${mention.article}, which is not a known article`);
      if (!kinds.has(mention.entity))
        problems.push(`${where}: mentions ${mention.entity}, which is not a known entity`);
    }
  }
  return problems;
}

/** Every entity an article's facts touch is mentioned by it; explicit mentions add the rest. */
export function mentionsOf(content: Omit<GraphContent, 'mentions'>, explicit: readonly Mention[] = []): Mention[] {
  const out = new Map<string, Mention>();
  const add = (article: string, entity: string) => {
    if (article !== entity && kindOfId(entity) !== 'ARTICLE') out.set(`${article}>${entity}`, { article, entity });
  };
  for (const relation of content.relations) {
    for (const citation of relation.citations) {
      add(citation.article, relation.from);
      add(citation.article, relation.to);
    }
  }
  for (const entity of content.entities) for (const figure of entity.figures) add(figure.citation.article, entity.id);
  for (const mention of explicit) add(mention.article, mention.entity);
  return [...out.values()];
}
