import { readFileSync } from 'node:fs';
import { Neo4jError } from 'neo4j-driver';
import pMap from 'p-map';
import type { Database } from '../server/db/database.js';
import { type CypherQuery, expandRelationTypes, Q } from '../server/db/queries.js';
import { toPayload } from '../server/db/storage.js';
import { type Scale, syntheticEntities, syntheticRelations } from './synthetic.js';

/** The bulk loader's own statements (bench/cypher/), which the server never runs. */
const bulk = (name: string): CypherQuery => ({
  name,
  text: expandRelationTypes(readFileSync(new URL(`./cypher/${name}.cypher`, import.meta.url), 'utf8')),
});
const B = {
  'bulk-entities': bulk('bulk-entities'),
  'bulk-relations': bulk('bulk-relations'),
  'bulk-present': bulk('bulk-present'),
  'bulk-complete': bulk('bulk-complete'),
  'bulk-completed': bulk('bulk-completed'),
} as const;

export interface LoadReport {
  readonly entities: number;
  readonly relations: number;
  /** Chunks an earlier run had written already (skipped). */
  readonly skippedChunks: number;
  /** Wall time of the load's phases, chunks already there left out (generating rows overlaps the writes). */
  readonly writeSeconds: number;
  readonly entitiesPerSecond: number;
  readonly relationsPerSecond: number;
}

type Payload = ReturnType<typeof toPayload>;
type EntityRow = Payload['entities'][number];
type RelationRow = Payload['relations'][number];

/** Chunks written at once (measured on 2 cores: 1 -> 4,900, 2 -> 6,600, 3 -> 6,600 relations/s). */
const WRITERS = 2;

/** Nulls mean "not set"; leaving them out makes every row smaller on the wire. */
function compact<T extends { props: Record<string, unknown> }>(row: T): T {
  return { ...row, props: Object.fromEntries(Object.entries(row.props).filter(([, value]) => value !== null)) };
}

const isConstraintViolation = (error: unknown) =>
  error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * Writes one chunk in one transaction, so a chunk is either all there or not
 * at all. A chunk whose first and last rows exist was written by an earlier
 * run and is skipped; a new one is written with CREATE (about twice as fast
 * as MERGE); should a chunk be partly there after all (an earlier run with a
 * different chunk size), CREATE hits a unique constraint, rolls back, and the
 * seed's MERGE writes what is missing.
 */
async function writeChunk(
  db: Database,
  kind: 'entities' | 'relations',
  rows: readonly (EntityRow | RelationRow)[],
): Promise<'skipped' | 'written'> {
  const ends = [rows[0], rows.at(-1)].filter((row) => row !== undefined);
  const [present] = await db.read(B['bulk-present'], {
    entities: kind === 'entities' ? ends.map((row) => row.id) : [],
    relations: kind === 'relations' ? ends : [],
  });
  const found = (present?.[kind] as unknown[] | undefined)?.length ?? 0;
  if (found === new Set(ends.map((row) => row.id)).size) return 'skipped';
  const params = { [kind]: rows.map(compact), recordedBy: 'synthetic' };
  try {
    await db.write(kind === 'entities' ? B['bulk-entities'] : B['bulk-relations'], params);
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
    await db.write(kind === 'entities' ? Q['seed-entities'] : Q['seed-relations'], {
      [kind]: rows,
      recordedBy: 'synthetic',
    });
  }
  return 'written';
}

/**
 * Writes the synthetic graph in batched `UNWIND` transactions of 10,000 rows
 * (the generator's chunks). Unique ids make it restartable: an interrupted
 * load run again skips what is there and adds what is missing.
 */
export async function loadSynthetic(
  db: Database,
  scale: Scale,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<LoadReport> {
  const marker = {
    seed,
    entities: Object.values(scale).reduce((a, b) => a + b, 0) - scale.relations,
    relations: scale.relations,
  };
  const [complete] = await db.read(B['bulk-complete'], marker);
  if (complete?.complete === true) {
    log('the graph is complete from an earlier run (its marker says so): nothing to load');
    return {
      entities: 0,
      relations: 0,
      skippedChunks: 0,
      writeSeconds: 0,
      entitiesPerSecond: 0,
      relationsPerSecond: 0,
    };
  }
  const done = { entities: 0, relations: 0 };
  const written = { entities: 0, relations: 0 };
  const ms = { entities: 0, relations: 0 };
  let skippedChunks = 0;
  const chunks = (kind: 'entities' | 'relations'): Iterable<ReadonlyArray<EntityRow | RelationRow>> =>
    kind === 'entities'
      ? (function* () {
          for (const chunk of syntheticEntities(scale, seed))
            yield toPayload({ entities: chunk, relations: [], mentions: [] }).entities;
        })()
      : (function* () {
          for (const chunk of syntheticRelations(scale, seed))
            yield toPayload({ entities: [], relations: chunk, mentions: [] }).relations;
        })();
  for (const kind of ['entities', 'relations'] as const) {
    // Two chunks in flight: while Neo4j writes one, the driver encodes the next, and the JVM has both cores.
    // Two transactions may lock the same entities; Neo4j then reports a deadlock, and the driver retries.
    const started = performance.now();
    let skippedRows = 0;
    await pMap(
      chunks(kind),
      async (rows) => {
        const outcome = await writeChunk(db, kind, rows);
        done[kind] += rows.length;
        if (outcome === 'skipped') {
          skippedChunks += 1;
          skippedRows += rows.length;
        } else {
          written[kind] += rows.length;
        }
        if (done[kind] % 100_000 === 0) log(`${kind}: ${done[kind]}`);
      },
      { concurrency: WRITERS },
    );
    // Wall time of the phase: with chunks in parallel, their own times would overlap.
    if (written[kind] > 0) ms[kind] = (performance.now() - started) * (written[kind] / (written[kind] + skippedRows));
  }
  await db.write(B['bulk-completed'], marker);
  const rate = (kind: 'entities' | 'relations') => (ms[kind] > 0 ? Math.round(written[kind] / (ms[kind] / 1000)) : 0);
  return {
    entities: written.entities,
    relations: written.relations,
    skippedChunks,
    writeSeconds: (ms.entities + ms.relations) / 1000,
    entitiesPerSecond: rate('entities'),
    relationsPerSecond: rate('relations'),
  };
}
