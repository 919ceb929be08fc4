import { toPayload } from '../seed/load.js';
import type { Database } from '../server/db/database.js';
import { Q } from '../server/db/queries.js';
import { type Scale, syntheticEntities, syntheticRelations } from './synthetic.js';

export interface LoadReport {
  readonly entities: number;
  readonly relations: number;
  /** Time spent in Neo4j writes only (generating the rows is not counted). */
  readonly writeSeconds: number;
  readonly entitiesPerSecond: number;
  readonly relationsPerSecond: number;
}

/**
 * Writes the synthetic graph with batched `UNWIND … MERGE` (the seed's own
 * queries), one transaction per chunk of 10,000 rows. MERGE on unique ids
 * makes it restartable: an interrupted load run again adds what is missing.
 */
export async function loadSynthetic(
  db: Database,
  scale: Scale,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<LoadReport> {
  let entities = 0;
  let relations = 0;
  let entityMs = 0;
  let relationMs = 0;
  for (const chunk of syntheticEntities(scale, seed)) {
    const payload = toPayload({ entities: chunk, relations: [], mentions: [] });
    const started = performance.now();
    await db.write(Q['seed-entities'], { entities: payload.entities, recordedBy: 'synthetic' });
    entityMs += performance.now() - started;
    entities += chunk.length;
  }
  log(`entities: ${entities} in ${(entityMs / 1000).toFixed(1)} s of writes`);
  for (const chunk of syntheticRelations(scale, seed)) {
    const payload = toPayload({ entities: [], relations: chunk, mentions: [] });
    const started = performance.now();
    await db.write(Q['seed-relations'], { relations: payload.relations, recordedBy: 'synthetic' });
    relationMs += performance.now() - started;
    relations += chunk.length;
    if (relations % 100_000 === 0) log(`relations: ${relations}`);
  }
  const writeSeconds = (entityMs + relationMs) / 1000;
  return {
    entities,
    relations,
    writeSeconds,
    entitiesPerSecond: Math.round(entities / (entityMs / 1000)),
    relationsPerSecond: Math.round(relations / (relationMs / 1000)),
  };
}
