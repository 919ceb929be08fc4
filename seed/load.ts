import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { checkContent, type GraphContent, mentionsOf } from '../shared/integrity.js';
import type { Entity } from '../shared/model.js';
import { type Issue, parseEntityFile, parseSeedFile, type SeedData } from './format.js';
import { type RegionSeed, regionSeed } from './regions.js';

export type { GraphContent };

export const SEED_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Seed or import data that failed validation; the message names every problem with its file and line. */
export class SeedError extends Error {
  override name = 'SeedError';
}

export interface NamedSeedFile {
  readonly file: string;
  readonly data: SeedData;
}

/** Reads YAML keeping dates as strings, and names the line of each problem `check` finds in it. */
function parseYaml<T extends object>(
  file: string,
  text: string,
  check: (raw: unknown) => { issues: Issue[] } & Partial<T>,
): { problems: string[] } & Partial<T> {
  const lineCounter = new LineCounter();
  // The core schema keeps dates as strings: their form carries the precision.
  const doc = parseDocument(text, { schema: 'core', lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map(
      (e) => `${file}:${e.linePos?.[0]?.line ?? 1}: not valid YAML: ${e.message.split('\n')[0]}`,
    );
    return { problems } as { problems: string[] } & Partial<T>;
  }
  const { issues, ...parsed } = check(doc.toJS());
  const lineOf = (issue: Issue): number => {
    for (let depth = issue.path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(issue.path.slice(0, depth) as Array<string | number>, true) as
        | { range?: [number] }
        | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const problems = issues.map(
    (issue) => `${file}:${lineOf(issue)}: ${issue.path.join('.') || '(file)'} ${issue.message}`,
  );
  return { ...(parsed as Partial<T>), problems } as { problems: string[] } & Partial<T>;
}

/** Parses one YAML seed file; problems name the file and the line of the offending value. */
export function parseSeedText(file: string, text: string): { data?: SeedData; problems: string[] } {
  const { data, problems } = parseYaml(file, text, parseSeedFile);
  return data ? { data, problems } : { problems };
}

export interface NamedEntityFile {
  readonly file: string;
  readonly entities: Entity[];
}

/** Reads every *.yaml of a folder with `read`; throws a SeedError listing the problems of all of them. */
function readYamlFolder<T>(
  dir: string,
  read: (file: string, text: string) => { problems: string[]; value?: T },
): Array<{ file: string; value: T }> {
  const problems: string[] = [];
  const files: Array<{ file: string; value: T }> = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = path.join(path.basename(dir), name);
    const parsed = read(file, readFileSync(path.join(dir, name), 'utf8'));
    problems.push(...parsed.problems);
    if (parsed.value) files.push({ file, value: parsed.value });
  }
  if (problems.length > 0) throw new SeedError(`The seed data has problems:\n${problems.join('\n')}`);
  return files;
}

/** Reads and validates every seed/entities/*.yaml (the actors articles share); throws a SeedError listing all problems. */
export function readEntityFiles(dir = path.join(SEED_DIR, 'entities')): NamedEntityFile[] {
  return readYamlFolder(dir, (file, text) => {
    const parsed = parseYaml(file, text, parseEntityFile);
    return { problems: parsed.problems, value: parsed.entities };
  }).map(({ file, value }) => ({ file, entities: value }));
}

/** Reads and validates every seed/articles/*.yaml; throws a SeedError listing all problems. */
export function readSeedFiles(dir = path.join(SEED_DIR, 'articles')): NamedSeedFile[] {
  return readYamlFolder(dir, (file, text) => {
    const parsed = parseSeedText(file, text);
    return { problems: parsed.problems, value: parsed.data };
  }).map(({ file, value }) => ({ file, data: value }));
}

/** The captured page's source file: the graph GovGraph held before the curated corpus. */
export const CAPTURED_SOURCE = 'sources/kommune21-2022-08-31-digitalrat-sachsen-anhalt.txt';

/** Regions and the articles of the captured page only (no shared actors): a small graph for tests and benchmarks. */
export function capturedSeed(files: readonly NamedSeedFile[] = readSeedFiles()): GraphContent {
  return buildSeed(
    files.filter((f) => f.data.article.source === CAPTURED_SOURCE),
    regionSeed(),
    [],
  );
}

/** The whole seed: regions, the shared actors and every article file, checked together. */
export function buildSeed(
  files: readonly NamedSeedFile[],
  regions: RegionSeed = regionSeed(),
  actors: readonly NamedEntityFile[] = readEntityFiles(),
): GraphContent {
  const parts = [
    {
      where: 'landkreise-deutschland',
      content: { entities: [regions.article, ...regions.entities], relations: regions.relations, mentions: [] },
    },
    ...actors.map(({ file, entities }) => ({ where: file, content: { entities, relations: [], mentions: [] } })),
    ...files.map(({ file, data }) => ({
      where: file,
      content: { entities: [data.article, ...data.entities], relations: data.relations, mentions: data.mentions },
    })),
  ];
  const problems = checkContent(parts);
  if (problems.length > 0) throw new SeedError(`The seed data has problems:\n${problems.join('\n')}`);
  const entities = parts.flatMap((p) => p.content.entities);
  const relations = parts.flatMap((p) => p.content.relations);
  const mentions = mentionsOf(
    { entities, relations },
    parts.flatMap((p) => p.content.mentions),
  );
  return { entities, relations, mentions };
}
