import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Database } from '../server/db/database.js';
import { Q } from '../server/db/queries.js';
import { foldGerman } from '../server/domain/fold.js';
import { precisionOf } from '../server/domain/records.js';
import { KIND_INFO, kindOfId, RELATION_INFO, relationAllowed } from '../server/domain/vocabulary.js';
import { type SeedArticle, type SeedEntity, SeedFile, type SeedRelation } from './format.js';
import { type RegionSeed, regionSeed } from './regions.js';

export const SEED_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Seed data that failed validation; the message names every problem with its file and path. */
export class SeedError extends Error {
  override name = 'SeedError';
}

export interface NamedSeedFile {
  readonly file: string;
  readonly data: SeedFile;
}

type Props = Record<string, string | number | boolean | string[] | null>;

export interface SeedPayload {
  readonly entities: Array<{ id: string; label: string; props: Props }>;
  readonly relations: Array<{ id: string; type: string; from: string; to: string; props: Props }>;
  readonly mentions: Array<{ article: string; entity: string }>;
}

function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(file)'} ${issue.message}`);
}

/** Reads and validates every seed/articles/*.yaml; throws a SeedError listing all problems. */
export function readSeedFiles(dir = path.join(SEED_DIR, 'articles')): NamedSeedFile[] {
  const problems: string[] = [];
  const files: NamedSeedFile[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = path.join(path.basename(dir), name);
    let raw: unknown;
    try {
      // Dates stay strings: their form carries the precision.
      raw = parseYaml(readFileSync(path.join(dir, name), 'utf8'), { schema: 'core' });
    } catch (error) {
      problems.push(`${file}: not valid YAML: ${(error as Error).message}`);
      continue;
    }
    const parsed = SeedFile.safeParse(raw);
    if (parsed.success) files.push({ file, data: parsed.data });
    else problems.push(...describeIssues(file, parsed.error));
  }
  if (problems.length > 0) throw new SeedError(`The seed data has problems:\n${problems.join('\n')}`);
  return files;
}

function precision(date: string | undefined): string | null {
  return date === undefined ? null : precisionOf(date);
}

function entityProps(entity: SeedEntity): Props {
  const { id, kind, name, aliases, description, ...rest } = entity;
  const props: Props = {
    id,
    kind,
    name,
    aliases,
    description: description ?? null,
    searchName: foldGerman(name),
    searchAliases: aliases.map(foldGerman).join(' | '),
  };
  for (const [key, value] of Object.entries(rest)) props[key] = value ?? null;
  return props;
}

function articleEntity(article: SeedArticle): SeedEntity & Props {
  return {
    id: article.id,
    kind: 'ARTICLE',
    name: article.title,
    aliases: [],
    description: article.description,
    publisher: article.publisher,
    publishedOn: article.publishedOn,
    url: article.url ?? null,
    tags: article.tags,
    license: article.license ?? null,
  } as SeedEntity & Props;
}

function relationProps(relation: SeedRelation, defaultArticle: string): Props {
  return {
    role: relation.role ?? null,
    validFrom: relation.validFrom ?? null,
    validFromPrecision: precision(relation.validFrom),
    validTo: relation.validTo ?? null,
    validToPrecision: precision(relation.validTo),
    // Parallel lists: Neo4j properties cannot hold maps, and the article ids must stay queryable.
    citeArticles: relation.citations.map((c) => c.article ?? defaultArticle),
    citeQuotes: relation.citations.map((c) => c.quote ?? ''),
    citeNotes: relation.citations.map((c) => c.note ?? ''),
  };
}

/**
 * Checks the seed as a whole (unique ids, every endpoint and cited article
 * known, kinds allowed by the vocabulary) and turns it into write payloads.
 */
export function buildSeed(files: readonly NamedSeedFile[], regions: RegionSeed = regionSeed()): SeedPayload {
  const problems: string[] = [];
  const entities = new Map<string, { file: string; entity: SeedEntity }>();
  const addEntity = (file: string, entity: SeedEntity) => {
    const seen = entities.get(entity.id);
    if (seen) problems.push(`${file}: entity ${entity.id} is already defined in ${seen.file}`);
    else entities.set(entity.id, { file, entity });
  };
  const regionFile = 'landkreise-deutschland';
  addEntity(regionFile, articleEntity(regions.article));
  for (const entity of regions.entities) addEntity(regionFile, entity);
  for (const { file, data } of files) {
    addEntity(file, articleEntity(data.article));
    for (const entity of data.entities) addEntity(file, entity);
  }

  const relations: SeedPayload['relations'] = [];
  const mentions = new Map<string, { article: string; entity: string }>();
  const relationIds = new Map<string, string>();
  const addRelations = (file: string, article: string, list: readonly SeedRelation[]) => {
    list.forEach((relation, index) => {
      const where = `${file}: relations[${index}] (${relation.id})`;
      const seen = relationIds.get(relation.id);
      if (seen) problems.push(`${where} has the same id as a relation in ${seen}`);
      relationIds.set(relation.id, file);
      const from = entities.get(relation.from)?.entity;
      const to = entities.get(relation.to)?.entity;
      if (!from) problems.push(`${where}: from ${relation.from} is not a known entity`);
      if (!to) problems.push(`${where}: to ${relation.to} is not a known entity`);
      if (from && to && !relationAllowed(relation.type, from.kind, to.kind)) {
        const info = RELATION_INFO[relation.type];
        problems.push(
          `${where}: ${relation.type} goes from ${info.from.join('/')} to ${info.to.join('/')}, not ${from.kind} to ${to.kind}`,
        );
      }
      if (relation.validFrom && relation.validTo && relation.validTo < relation.validFrom) {
        problems.push(`${where}: validTo ${relation.validTo} is before validFrom ${relation.validFrom}`);
      }
      const props = relationProps(relation, article);
      for (const cited of props.citeArticles as string[]) {
        if (kindOfId(cited) !== 'ARTICLE' || !entities.has(cited)) {
          problems.push(`${where}: cites ${cited}, which is not a known article`);
        }
        for (const end of [relation.from, relation.to])
          mentions.set(`${cited}>${end}`, { article: cited, entity: end });
      }
      relations.push({ id: relation.id, type: relation.type, from: relation.from, to: relation.to, props });
    });
  };
  addRelations(regionFile, regions.article.id, regions.relations);
  for (const { file, data } of files) {
    addRelations(file, data.article.id, data.relations);
    for (const entity of [...data.entities.map((e) => e.id), ...data.mentions]) {
      if (!entities.has(entity)) problems.push(`${file}: mentions ${entity}, which is not a known entity`);
      mentions.set(`${data.article.id}>${entity}`, { article: data.article.id, entity });
    }
  }
  if (problems.length > 0) throw new SeedError(`The seed data has problems:\n${problems.join('\n')}`);

  return {
    entities: [...entities.values()].map(({ entity }) => ({
      id: entity.id,
      label: KIND_INFO[entity.kind].typename,
      props: entityProps(entity),
    })),
    relations,
    mentions: [...mentions.values()].filter((m) => m.article !== m.entity),
  };
}

const BATCH = 1000;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export interface SeedResult {
  readonly entities: number;
  readonly relations: number;
  readonly mentions: number;
}

/**
 * Loads the seed in one transaction: all of it or, on any error, nothing.
 * MERGE on ids makes it idempotent; existing entities and relations are
 * left as they are, so editors' changes survive a re-run.
 */
export async function loadSeed(db: Database, payload: SeedPayload = buildSeed(readSeedFiles())): Promise<SeedResult> {
  const recordedBy = 'seed';
  await db.writeAll([
    ...batches(payload.entities).map((entities) => ({ query: Q['seed-entities'], params: { entities, recordedBy } })),
    ...batches(payload.relations).map((relations) => ({
      query: Q['seed-relations'],
      params: { relations, recordedBy },
    })),
    ...batches(payload.mentions).map((mentions) => ({ query: Q['seed-mentions'], params: { mentions } })),
  ]);
  return { entities: payload.entities.length, relations: payload.relations.length, mentions: payload.mentions.length };
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read(Q['count-entities']);
  return (row?.entities ?? 0) === 0;
}
