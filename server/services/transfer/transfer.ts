import { XMLBuilder } from 'fast-xml-parser';
import { configure } from 'safe-stable-stringify';
import { z } from 'zod';
import { messageOf } from '../../../shared/errors.js';
import { checkContent } from '../../../shared/integrity.js';
import { Entity, Mention, Relation } from '../../../shared/model.js';
import { xmlSafe } from '../../../shared/xml-text.js';
import { type Database, inBatches } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { entityFromProps, entityLabel, entityProps, relationFromProps, relationProps } from '../../db/storage.js';

/**
 * The canonical export: the whole graph as one JSON document with a stable
 * order (entities and relations by id, mentions by article then entity,
 * object keys sorted), so an unchanged graph exports byte for byte the same.
 */
export const EXPORT_FORMAT = 'govgraph';
export const EXPORT_FORMAT_VERSION = 1;

const Bookkeeping = z.object({
  version: z.number({ error: 'must be a number' }).int().positive(),
  recordedAt: z.iso
    .datetime({ offset: true, precision: undefined, error: 'must be an ISO date-time' })
    .nullable()
    .default(null),
  recordedBy: z.string().nullable().default(null),
});
type Bookkeeping = z.infer<typeof Bookkeeping>;

/** Each item is the model plus its bookkeeping; they are checked apart because the model is strict. */
function withBookkeeping<T extends z.ZodType>(model: T) {
  return z.record(z.string(), z.unknown()).transform((item, ctx) => {
    const { version, recordedAt, recordedBy, ...rest } = item;
    const book = Bookkeeping.safeParse({ version, recordedAt, recordedBy });
    const body = model.safeParse(rest);
    for (const issue of [...(book.error?.issues ?? []), ...(body.error?.issues ?? [])]) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    if (!book.success || !body.success) return z.NEVER;
    return { ...(body.data as object), ...book.data } as z.infer<T> & Bookkeeping;
  });
}

export const ExportFile = z
  .object({
    format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}"` }),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: `must be ${EXPORT_FORMAT_VERSION}` }),
    entities: z.array(withBookkeeping(Entity)),
    relations: z.array(withBookkeeping(Relation)),
    mentions: z.array(Mention),
  })
  .strict();
export interface ExportFile {
  readonly format: typeof EXPORT_FORMAT;
  readonly formatVersion: typeof EXPORT_FORMAT_VERSION;
  readonly entities: Array<Entity & Bookkeeping>;
  readonly relations: Array<Relation & Bookkeeping>;
  readonly mentions: Mention[];
}

const stableStringify = configure({ deterministic: true, bigint: false, circularValue: Error });

function splitBookkeeping(row: Record<string, unknown>) {
  const { version, recordedAt, recordedBy, ...rest } = row;
  return { bookkeeping: { version, recordedAt: recordedAt ?? null, recordedBy: recordedBy ?? null }, rest };
}

/** Reads the whole graph as the canonical export. */
export async function exportGraph(db: Database): Promise<ExportFile> {
  const [entityRows, relationRows, mentionRows] = await Promise.all([
    db.read(Q['export-entities']),
    db.read(Q['export-relations']),
    db.read(Q['export-mentions']),
  ]);
  const entities = entityRows.map((row) => {
    const { bookkeeping, rest } = splitBookkeeping(entityFromProps(row.entity));
    return { ...Entity.parse(rest), ...bookkeeping } as Entity & Bookkeeping;
  });
  const relations = relationRows.map((row) => {
    const { bookkeeping, rest } = splitBookkeeping(relationFromProps(row.relation));
    return { ...Relation.parse(rest), ...bookkeeping } as Relation & Bookkeeping;
  });
  const mentions = mentionRows.map((row) => ({ article: String(row.article), entity: String(row.entity) }));
  return { format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, entities, relations, mentions };
}

export function toCanonicalJson(file: ExportFile): string {
  return `${stableStringify(file, null, 2)}\n`;
}

const xml = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
});

const NODE_KEYS = ['kind', 'label', 'aliases', 'description', 'attributes'] as const;
const EDGE_KEYS = ['type', 'role', 'validFrom', 'validTo', 'citations'] as const;

/**
 * GraphML for Gephi, yEd and Cytoscape desktop: every entity a node with its
 * kind, name (as `label`), aliases and other attributes; every relation an
 * edge with type, role, validity and its citations as JSON.
 */
export function toGraphML(file: ExportFile): string {
  const keys = [
    ...NODE_KEYS.map((name) => ({ '@id': `n_${name}`, '@for': 'node', '@attr.name': name, '@attr.type': 'string' })),
    ...EDGE_KEYS.map((name) => ({ '@id': `e_${name}`, '@for': 'edge', '@attr.name': name, '@attr.type': 'string' })),
  ];
  const data = (prefix: string, values: Record<string, string | null>) =>
    Object.entries(values)
      .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')
      .map(([key, value]) => ({ '@key': `${prefix}_${key}`, '#text': value }));
  const nodes = file.entities.map((entity) => {
    const { id, kind, name, aliases, description, version: _v, recordedAt: _a, recordedBy: _b, ...attributes } = entity;
    return {
      '@id': id,
      data: data('n', {
        kind,
        label: name,
        aliases: aliases.join('; '),
        description,
        attributes: stableStringify(attributes) ?? null,
      }),
    };
  });
  const edges = file.relations.map((r) => ({
    '@id': r.id,
    '@source': r.from,
    '@target': r.to,
    data: data('e', {
      type: r.type,
      role: r.role,
      validFrom: r.validFrom,
      validTo: r.validTo,
      citations: stableStringify(r.citations) ?? null,
    }),
  }));
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    graphml: {
      '@xmlns': 'http://graphml.graphdrawing.org/xmlns',
      key: keys,
      graph: { '@id': 'govgraph', '@edgedefault': 'directed', node: nodes, edge: edges },
    },
  };
  return xmlSafe(xml.build(document) as string);
}

/** Parses an export file; problems name the place in the file and what is wrong. */
export function parseExport(text: string): { file?: ExportFile; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [`not valid JSON: ${messageOf(error)}`] };
  }
  const parsed = ExportFile.safeParse(raw);
  if (!parsed.success) {
    const where = (path: ReadonlyArray<PropertyKey>) => {
      const [list, index] = path;
      const item =
        typeof index === 'number' ? (raw as Record<string, Array<{ id?: unknown }>>)[String(list)]?.[index] : undefined;
      const id = item && typeof item.id === 'string' ? ` (${item.id})` : '';
      return `${
        path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .slice(1) || '(file)'
      }${id}`;
    };
    return { problems: parsed.error.issues.slice(0, 50).map((issue) => `${where(issue.path)}: ${issue.message}`) };
  }
  return { file: parsed.data as ExportFile, problems: [] };
}

/** Write payloads that restore the export exactly, bookkeeping included. */
export function importPayload(file: ExportFile) {
  return {
    entities: file.entities.map(({ version, recordedAt, recordedBy, ...entity }) => ({
      label: entityLabel(entity),
      recordedAt,
      props: { ...entityProps(entity), version, recordedBy },
    })),
    relations: file.relations.map(({ version, recordedAt, recordedBy, ...relation }) => ({
      type: relation.type,
      from: relation.from,
      to: relation.to,
      recordedAt,
      props: { ...relationProps(relation), version, recordedBy },
    })),
    mentions: file.mentions,
  };
}

/** An import that was refused; nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Loads an export into the database in one transaction. The database must be
 * empty unless `replace` is set, which removes the current graph in the same
 * transaction: either the import applies whole or the graph stays as it was.
 */
export async function importGraph(
  db: Database,
  text: string,
  options: { replace?: boolean } = {},
): Promise<{ entities: number; relations: number; mentions: number }> {
  const { file, problems } = parseExport(text);
  if (!file) throw new ImportError(`The import file is not a GovGraph export:\n${problems.join('\n')}`);
  const integrity = checkContent([{ where: 'import', content: file }]);
  if (integrity.length > 0) throw new ImportError(`The import file is inconsistent:\n${integrity.join('\n')}`);
  const [count] = await db.read(Q['count-graph']);
  const existing = Number(count?.entities ?? 0);
  if (existing > 0 && !options.replace) {
    throw new ImportError(
      `The database already holds ${existing} entities. Import restores a whole graph into an empty database; ` +
        'use --replace to swap the current graph for the file in one transaction.',
    );
  }
  const payload = importPayload(file);
  await db.writeAll([
    ...(options.replace ? [{ query: Q['delete-graph'], params: {} }] : []),
    ...inBatches(payload.entities).map((entities) => ({ query: Q['import-entities'], params: { entities } })),
    ...inBatches(payload.relations).map((relations) => ({ query: Q['import-relations'], params: { relations } })),
    ...inBatches(payload.mentions).map((mentions) => ({ query: Q['import-mentions'], params: { mentions } })),
  ]);
  return { entities: file.entities.length, relations: file.relations.length, mentions: file.mentions.length };
}
