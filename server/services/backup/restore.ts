import { messageOf } from '../../../shared/errors.js';
import { type Database, inBatches, type Params } from '../../db/database.js';
import { loadMigrations, type Migration, relationTypeMigrations } from '../../db/migrate.js';
import { type CypherQuery, Q } from '../../db/queries.js';
import { importPayload } from '../transfer/transfer.js';
import { type Backup, BackupError, RECORD_LABELS, RECORD_SECTIONS } from './format.js';
import { B } from './queries.js';

/** Statements per restore transaction: 5,000 rows commit well within the transaction timeout and heap. */
const STATEMENTS_PER_TRANSACTION = 5;
/** Nodes removed per transaction when a database is emptied. */
const WIPE_BATCH = 5_000;

const NOUNS: Record<string, [string, string]> = {
  Entity: ['entity', 'entities'],
  User: ['account', 'accounts'],
  ApiToken: ['API token', 'API tokens'],
  Session: ['session', 'sessions'],
  Change: ['recorded change', 'recorded changes'],
  Intake: ['intake', 'intakes'],
  IdempotencyKey: ['idempotency key', 'idempotency keys'],
  BulkLoad: ['bulk-load marker', 'bulk-load markers'],
  RestoreInProgress: ['marker of an unfinished restore', 'markers of an unfinished restore'],
};

/** What the database holds besides its migrations: nodes per label. */
export type Census = Readonly<Record<string, number>>;

export async function census(db: Database): Promise<Census> {
  return Object.fromEntries((await db.read(B.census)).map((row) => [String(row.label), Number(row.count)]));
}

/** "458 entities, 5 accounts and 3 sessions" */
export function describeCensus(found: Census): string {
  const order = Object.keys(NOUNS);
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  const labels = Object.keys(found).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const parts = labels.map((label) => {
    const n = found[label] ?? 0;
    const [one, many] = NOUNS[label] ?? [`node labelled ${label}`, `nodes labelled ${label}`];
    return `${n} ${n === 1 ? one : many}`;
  });
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Removes everything but the migration records, in transactions of WIPE_BATCH nodes. */
async function wipe(db: Database, keepMarker: boolean): Promise<void> {
  for (;;) {
    const [row] = await db.write(B.wipe, { limit: WIPE_BATCH, keepMarker });
    if (Number(row?.deleted ?? 0) === 0) return;
  }
}

/**
 * The migrations the backup's database had must be this version's, unchanged;
 * the ones it lacks are returned: the restored data has not been through them.
 */
function laterMigrations(backup: Backup): Migration[] {
  const current = [...loadMigrations(), ...relationTypeMigrations()];
  const known = new Map(current.map((m) => [m.name, m.checksum]));
  for (const { name, checksum } of backup.manifest.migrations) {
    const mine = known.get(name);
    if (mine === undefined) {
      throw new BackupError(
        `The backup was made by a newer GovGraph: its database had the migration ${name}, which this version does not know. ` +
          'Restore it with the version that made it, or a newer one.',
      );
    }
    if (mine !== checksum) {
      throw new BackupError(`The backup's migration ${name} differs from this version's file of that name.`);
    }
  }
  const had = new Set(backup.manifest.migrations.map((m) => m.name));
  return current.filter((m) => !had.has(m.name));
}

function writeSteps(backup: Backup): Array<{ query: CypherQuery; params: Params }> {
  const payload = importPayload(backup.graph);
  const records = RECORD_SECTIONS.flatMap((name) =>
    inBatches(backup.records[name]).map((batch) => ({
      query: B['restore-records'],
      params: {
        label: RECORD_LABELS[name],
        records: batch.map(({ props, datetimes, floats }) => ({ props, datetimes, floats })),
      },
    })),
  );
  const links = backup.records.apiTokens.map((token) => ({ token: token.props.id, user: token.of }));
  return [
    ...inBatches(payload.entities).map((entities) => ({ query: Q['import-entities'], params: { entities } })),
    ...inBatches(payload.relations).map((relations) => ({ query: Q['import-relations'], params: { relations } })),
    ...inBatches(payload.mentions).map((mentions) => ({ query: Q['import-mentions'], params: { mentions } })),
    ...records,
    ...inBatches(links).map((batch) => ({ query: B['restore-links'], params: { links: batch } })),
  ];
}

/** What the restored database must hold, compared with what it does. */
async function checkRestored(db: Database, backup: Backup): Promise<void> {
  const { counts } = backup.manifest;
  const [graph] = await db.read(Q['count-graph']);
  const found = await census(db);
  const expected: Array<[string, number, number]> = [
    ['entities', counts.entities, Number(graph?.entities ?? 0)],
    ['relations', counts.relations, Number(graph?.relations ?? 0)],
    ['mentions', counts.mentions, Number(graph?.mentions ?? 0)],
    ...RECORD_SECTIONS.map((name): [string, number, number] => [name, counts[name], found[RECORD_LABELS[name]] ?? 0]),
  ];
  const wrong = expected.filter(([, want, have]) => want !== have);
  if (wrong.length > 0) {
    const list = wrong.map(([what, want, have]) => `${what}: ${have} written, ${want} in the backup`).join('; ');
    throw new Error(`the database does not hold what the backup does (${list})`);
  }
}

export interface RestoreResult {
  /** What --replace removed first; null when the database was empty. */
  readonly removed: Census | null;
  /** Migrations the backup's data had not been through, applied after loading it. */
  readonly migrated: readonly string[];
}

/**
 * Restores a checked backup into an empty database (only migration records in
 * it), or, with `replace`, removes everything else first. The write runs in
 * transactions of a few thousand rows, so a graph of any size fits the
 * transaction timeout; a marker node makes the database count as not empty
 * until the restore is complete, and a restore that fails midway empties the
 * database again. Replacing is not undone by a failure: the caller saves the
 * current content first.
 */
export async function restoreBackup(
  db: Database,
  backup: Backup,
  options: { replace?: boolean; source: string; saved?: string | null },
): Promise<RestoreResult> {
  const later = laterMigrations(backup);
  const present = await census(db);
  const unfinished = (present.RestoreInProgress ?? 0) > 0;
  // An earlier, unfinished restore's marker names the copy saved before it; a new --replace keeps naming that one.
  const [earlier] = unfinished ? await db.read(B['restore-unfinished']) : [];
  const saved = options.saved ?? (earlier?.saved == null ? null : String(earlier.saved));
  if (Object.keys(present).length > 0 && !options.replace) {
    throw new BackupError(
      unfinished
        ? 'The database holds an unfinished restore. Start it over with: npm run restore -- --replace <file>' +
            (saved ? `; the content before it is saved in ${saved}` : '')
        : `The database is not empty: it holds ${describeCensus(present)}. A restore fills an empty database only; ` +
            'npm run restore -- --replace <file> removes all of that first (after saving it to backups/).',
    );
  }
  await db.write(B['restore-begin'], { file: options.source, saved });
  try {
    if (Object.keys(present).length > 0) await wipe(db, true);
    const steps = writeSteps(backup);
    for (let i = 0; i < steps.length; i += STATEMENTS_PER_TRANSACTION) {
      await db.writeAll(steps.slice(i, i + STATEMENTS_PER_TRANSACTION));
    }
    // Data restored from an older version's backup goes through the migrations it missed.
    for (const migration of later) for (const statement of migration.statements) await db.schema(statement);
    await checkRestored(db, backup);
    await db.write(B['restore-end']);
  } catch (error) {
    const what = messageOf(error);
    const back = saved
      ? `The content before the restore is saved in ${saved}; put it back with: npm run restore -- --replace ${saved}`
      : `Start over with: npm run restore -- --replace ${options.source}`;
    try {
      // The marker stays: servers answer 503 until a restore has completed.
      await wipe(db, true);
    } catch (cleanup) {
      throw new BackupError(
        `The restore failed (${what}), and emptying the database again failed too (${messageOf(cleanup)}): ` +
          `it holds part of the backup, and servers answer 503 until a restore completes. ${back}`,
        { cause: error },
      );
    }
    throw new BackupError(
      `The restore failed (${what}); the database was emptied again, and servers answer 503 until a restore ` +
        `completes. ${back}`,
      { cause: error },
    );
  }
  return { removed: Object.keys(present).length > 0 ? present : null, migrated: later.map((m) => m.name) };
}
