import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** Nearest-rank percentile of samples (any order). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

const round2 = (ms: number) => Math.round(ms * 100) / 100;

export function percentilesOf(samples: readonly number[]): Percentiles {
  return {
    p50: round2(percentile(samples, 50)),
    p95: round2(percentile(samples, 95)),
    p99: round2(percentile(samples, 99)),
  };
}

/** Each percentile as the median of the rounds' values (the issue's "medians of 3"). */
export function medianOfRounds(rounds: readonly Percentiles[]): Percentiles {
  return {
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
  };
}

/**
 * Runs `request(side, input)` for every input on every side, alternating
 * sides input by input (the side that goes first rotates), for `rounds`
 * rounds after one warm-up pass; returns per side the percentiles of each
 * round and their medians.
 */
export async function alternate<S extends string, I>(
  sides: readonly S[],
  inputs: readonly I[],
  request: (side: S, input: I, index: number) => Promise<void>,
  rounds = 3,
  warmup = Math.min(inputs.length, 10),
): Promise<Record<S, { rounds: Percentiles[]; median: Percentiles }>> {
  for (let i = 0; i < warmup; i++) for (const side of sides) await request(side, inputs[i] as I, i);
  const perRound = Object.fromEntries(sides.map((side) => [side, [] as Percentiles[]])) as Record<S, Percentiles[]>;
  for (let round = 0; round < rounds; round++) {
    const samples = Object.fromEntries(sides.map((side) => [side, [] as number[]])) as Record<S, number[]>;
    for (let i = 0; i < inputs.length; i++) {
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k + round) % sides.length] as S;
        const started = performance.now();
        await request(side, inputs[i] as I, i);
        samples[side].push(performance.now() - started);
      }
    }
    for (const side of sides) perRound[side].push(percentilesOf(samples[side]));
  }
  return Object.fromEntries(
    sides.map((side) => [side, { rounds: perRound[side], median: medianOfRounds(perRound[side]) }]),
  ) as Record<S, { rounds: Percentiles[]; median: Percentiles }>;
}

/** CPU time of a process so far, in milliseconds, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

export interface LoadResult {
  readonly connections: number;
  readonly requestsPerSecond: number;
  /** autocannon's latency histogram has p97.5 where the rest of the report has p95. */
  readonly latency: { readonly p50: number; readonly p97_5: number; readonly p99: number };
  readonly errors: number;
  readonly non2xx: number;
  readonly requests: number;
}

/** autocannon against a GraphQL endpoint, each request with the next of `bodies`. */
export async function loadTest(
  url: string,
  bodies: readonly string[],
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] as string }),
      },
    ],
  });
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latency: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** The same for a function (the floor has no HTTP): `connections` loops calling it for `seconds`. */
export async function loadTestFunction(
  run: (index: number) => Promise<void>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await run(next++);
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return {
    connections,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latency: {
      p50: round2(percentile(latencies, 50)),
      p97_5: round2(percentile(latencies, 97.5)),
      p99: round2(percentile(latencies, 99)),
    },
    errors,
    non2xx: 0,
    requests: latencies.length,
  };
}
