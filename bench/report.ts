import { readFileSync, writeFileSync } from 'node:fs';
import type { OperationReport } from './compare.js';
import type { FrontendReport } from './frontend.js';
import type { LoadReport } from './load.js';

const START = '<!-- bench:start (written by npm run bench; do not edit by hand) -->';
const END = '<!-- bench:end -->';

const LABEL: Record<string, string> = {
  search: 'Search (first 20)',
  neighborhood1: 'Neighbourhood, 1 hop (≤ 200)',
  neighborhood2: 'Neighbourhood, 2 hops (≤ 1,000)',
  paths: 'Shortest paths (≤ 6 hops)',
  timeline: 'Timeline page (50)',
  nested: 'Entity → 50 facts → citations',
  updateEntity: 'Editor write (updateEntity)',
};

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pct = (ours: number, floor: number) =>
  `${ours >= floor ? '+' : ''}${Math.round(((ours - floor) / floor) * 100)}%`;

export interface BenchSummary {
  readonly at: string;
  readonly scale: string;
  readonly entities: number;
  readonly relations: number;
  readonly load: LoadReport | null;
  readonly machine: { cpus: number; memoryGiB: number; node: string };
  readonly operations: readonly OperationReport[];
}

export function frontendMarkdown(report: FrontendReport): string {
  const lines = [
    `The explorer in headless Chromium ${report.browser.version} (\`${report.browser.flags.join(' ')}\`; measured ${report.at.slice(0, 10)} by \`node --import tsx bench/frontend.ts\`, medians of ${report.sizes[0]?.runs.length ?? 0} runs; its Neighborhood requests answered in the page with generated graphs of the server's shape, so these are the front end's own times). Times in ms:`,
    '',
    '| Entities / relations | Response → drawn | Layout (where, algorithm) | Longest frame gap during layout | Pan p95 frame / longest gap | Zoom median / p95 frame | Click → details |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const size of report.sizes) {
    const m = size.median;
    lines.push(
      `| ${size.nodes.toLocaleString('en')} / ${size.edges.toLocaleString('en')} | ${ms(m.responseToDrawnMs)} | ${ms(m.layoutMs)} (${m.layoutWhere}, ${m.engine}) | ${ms(m.duringLayout.longestGapMs)} | ${ms(m.pan.p95FrameMs)} / ${ms(m.pan.longestGapMs)} | ${ms(m.zoom.medianFrameMs)} / ${ms(m.zoom.p95FrameMs)} | ${m.clickToDetailsMs === null ? '–' : ms(m.clickToDetailsMs)} |`,
    );
  }
  return lines.join('\n');
}

export function markdown(summary: BenchSummary, frontend?: FrontendReport): string {
  const lines = [
    `Measured ${summary.at.slice(0, 10)} by \`npm run bench${summary.scale === 'quick' ? ' -- --quick' : ''}\` on ${summary.machine.cpus} cores (Node ${summary.machine.node}), Neo4j embedded on the same machine, over a synthetic graph of ${summary.entities.toLocaleString('en')} entities and ${summary.relations.toLocaleString('en')} relations. Latencies in ms, each percentile the median of 3 alternating rounds; "GraphQL adds" compares GovGraph's median with the floor's; "same answers" counts inputs whose canonical answers hash the same on GovGraph and @neo4j/graphql.`,
    '',
    '| Operation | Floor p50 / p95 | GovGraph p50 / p95 / p99 | GraphQL adds (p50) | @neo4j/graphql p50 / p95 / p99 | GovGraph p95 ÷ theirs | Same answers | DB hits GovGraph / @neo4j/graphql |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const op of summary.operations) {
    const { floor, govgraph, alternative } = op.latency;
    lines.push(
      `| ${LABEL[op.operation] ?? op.operation} | ${ms(floor.p50)} / ${ms(floor.p95)} | ${ms(govgraph.p50)} / ${ms(govgraph.p95)} / ${ms(govgraph.p99)} | ${pct(govgraph.p50, floor.p50)} | ${ms(alternative.p50)} / ${ms(alternative.p95)} / ${ms(alternative.p99)} | ${(govgraph.p95 / alternative.p95).toFixed(2)} | ${op.sameAnswers}/${op.operation === 'updateEntity' ? 1 : op.inputs} | ${op.dbHits.toLocaleString('en')} / ${op.alternativeDbHits === undefined ? '–' : op.alternativeDbHits.toLocaleString('en')} |`,
    );
  }
  const withLoad = summary.operations.filter((op) => op.load.govgraph.length > 0);
  if (withLoad.length > 0) {
    const levels = withLoad[0]?.load.govgraph.map((r) => r.connections) ?? [];
    lines.push(
      '',
      `Requests per second under load (autocannon over HTTP; the floor: as many concurrent driver calls), at ${levels.join(', ')} concurrent connections, and CPU ms per request at ${levels.at(-1)} (server process + Neo4j):`,
      '',
      '| Operation | Floor req/s | GovGraph req/s | @neo4j/graphql req/s | CPU/request floor | GovGraph | @neo4j/graphql |',
      '|---|---|---|---|---|---|---|',
    );
    for (const op of withLoad) {
      const rps = (side: 'floor' | 'govgraph' | 'alternative') =>
        op.load[side].map((r) => r.requestsPerSecond.toFixed(0)).join(' / ');
      const cpu = (side: 'floor' | 'govgraph' | 'alternative') =>
        `${op.cpuPerRequest[side]?.server.toFixed(1)} + ${op.cpuPerRequest[side]?.neo4j.toFixed(1)}`;
      lines.push(
        `| ${LABEL[op.operation] ?? op.operation} | ${rps('floor')} | ${rps('govgraph')} | ${rps('alternative')} | ${cpu('floor')} | ${cpu('govgraph')} | ${cpu('alternative')} |`,
      );
    }
  }
  if (summary.load) {
    lines.push(
      '',
      `Bulk load (batched \`UNWIND\`, 10,000 rows per transaction, into an empty store): ${summary.load.entitiesPerSecond.toLocaleString('en')} entities/s and ${summary.load.relationsPerSecond.toLocaleString('en')} relations/s (two transactions at a time; the load's wall time, generating the rows included).`,
    );
  }
  if (frontend) lines.push('', frontendMarkdown(frontend));
  return lines.join('\n');
}

/** Puts the table between the README's bench markers. */
export function updateReadme(summary: BenchSummary, file = 'README.md', frontend?: FrontendReport): void {
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} … ${END} block for the benchmark table`);
  writeFileSync(file, `${readme.slice(0, start + START.length)}\n${markdown(summary, frontend)}\n${readme.slice(end)}`);
}
