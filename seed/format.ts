import { z } from 'zod';
import { Entity, Id, type Mention, Relation } from '../shared/model.js';

/**
 * A seed file: one article and the facts it states. The format is the model
 * (shared/model.ts) with two conveniences: the article block uses
 * `title` for its name, and a citation or figure without `article` cites the
 * file's article. Rules of truth the model alone does not hold:
 * - an article names where it is: its `url`, or `source:` for a page captured in seed/sources/;
 * - a page of someone else's (no `source:`) is not copied: its citations quote at most an official name or
 *   title (QUOTE_WORDS words) and say the rest in a note in our own words.
 */
export const SeedArticle = z
  .object({
    id: Id.refine((id) => id.startsWith('article:'), 'must start with "article:"'),
    title: z.string(),
  })
  .passthrough();

export const SeedFile = z
  .object({
    article: SeedArticle,
    entities: z.array(z.unknown()).default([]),
    relations: z.array(z.unknown()).default([]),
    /** Entities the article names without stating a fact about them. */
    mentions: z.array(Id).default([]),
  })
  .strict();

/** The most words a citation of a third-party page may quote: an official name or title, no sentence. */
export const QUOTE_WORDS = 10;

/** A file of shared actors (seed/entities/): people, organisations, laws, initiatives, places. */
export const EntityFile = z.object({ entities: z.array(z.unknown()) }).strict();

/** Parses a file of shared actors; issues carry the path into the YAML document. */
export function parseEntityFile(raw: unknown): { entities?: Entity[]; issues: Issue[] } {
  const file = EntityFile.safeParse(raw);
  if (!file.success) return { issues: file.error.issues };
  const issues: Issue[] = [];
  const entities: Entity[] = [];
  file.data.entities.forEach((item, index) => {
    const parsed = Entity.safeParse(item);
    if (!parsed.success)
      issues.push(...parsed.error.issues.map((i) => ({ ...i, path: ['entities', index, ...i.path] })));
    else if (parsed.data.kind === 'ARTICLE' || parsed.data.kind === 'EVENT')
      issues.push({ path: ['entities', index, 'kind'], message: 'articles and events belong in the article files' });
    else entities.push(parsed.data);
  });
  return issues.length > 0 ? { issues } : { entities, issues };
}

const wordsOf = (text: string) =>
  text
    .replace(/["'„“”‚‘’»«]/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;

export interface SeedData {
  readonly article: Entity;
  readonly entities: Entity[];
  readonly relations: Relation[];
  readonly mentions: Mention[];
}

export type Issue = { readonly path: ReadonlyArray<PropertyKey>; readonly message: string };

function withDefaultArticle(value: unknown, article: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = { ...(value as Record<string, unknown>) };
  if (Array.isArray(record.citations)) {
    record.citations = record.citations.map((c) =>
      c !== null && typeof c === 'object' && !('article' in c) ? { article, ...c } : c,
    );
  }
  if (Array.isArray(record.figures)) {
    record.figures = record.figures.map((f) => {
      if (f === null || typeof f !== 'object') return f;
      const figure = f as Record<string, unknown>;
      const citation = (figure.citation ?? {}) as Record<string, unknown>;
      return { ...figure, citation: { article, ...citation } };
    });
  }
  return record;
}

/** Checks one file's content against the model; issues carry the path into the YAML document. */
export function parseSeedFile(raw: unknown): { data?: SeedData; issues: Issue[] } {
  const file = SeedFile.safeParse(raw);
  if (!file.success) return { issues: file.error.issues };
  const { title, ...articleRest } = file.data.article;
  const issues: Issue[] = [];
  const article = Entity.safeParse({ ...articleRest, kind: 'ARTICLE', name: title });
  if (!article.success)
    issues.push(...article.error.issues.map((i) => ({ ...i, path: ['article', ...remap(i.path)] })));
  const articleId = file.data.article.id;
  const entities: Entity[] = [];
  file.data.entities.forEach((raw, index) => {
    const parsed = Entity.safeParse(withDefaultArticle(raw, articleId));
    if (parsed.success) entities.push(parsed.data);
    else issues.push(...parsed.error.issues.map((i) => ({ ...i, path: ['entities', index, ...i.path] })));
  });
  const relations: Relation[] = [];
  file.data.relations.forEach((raw, index) => {
    const parsed = Relation.safeParse(withDefaultArticle(raw, articleId));
    if (parsed.success) relations.push(parsed.data);
    else issues.push(...parsed.error.issues.map((i) => ({ ...i, path: ['relations', index, ...i.path] })));
  });
  if (article.success && !article.data.url && !article.data.source) {
    issues.push({ path: ['article', 'url'], message: 'every article needs its url (or source: for a captured page)' });
  }
  if (article.success && !article.data.source) {
    relations.forEach((relation, index) => {
      relation.citations.forEach((citation, at) => {
        if (citation.quote && citation.article === articleId && wordsOf(citation.quote) > QUOTE_WORDS) {
          issues.push({
            path: ['relations', index, 'citations', at, 'quote'],
            message: `quotes ${wordsOf(citation.quote)} words of someone else's page: quote at most an official name or title (${QUOTE_WORDS} words) and say the rest in a note in our own words`,
          });
        }
      });
    });
  }
  if (issues.length > 0 || !article.success) return { issues };
  const mentions = file.data.mentions.map((entity) => ({ article: articleId, entity }));
  return { data: { article: article.data, entities, relations, mentions }, issues };
}

/** Paths of the article entity point at `title` where the model says `name`. */
function remap(path: ReadonlyArray<PropertyKey>): PropertyKey[] {
  return path.map((key) => (key === 'name' ? 'title' : key));
}
