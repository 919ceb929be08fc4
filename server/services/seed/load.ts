import { buildSeed, readSeedFiles } from '../../../seed/load.js';
import type { GraphContent } from '../../../shared/integrity.js';
import { type Database, inBatches } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { toPayload } from '../../db/storage.js';

/** At most this long for the seed's one transaction (the embedded Neo4j's own limit is 60 s). */
const SEED_TIMEOUT_MS = 60_000;

export interface SeedResult {
  readonly entities: number;
  readonly relations: number;
  readonly mentions: number;
}

/**
 * Adds the seed in one transaction: all of it or, on any error, nothing.
 * MERGE on ids makes it idempotent; existing entities and relations are left
 * as they are, so editors' changes survive a re-run. Returns what was new.
 */
export async function loadSeed(db: Database, content: GraphContent = buildSeed(readSeedFiles())): Promise<SeedResult> {
  const recordedBy = 'seed';
  const payload = toPayload(content);
  const before = await counts(db);
  await db.writeAll(
    [
      ...inBatches(payload.entities).map((entities) => ({
        query: Q['seed-entities'],
        params: { entities, recordedBy },
      })),
      ...inBatches(payload.relations).map((relations) => ({
        query: Q['seed-relations'],
        params: { relations, recordedBy },
      })),
      ...inBatches(payload.mentions).map((mentions) => ({ query: Q['seed-mentions'], params: { mentions } })),
    ],
    // The whole corpus in one transaction takes seconds; on a busy machine more than a request's 15 s.
    { timeoutMs: SEED_TIMEOUT_MS },
  );
  const after = await counts(db);
  return {
    entities: after.entities - before.entities,
    relations: after.relations - before.relations,
    mentions: after.mentions - before.mentions,
  };
}

export async function counts(db: Database): Promise<SeedResult> {
  const [row] = await db.read(Q['count-graph']);
  return {
    entities: Number(row?.entities ?? 0),
    relations: Number(row?.relations ?? 0),
    mentions: Number(row?.mentions ?? 0),
  };
}

export async function isEmpty(db: Database): Promise<boolean> {
  return (await counts(db)).entities === 0;
}
