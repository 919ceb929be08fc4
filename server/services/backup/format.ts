import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { configure } from 'safe-stable-stringify';
import { z } from 'zod';
import { messageOf, systemCodeOf } from '../../../shared/errors.js';
import { checkContent } from '../../../shared/integrity.js';
import { ROLES } from '../../../shared/vocabulary.js';
import { type ExportFile, parseExport } from '../transfer/transfer.js';

/**
 * A backup file is gzip-compressed NDJSON: line 1 the manifest, then one line
 * per section in the manifest's order. The graph section is the canonical
 * export (compact), so it can also be fed to `npm run import`; the others hold
 * what lives beside the graph in Neo4j. The manifest holds each section's
 * length and SHA-256, so a damaged or edited file is refused before anything
 * is written.
 */
export const BACKUP_FORMAT = 'govgraph-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The operational records and the label each is stored under. */
export const RECORD_LABELS = { users: 'User', apiTokens: 'ApiToken', changes: 'Change', intakes: 'Intake' } as const;
export type RecordSection = keyof typeof RECORD_LABELS;
export const RECORD_SECTIONS = Object.keys(RECORD_LABELS) as RecordSection[];
export const SECTIONS = ['graph', ...RECORD_SECTIONS] as const;

/** A backup that cannot be made or restored; nothing was changed. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Value = z.union([Scalar, z.array(Scalar)], { error: 'must be a string, number, boolean or a list of them' });
/** Neo4j's date-time text: ISO 8601 with an offset, perhaps a zone name in brackets. */
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)(\[[\w+\-/]+\])?$/;

/**
 * One stored node: its properties, and which of them are date-times or floats
 * in Neo4j (JSON has neither type, and both must come back as they were).
 * Properties the schema does not name are kept as they are.
 */
function stored<T extends z.ZodRawShape>(shape: T, dates: readonly string[], of: boolean) {
  return z
    .object({
      props: z.object(shape).catchall(Value),
      datetimes: z.array(z.string()),
      floats: z.array(z.string()),
      ...(of ? { of: z.string({ error: 'must name the account the token belongs to' }) } : {}),
    })
    .strict()
    .superRefine((record, ctx) => {
      const props = record.props as Record<string, unknown>;
      for (const key of record.datetimes) {
        const value = props[key];
        if (typeof value !== 'string' || !DATETIME.test(value)) {
          ctx.addIssue({ code: 'custom', path: ['props', key], message: 'must be an ISO date-time' });
        }
      }
      for (const key of record.floats) {
        if (typeof props[key] !== 'number')
          ctx.addIssue({ code: 'custom', path: ['props', key], message: 'must be a number' });
      }
      for (const key of dates) {
        if (key in props && !record.datetimes.includes(key)) {
          ctx.addIssue({ code: 'custom', path: ['datetimes'], message: `must list ${key}, which is a date-time` });
        }
      }
    });
}

const text = z.string({ error: 'must be a string' }).min(1, 'must not be empty');
const prefixed = (prefix: string) => text.startsWith(`${prefix}:`, `must start with "${prefix}:"`);

export const RECORD_SCHEMAS = {
  users: stored(
    {
      id: prefixed('user'),
      email: text,
      role: z.enum(ROLES),
      passwordHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/, 'must be a scrypt hash'),
    },
    ['createdAt'],
    false,
  ),
  apiTokens: stored(
    { id: prefixed('token'), name: text, tokenHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash') },
    ['createdAt', 'revokedAt'],
    true,
  ),
  changes: stored(
    {
      id: prefixed('change'),
      batch: prefixed('batch'),
      target: text,
      action: z.enum(['CREATE', 'UPDATE', 'DELETE']),
      by: text,
    },
    ['at'],
    false,
  ),
  intakes: stored(
    { id: prefixed('intake'), status: z.enum(['PENDING', 'APPLIED', 'REJECTED']), payload: text },
    ['submittedAt', 'decidedAt'],
    false,
  ),
} as const;

export type StoredRecord = z.infer<(typeof RECORD_SCHEMAS)[RecordSection]> & { of?: string };

const count = z.number().int().nonnegative();
const Manifest = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: z.iso.datetime(),
    counts: z
      .object({
        entities: count,
        relations: count,
        mentions: count,
        users: count,
        apiTokens: count,
        changes: count,
        intakes: count,
      })
      .strict(),
    skipped: z.object({ sessions: count, idempotencyKeys: count, bulkLoads: count }).strict(),
    migrations: z.array(z.object({ name: text, checksum: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
    sections: z.array(
      z.object({ name: z.enum(SECTIONS), bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    ),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

export interface BackupContent {
  readonly graph: ExportFile;
  readonly records: Readonly<Record<RecordSection, readonly StoredRecord[]>>;
}

export interface Backup extends BackupContent {
  readonly manifest: Manifest;
}

const compact = configure({ deterministic: true, bigint: false, circularValue: Error });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The backup as the bytes of its (uncompressed) file. */
export function encodeBackup(
  content: BackupContent,
  meta: Pick<Manifest, 'createdAt' | 'skipped' | 'migrations'>,
): { manifest: Manifest; data: Buffer } {
  const lines = SECTIONS.map((name) => {
    const value = name === 'graph' ? content.graph : content.records[name];
    return { name, data: Buffer.from(compact(value) ?? 'null', 'utf8') };
  });
  const { graph, records } = content;
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: meta.createdAt,
    counts: {
      entities: graph.entities.length,
      relations: graph.relations.length,
      mentions: graph.mentions.length,
      users: records.users.length,
      apiTokens: records.apiTokens.length,
      changes: records.changes.length,
      intakes: records.intakes.length,
    },
    skipped: meta.skipped,
    migrations: meta.migrations,
    sections: lines.map(({ name, data }) => ({ name, bytes: data.length, sha256: sha256(data) })),
  };
  const newline = Buffer.from('\n');
  const data = Buffer.concat([
    Buffer.from(compact(manifest) ?? '', 'utf8'),
    newline,
    ...lines.flatMap((line) => [line.data, newline]),
  ]);
  return { manifest, data };
}

/** Splits at newlines without decoding: a big graph's line may be longer than a JavaScript string may be. */
function splitLines(data: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
    lines.push(data.subarray(start, end));
    start = end + 1;
  }
  if (start < data.length) lines.push(data.subarray(start));
  return lines;
}

const place = (path: ReadonlyArray<PropertyKey>) =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

function readManifest(line: Buffer | undefined): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(line?.toString('utf8') ?? '');
  } catch {
    throw new BackupError('It is not a GovGraph backup: its first line is not a JSON manifest.');
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT) {
    throw new BackupError(`It is not a GovGraph backup: the manifest's format is not "${BACKUP_FORMAT}".`);
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `It has format version ${head.formatVersion}, made by a newer GovGraph; this one reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((i) => `manifest${place(i.path)}: ${i.message}`);
    throw new BackupError(`Its manifest is not valid:\n${problems.join('\n')}`);
  }
  const names = parsed.data.sections.map((s) => s.name).join(', ');
  if (names !== SECTIONS.join(', ')) {
    throw new BackupError(`Its manifest lists the sections ${names || 'none'}; expected ${SECTIONS.join(', ')}.`);
  }
  return parsed.data;
}

/** Turns a gzip error into what it means for the file. */
function gunzip(file: Buffer): Buffer {
  try {
    return gunzipSync(file);
  } catch (error) {
    const code = systemCodeOf(error);
    const message = messageOf(error);
    if (code === 'Z_BUF_ERROR') throw new BackupError('It is truncated: its compressed data ends early.');
    if (code === 'Z_DATA_ERROR' && /header/.test(message)) {
      throw new BackupError('It is not a GovGraph backup: it is not gzip-compressed.');
    }
    throw new BackupError(`It is damaged: ${message}.`);
  }
}

/**
 * Reads and checks a whole backup file: compression, manifest, format
 * version, each section's length and checksum, every record against its
 * schema, and the graph against the model, as an import checks it. Throws
 * BackupError naming what is wrong and where.
 */
export function decodeBackup(file: Buffer): Backup {
  const lines = splitLines(gunzip(file));
  const manifest = readManifest(lines[0]);
  if (lines.length !== SECTIONS.length + 1) {
    throw new BackupError(
      `It has ${lines.length - 1} sections after the manifest; the manifest lists ${SECTIONS.length}` +
        `${lines.length - 1 < SECTIONS.length ? ' (the file is truncated)' : ''}.`,
    );
  }
  manifest.sections.forEach((section, index) => {
    const data = lines[index + 1] as Buffer;
    const where = `line ${index + 2} (section ${section.name})`;
    if (data.length !== section.bytes || sha256(data) !== section.sha256) {
      throw new BackupError(
        `Its ${where} does not match the manifest's checksum (${data.length} bytes, the manifest says ` +
          `${section.bytes}): the file was changed or damaged after it was written.`,
      );
    }
  });
  const graphText = (lines[1] as Buffer).toString('utf8');
  const { file: graph, problems } = parseExport(graphText);
  if (!graph) throw new BackupError(`Its section graph (line 2) is not a valid export:\n${problems.join('\n')}`);
  const integrity = checkContent([{ where: 'graph', content: graph }]);
  if (integrity.length > 0)
    throw new BackupError(`Its section graph (line 2) is inconsistent:\n${integrity.join('\n')}`);

  const records = {} as Record<RecordSection, StoredRecord[]>;
  RECORD_SECTIONS.forEach((name, index) => {
    const line = index + 3;
    let raw: unknown;
    try {
      raw = JSON.parse((lines[line - 1] as Buffer).toString('utf8'));
    } catch (error) {
      throw new BackupError(`Its section ${name} (line ${line}) is not valid JSON: ${messageOf(error)}`);
    }
    const parsed = z.array(RECORD_SCHEMAS[name] as z.ZodType<StoredRecord>).safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 20).map((issue) => {
        const [at] = issue.path;
        const id = typeof at === 'number' ? (raw as Array<{ props?: { id?: unknown } }>)[at]?.props?.id : undefined;
        return `${name}${place(issue.path)}${typeof id === 'string' ? ` (${id})` : ''}: ${issue.message}`;
      });
      throw new BackupError(`Its section ${name} (line ${line}) has invalid records:\n${problems.join('\n')}`);
    }
    records[name] = parsed.data;
  });
  const content = { graph, records };
  const wrong = crossProblems(content, manifest);
  if (wrong.length > 0) throw new BackupError(`It does not fit together:\n${wrong.slice(0, 20).join('\n')}`);
  return { manifest, ...content };
}

/** What the schemas cannot see: unique ids and emails, tokens of accounts in the backup, the manifest's counts. */
function crossProblems({ graph, records }: BackupContent, manifest: Manifest): string[] {
  const problems: string[] = [];
  const unique = (name: string, values: Array<unknown>) => {
    const seen = new Set<unknown>();
    for (const value of values) {
      if (seen.has(value)) problems.push(`${name}: ${String(value)} occurs twice`);
      seen.add(value);
    }
  };
  for (const name of RECORD_SECTIONS)
    unique(
      `${name}.id`,
      records[name].map((r) => r.props.id),
    );
  unique(
    'users.email',
    records.users.map((r) => r.props.email),
  );
  unique(
    'apiTokens.tokenHash',
    records.apiTokens.map((r) => r.props.tokenHash),
  );
  const users = new Set(records.users.map((r) => r.props.id));
  for (const token of records.apiTokens) {
    if (token.of === undefined || !users.has(token.of))
      problems.push(`apiTokens: ${token.props.id} belongs to ${token.of}, which is not in the backup`);
  }
  const actual = {
    entities: graph.entities.length,
    relations: graph.relations.length,
    mentions: graph.mentions.length,
    ...Object.fromEntries(RECORD_SECTIONS.map((name) => [name, records[name].length])),
  } as Manifest['counts'];
  for (const [kind, expected] of Object.entries(manifest.counts)) {
    const found = actual[kind as keyof Manifest['counts']];
    if (found !== expected) problems.push(`${kind}: the manifest counts ${expected}, the file holds ${found}`);
  }
  return problems;
}

/** "458 entities, 466 relations, …, 1 intake" */
export function describeCounts(counts: Manifest['counts']): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(counts.entities, 'entity', 'entities'),
    plural(counts.relations, 'relation', 'relations'),
    plural(counts.mentions, 'mention', 'mentions'),
    plural(counts.users, 'account', 'accounts'),
    plural(counts.apiTokens, 'API token', 'API tokens'),
    plural(counts.changes, 'recorded change', 'recorded changes'),
    plural(counts.intakes, 'intake', 'intakes'),
  ].join(', ');
}
