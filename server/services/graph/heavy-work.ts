import pLimit from 'p-limit';
import { RateLimitedError } from '../errors.js';

/**
 * Queries that ask Neo4j for much work (a deep neighbourhood, long paths; `work` as builder.ts counts it) share a
 * few slots, so they cannot crowd out everyone else's searches: at most `atOnce` run at a time, the rest wait in
 * turn, and one client may have at most `perClient` of them running or waiting; more are refused at once with
 * RATE_LIMITED (limit QUERIES). Cheaper queries never wait here.
 */
export const HEAVY_WORK = { threshold: 2_000, atOnce: 2, perClient: 2, waiting: 32 } as const;

export class HeavyWork {
  readonly #slots = pLimit(HEAVY_WORK.atOnce);
  readonly #byClient = new Map<string, number>();

  /**
   * Runs `query` in turn with the other heavy ones when `work` is at least the threshold. `client` is who asks
   * (an account or a client address); null (in-process calls) is counted with nobody else.
   */
  async run<T>(client: string | null, work: number, query: () => Promise<T>): Promise<T> {
    if (work < HEAVY_WORK.threshold) return query();
    const mine = client === null ? 0 : (this.#byClient.get(client) ?? 0);
    if (mine >= HEAVY_WORK.perClient) throw new RateLimitedError(1, 'queries');
    if (this.#slots.pendingCount >= HEAVY_WORK.waiting) throw new RateLimitedError(1, 'busy');
    if (client !== null) this.#byClient.set(client, mine + 1);
    try {
      return await this.#slots(query);
    } finally {
      if (client !== null) {
        const left = (this.#byClient.get(client) ?? 1) - 1;
        if (left > 0) this.#byClient.set(client, left);
        else this.#byClient.delete(client);
      }
    }
  }
}
