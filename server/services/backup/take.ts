import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { checkContent } from '../../../shared/integrity.js';
import type { Database, Row } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { exportGraph } from '../transfer/transfer.js';
import {
  BackupError,
  decodeBackup,
  encodeBackup,
  type Manifest,
  RECORD_LABELS,
  RECORD_SECTIONS,
  type RecordSection,
  type StoredRecord,
} from './format.js';
import { B } from './queries.js';

/** Cypher types kept as they are in JSON; FLOAT and ZONED DATETIME are noted per record; anything else is refused. */
const JSON_TYPES = /^(STRING|INTEGER|BOOLEAN|LIST<(STRING|INTEGER|BOOLEAN|NOTHING)>)$/;
/** Reading everything again when an edit committed meanwhile, at most this often. */
const ATTEMPTS = 3;

function toRecord(label: string, row: Row): StoredRecord {
  const props = row.props as Record<string, StoredRecord['props'][string]>;
  const datetimes: string[] = [];
  const floats: string[] = [];
  for (const [key, cypherType] of row.types as Array<[string, string]>) {
    const type = cypherType.replaceAll(' NOT NULL', '');
    if (type === 'ZONED DATETIME') datetimes.push(key);
    else if (type === 'FLOAT') floats.push(key);
    else if (!JSON_TYPES.test(type)) {
      throw new BackupError(
        `Cannot back up ${label} ${String(props.id)}: its property ${key} is a ${type}, which a backup does not keep yet.`,
      );
    }
  }
  const record = { props, datetimes: datetimes.sort(), floats: floats.sort() };
  return (label === 'ApiToken' ? { ...record, of: row.of } : record) as StoredRecord;
}

async function readOnce(db: Database) {
  const graph = await exportGraph(db);
  const records = {} as Record<RecordSection, StoredRecord[]>;
  for (const name of RECORD_SECTIONS) {
    const label = RECORD_LABELS[name];
    records[name] = (await db.read(B.records, { label })).map((row) => toRecord(label, row));
  }
  const [skipped] = await db.read(B.skipped);
  const migrations = (await db.read(Q['migration-applied']))
    .map((row) => ({ name: String(row.name), checksum: String(row.checksum) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    content: { graph, records },
    skipped: {
      sessions: Number(skipped?.sessions ?? 0),
      idempotencyKeys: Number(skipped?.idempotencyKeys ?? 0),
      bulkLoads: Number(skipped?.bulkLoads ?? 0),
    },
    migrations,
  };
}

/**
 * Reads everything a restore needs: the canonical export, accounts, API
 * tokens, the change history and intakes, and the migrations applied. Nodes
 * or relationships it does not know make it refuse rather than leave them
 * out. Neo4j has no snapshot reads, so the parts are read between two
 * fingerprints of the database and read again if an edit committed meanwhile.
 */
export async function takeBackup(db: Database, now = new Date()): Promise<{ manifest: Manifest; data: Buffer }> {
  const [unfinished] = await db.read(B['restore-unfinished']);
  if (unfinished) {
    throw new BackupError(
      `The database holds an unfinished restore of ${String(unfinished.file)} (started ${String(unfinished.startedAt)}); ` +
        'finish it with npm run restore -- --replace <file> before backing up.',
    );
  }
  const unknown = await db.read(B.unknown);
  if (unknown.length > 0) {
    const list = unknown.map((row) => `${String(row.what)} (${String(row.count)})`).join(', ');
    throw new BackupError(`The database holds ${list}, which a backup does not know; nothing was written.`);
  }
  for (let attempt = 1; ; attempt += 1) {
    const [before] = await db.read(B.fingerprint);
    const read = await readOnce(db);
    const [after] = await db.read(B.fingerprint);
    if (isDeepStrictEqual(before, after)) {
      const problems = checkContent([{ where: 'graph', content: read.content.graph }]);
      if (problems.length > 0) throw new BackupError(`The graph is inconsistent:\n${problems.slice(0, 20).join('\n')}`);
      return encodeBackup(read.content, {
        createdAt: now.toISOString(),
        skipped: read.skipped,
        migrations: read.migrations,
      });
    }
    if (attempt === ATTEMPTS) {
      throw new BackupError(
        `The database changed while it was read, ${ATTEMPTS} times; try again when fewer edits are made.`,
      );
    }
  }
}

/** backups/govgraph-2026-11-27T15-19-51.622Z.ndjson.gz: sorts by time, no colons (Windows). */
export function defaultBackupPath(dir: string, now: Date): string {
  return path.join(dir, `govgraph-${now.toISOString().replaceAll(':', '-')}.ndjson.gz`);
}

/**
 * Compresses the backup and writes it so that `target` is either absent or
 * complete: a temporary file beside it, flushed to disk, read back and checked
 * as a restore would, then renamed over. An existing file is never replaced.
 * Readable by the owner only: it holds password and token hashes.
 */
export async function writeBackupFile(target: string, data: Buffer): Promise<{ bytes: number }> {
  if (existsSync(target)) throw new BackupError(`${target} exists already; a backup never overwrites a file.`);
  const dir = path.dirname(path.resolve(target));
  mkdirSync(dir, { recursive: true });
  const compressed = await promisify(gzip)(data);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      for (let offset = 0; offset < compressed.length; ) {
        offset += writeSync(fd, compressed, offset, compressed.length - offset);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    decodeBackup(readFileSync(temporary));
    if (existsSync(target)) throw new BackupError(`${target} exists already; a backup never overwrites a file.`);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  // The rename itself is durable only once the directory is flushed too.
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return { bytes: compressed.length };
}
