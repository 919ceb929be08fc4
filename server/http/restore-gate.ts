import type { Database } from '../db/database.js';
import { B } from '../services/backup/queries.js';

/** A restore of a backup that has begun and not completed (its marker in the database). */
export interface UnfinishedRestore {
  readonly file: string;
  /** Where the content before a --replace was saved; null when the database was empty. */
  readonly saved: string | null;
}

/** How long one look for the marker answers every request: the servers learn of a restore within a second. */
const LOOK_EVERY_MS = 1_000;

const gates = new WeakMap<Database, () => Promise<UnfinishedRestore | null>>();

/**
 * Whether a restore is under way or did not finish on this database, looked up at most once a second and shared
 * by every request: while it is, servers answer 503 (their data is part of a backup, or nothing).
 */
export function unfinishedRestore(db: Database): Promise<UnfinishedRestore | null> {
  let look = gates.get(db);
  if (!look) {
    let last: { at: number; answer: Promise<UnfinishedRestore | null> } | null = null;
    look = () => {
      if (!last || Date.now() - last.at > LOOK_EVERY_MS) {
        const answer = db
          .readState(B['restore-unfinished'])
          .then(([row]) =>
            row ? { file: String(row.file), saved: row.saved == null ? null : String(row.saved) } : null,
          );
        // A failed look is not remembered: the next request asks again.
        answer.catch(() => {
          last = null;
        });
        last = { at: Date.now(), answer };
      }
      return last.answer;
    };
    gates.set(db, look);
  }
  return look();
}

/** What servers say while a restore is unfinished: what happened and how to get the service back. */
export function restoreMessage(restore: UnfinishedRestore): string {
  const back = restore.saved
    ? `The content before it is saved in ${restore.saved}; put it back with: npm run restore -- --replace ${restore.saved}`
    : `Finish it with: npm run restore -- --replace ${restore.file}`;
  return `A restore of ${restore.file} is under way or did not finish, so the database holds only part of it. ${back}`;
}

/** What `/readyz` answers: Neo4j answers and no restore is unfinished (true), else why not. */
export async function readiness(db: Database): Promise<boolean | string> {
  if (!(await db.reachable())) return false;
  const restoring = await unfinishedRestore(db).catch(() => null);
  return restoring ? restoreMessage(restoring) : true;
}
