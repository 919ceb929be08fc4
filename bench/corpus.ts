import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildSeed, capturedSeed, readSeedFiles } from '../seed/load.js';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { migrate } from '../server/db/migrate.js';
import { createGovGraphYoga } from '../server/http/yoga.js';
import { loadSeed } from '../server/services/seed/load.js';
import { alternate, type Percentiles } from './measure.js';

export interface CorpusReport {
  readonly at: string;
  readonly graphs: Record<Side, { entities: number; relations: number; articles: number }>;
  /** Seconds to check the seed files and build the graph in memory (no database). */
  readonly parseSeconds: number;
  /** Seconds to write the whole corpus into an empty database, and to run the seed again (adds nothing). */
  readonly loadSeconds: number;
  readonly reloadSeconds: number;
  readonly operations: Record<string, Record<Side, Percentiles>>;
}

type Side = 'captured' | 'corpus';

const OPERATIONS: Record<string, { query: string; inputs: Array<Record<string, unknown>> }> = {
  search: {
    query: 'query ($q: String!) { search(query: $q, first: 8) { totalCount edges { node { id name } } } }',
    inputs: ['Hüskens', 'Digital', 'OZG', 'Sachsen', 'IT-Planungsrat', 'Salzland', 'Minister', 'Bernd'].map((q) => ({
      q,
    })),
  },
  neighborhood: {
    query: `query ($ids: [ID!]!) { neighborhood(ids: $ids, limit: 60) {
      truncated nodes { id name } edges { id type } hiddenNeighbors { entity { id } count } } }`,
    inputs: [['region:15'], ['person:lydia-hueskens'], ['law:ozg-aenderungsgesetz'], ['region:01'], ['law:ozg']].map(
      (ids) => ({ ids }),
    ),
  },
  timeline: {
    query: `query ($from: Date, $entityId: ID) { timeline(from: $from, entityId: $entityId, first: 50) {
      totalCount edges { node { id name } } } }`,
    inputs: [{}, { from: '2024-01-01' }, { entityId: 'law:ozg-aenderungsgesetz' }, { entityId: 'region:15' }],
  },
  paths: {
    query: `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) { length paths { nodeIds } } }`,
    inputs: [
      { from: 'person:lydia-hueskens', to: 'region:15089' },
      { from: 'person:bernd-schloemer', to: 'law:ozg-aenderungsgesetz' },
      { from: 'region:01', to: 'person:markus-bauer' },
    ],
  },
};

/**
 * `npm run bench -- --corpus`: loads the curated corpus into an empty embedded Neo4j (timed), runs the seed a
 * second time, and measures search, neighbourhood, timeline and paths through GovGraph's API on it and, side by
 * side in the same run, on a second Neo4j holding only the captured page's graph.
 */
export async function benchCorpus(log: (line: string) => void): Promise<CorpusReport> {
  const started = performance.now();
  const files = readSeedFiles();
  const corpus = buildSeed(files);
  const parseSeconds = (performance.now() - started) / 1000;
  // The captured page of 31.8.2022 and its five teasers: the graph GovGraph knew before the curated corpus.
  const captured = capturedSeed(files);
  const graphs = {
    captured: sizes(captured),
    corpus: sizes(corpus),
  };
  log(
    `corpus: ${graphs.corpus.articles} articles, ${graphs.corpus.entities} entities, ${graphs.corpus.relations} facts`,
  );

  const servers = await Promise.all(
    (['captured', 'corpus'] as const).map((side) => {
      const dataDir = path.resolve(`.data/bench-corpus-${side}`);
      rmSync(dataDir, { recursive: true, force: true });
      return startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '1g', log: (line) => log(`neo4j ${side}: ${line}`) });
    }),
  );
  const dbs = servers.map((s) => new Database({ uri: s.uri, ...s.auth }));
  try {
    for (const db of dbs) await migrate(db);
    await loadSeed(dbs[0] as Database, captured);
    const loadStarted = performance.now();
    const loaded = await loadSeed(dbs[1] as Database, corpus);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    log(`loaded ${loaded.entities} entities and ${loaded.relations} relations in ${loadSeconds.toFixed(1)} s`);
    const reloadStarted = performance.now();
    const again = await loadSeed(dbs[1] as Database, corpus);
    const reloadSeconds = (performance.now() - reloadStarted) / 1000;
    log(
      `a second run added ${again.entities} entities and ${again.relations} relations in ${reloadSeconds.toFixed(1)} s`,
    );

    const yogas = { captured: createGovGraphYoga(dbs[0] as Database), corpus: createGovGraphYoga(dbs[1] as Database) };
    const operations: Record<string, Record<Side, Percentiles>> = {};
    for (const [name, { query, inputs }] of Object.entries(OPERATIONS)) {
      const result = await alternate(
        ['captured', 'corpus'] as const,
        inputs,
        async (side, variables) => {
          const response = await yogas[side].fetch('http://govgraph.bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await response.json()) as { errors?: Array<{ message: string }> };
          // The captured page's graph does not know every entity the inputs name; the corpus must.
          if (body.errors && side === 'corpus') throw new Error(`${name}: ${body.errors[0]?.message}`);
        },
        5,
      );
      operations[name] = { captured: result.captured.median, corpus: result.corpus.median };
      log(
        `${name}: p50 ${result.captured.median.p50} ms → ${result.corpus.median.p50} ms, p95 ${result.captured.median.p95} → ${result.corpus.median.p95} ms`,
      );
    }
    return { at: new Date().toISOString(), graphs, parseSeconds, loadSeconds, reloadSeconds, operations };
  } finally {
    for (const db of dbs) await db.close();
    for (const server of servers) await server.stop();
  }
}

function sizes(content: ReturnType<typeof buildSeed>) {
  return {
    entities: content.entities.length,
    relations: content.relations.length,
    articles: content.entities.filter((e) => e.kind === 'ARTICLE').length,
  };
}
