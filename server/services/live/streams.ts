import { Repeater } from 'graphql-yoga';
import type { User } from '../accounts/accounts.js';
import { RateLimitedError } from '../errors.js';

/**
 * Live-update streams a client may hold open at once (an explorer holds one per tab), and how often an open stream
 * asks again whether its caller may still read it.
 */
export const LIVE_STREAMS = { perClient: 10, recheckMs: 60_000 } as const;

/** Who opened a stream, and how to ask again who that is now (null: nobody, the login ended). */
export interface StreamCaller {
  /** Who is counted (an account or a client address); null for in-process calls, counted with nobody. */
  readonly client: string | null;
  readonly user: User | null;
  /** The caller as the session cookie or API token of the stream's request says now. */
  readonly current: () => Promise<User | null>;
}

/**
 * The live-update streams of one server. A client may hold LIVE_STREAMS.perClient at once; more are refused with
 * RATE_LIMITED (limit STREAMS). A stream opened with a login ends as soon as that login does not hold any more
 * with the same role (logged out, a new password or role, the session expired, the token revoked): before each
 * event, every LIVE_STREAMS.recheckMs, and at once when this server ends a login (`recheck`). So nobody keeps
 * hearing with rights they no longer have. The explorer opens a new stream with its current cookie.
 */
export class LiveStreams {
  readonly #byClient = new Map<string, number>();
  readonly #byUser = new Map<string, Set<() => void>>();

  /** The events of `source` for as long as the caller holds; throws RateLimitedError beyond the cap. */
  open<T>(caller: StreamCaller, source: AsyncIterable<T>): AsyncIterable<T> {
    const { client, user } = caller;
    const mine = client === null ? 0 : (this.#byClient.get(client) ?? 0);
    if (mine >= LIVE_STREAMS.perClient) throw new RateLimitedError(5, 'streams');
    if (client !== null) this.#byClient.set(client, mine + 1);
    const holds = async () => {
      if (!user) return true;
      const now = await caller.current().catch(() => user);
      return now !== null && now.id === user.id && now.role === user.role;
    };
    // A Repeater, so that the client going away (return()) ends it at once, even while no event is coming.
    return new Repeater<T>(async (push, stop) => {
      const iterator = source[Symbol.asyncIterator]();
      const check = () => {
        void holds().then((ok) => {
          if (!ok) stop();
        });
      };
      const timer = user ? setInterval(check, LIVE_STREAMS.recheckMs) : undefined;
      timer?.unref();
      if (user) this.#watch(user.id, check);
      try {
        for (;;) {
          const next = await Promise.race([
            iterator.next(),
            stop.then(() => ({ done: true, value: undefined }) as const),
          ]);
          if (next.done || !(await holds())) break;
          await push(next.value);
        }
      } finally {
        stop();
        clearInterval(timer);
        if (user) this.#unwatch(user.id, check);
        if (client !== null) this.#release(client);
        await iterator.return?.();
      }
    });
  }

  /** Asks the streams of this account at once whether they still hold (after a logout, a new password or role). */
  recheck(userId: string): void {
    for (const wake of this.#byUser.get(userId) ?? []) wake();
  }

  #watch(userId: string, wake: () => void): void {
    const set = this.#byUser.get(userId) ?? new Set();
    set.add(wake);
    this.#byUser.set(userId, set);
  }

  #unwatch(userId: string, wake: () => void): void {
    const set = this.#byUser.get(userId);
    set?.delete(wake);
    if (set?.size === 0) this.#byUser.delete(userId);
  }

  #release(client: string): void {
    const left = (this.#byClient.get(client) ?? 1) - 1;
    if (left > 0) this.#byClient.set(client, left);
    else this.#byClient.delete(client);
  }
}
