import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternate, medianOfRounds, percentile, percentilesOf } from '../../bench/measure.js';
import { type BenchSummary, updateReadme } from '../../bench/report.js';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles, whatever the order of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentilesOf([3, 1, 2])).toEqual({ p50: 2, p95: 3, p99: 3 });
  });

  it('reports each percentile as the median of the rounds', () => {
    expect(
      medianOfRounds([
        { p50: 10, p95: 30, p99: 90 },
        { p50: 12, p95: 20, p99: 40 },
        { p50: 11, p95: 25, p99: 50 },
      ]),
    ).toEqual({ p50: 11, p95: 25, p99: 50 });
  });

  it('alternates the sides input by input and rotates which goes first', async () => {
    const calls: string[] = [];
    await alternate(['a', 'b', 'c'] as const, [0, 1], async (side, input) => void calls.push(`${side}${input}`), 1, 0);
    expect(calls).toEqual(['a0', 'b0', 'c0', 'b1', 'c1', 'a1']);
  });
});

describe('the README table', () => {
  const summary: BenchSummary = {
    at: '2026-11-27T08:00:00.000Z',
    scale: 'full',
    entities: 200_000,
    relations: 1_000_000,
    load: null,
    machine: { cpus: 2, memoryGiB: 24, node: 'v20' },
    operations: [
      {
        operation: 'search',
        inputs: 50,
        latency: {
          floor: { p50: 10, p95: 20, p99: 30 },
          govgraph: { p50: 11, p95: 22, p99: 33 },
          alternative: { p50: 20, p95: 44, p99: 60 },
        },
        rounds: { floor: [], govgraph: [], alternative: [] },
        sameAnswers: 50,
        dbHits: 1234,
        alternativeDbHits: 56789,
        load: { floor: [], govgraph: [], alternative: [] },
        cpuPerRequest: {} as never,
      },
    ],
  };

  it('replaces what is between the markers and nothing else', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'readme-')), 'README.md');
    writeFileSync(
      file,
      'Before\n<!-- bench:start (written by npm run bench; do not edit by hand) -->\nold table\n<!-- bench:end -->\nAfter\n',
    );
    updateReadme(summary, file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('Before\n')).toBe(true);
    expect(text.endsWith('<!-- bench:end -->\nAfter\n')).toBe(true);
    expect(text).not.toContain('old table');
    expect(text).toContain(
      '| Search (first 20) | 10.0 / 20.0 | 11.0 / 22.0 / 33.0 | +10% | 20.0 / 44.0 / 60.0 | 0.50 | 50/50 | 1,234 / 56,789 |',
    );
  });

  it('refuses a README without the markers, changing nothing', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'readme-')), 'README.md');
    writeFileSync(file, 'No table here\n');
    expect(() => updateReadme(summary, file)).toThrow(/no <!-- bench:start/);
    expect(readFileSync(file, 'utf8')).toBe('No table here\n');
  });
});
