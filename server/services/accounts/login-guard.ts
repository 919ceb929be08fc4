import { Redis } from 'ioredis';
import pLimit from 'p-limit';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { messageOf } from '../../../shared/errors.js';
import { ConfigError, withoutPassword } from '../../db/config-error.js';
import { RateLimitedError } from '../errors.js';

/**
 * Who a login attempt is counted against: the account, the client's address (across accounts), or a browser
 * that has logged in to this account before (its device cookie, see devices.ts).
 */
export type LoginScope = 'account' | 'address' | 'device';

/** Attempts one key may make at once before each further one waits a growing delay (DELAYS_SECONDS). */
export const FREE_ATTEMPTS: Readonly<Record<LoginScope, number>> = { account: 5, address: 20, device: 10 };

/** The longest wait between attempts: 15 minutes, never a lockout. */
export const MAX_WAIT_SECONDS = 15 * 60;

/** Fibonacci delays from `first` seconds up to MAX_WAIT_SECONDS. */
export function growingDelays(first: number): number[] {
  const delays = [first, first];
  while ((delays.at(-1) ?? 0) < MAX_WAIT_SECONDS) delays.push((delays.at(-1) ?? 0) + (delays.at(-2) ?? 0));
  delays[delays.length - 1] = MAX_WAIT_SECONDS;
  return delays;
}

/**
 * The delays, in seconds, before the 1st, 2nd … attempt beyond the free ones: 5, 5, 10, 15, 25 … up to 15 minutes.
 * Five seconds is longer than a burst of attempts takes to arrive, so a burst gets no more than the free ones.
 */
export const DELAYS_SECONDS: readonly number[] = growingDelays(5);

/** How long attempts are remembered: a quiet day forgets them. */
const LIFETIME_SECONDS = 24 * 60 * 60;

/** How many passwords are hashed at once (scrypt, in libuv's thread pool, which static files and DNS share). */
export const HASHING_CONCURRENCY = 1;
/** Logins waiting for the hasher beyond which a login is refused at once (RATE_LIMITED with the limit BUSY). */
export const HASHING_QUEUE = 64;

/** How long a Redis command of the limits may take before this instance counts on its own. */
const REDIS_TIMEOUT_MS = 500;

function limiter(name: string, points: number, redis: Redis | undefined): RateLimiterAbstract {
  const options = { keyPrefix: `govgraph:login-${name}`, points, duration: LIFETIME_SECONDS };
  const memory = new RateLimiterMemory(options);
  if (!redis) return memory;
  // While Redis is away, each instance counts on its own (the in-memory limiter), rather than letting
  // guesses through or refusing every login.
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * Free attempts, then growing delays, for one scope (the scheme of rate-limiter-flexible's ExpressBruteFlexible,
 * on its atomic counters): an attempt is counted before its password is checked, so attempts sent at once are
 * counted one by one and never all checked.
 */
class GrowingDelay {
  readonly #free: RateLimiterAbstract;
  readonly #block: RateLimiterAbstract;
  readonly #delays: RateLimiterAbstract;

  constructor(
    readonly scope: LoginScope,
    redis: Redis | undefined,
    readonly delays: readonly number[],
  ) {
    // Consuming beyond `points` rejects: the first FREE_ATTEMPTS - 1 pass here, the last free one as a first delay.
    this.#free = limiter(`${scope}-free`, FREE_ATTEMPTS[scope] - 1, redis);
    this.#block = limiter(`${scope}-block`, 1, redis);
    this.#delays = limiter(`${scope}-delays`, Number.MAX_SAFE_INTEGER, redis);
  }

  /** Counts one attempt; throws RateLimitedError when it must wait. */
  async claim(key: string): Promise<void> {
    try {
      await this.#free.consume(key);
      return;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
    const [blocked, delays] = await Promise.all([this.#block.get(key), this.#delays.get(key)]);
    if (blocked && blocked.consumedPoints >= 1) throw limited(blocked.msBeforeNext, this.scope);
    const wait = this.delays[delays?.consumedPoints ?? 0] ?? MAX_WAIT_SECONDS;
    // Only one of several attempts arriving together gets the slot; the others wait for the next.
    const slot = await this.#block.penalty(key, 1, { customDuration: wait });
    if (slot.consumedPoints !== 1) throw limited(slot.msBeforeNext, this.scope);
    await this.#delays.penalty(key);
  }

  /** A correct password: the attempt is given back (address), or the key starts afresh (account, device). */
  async succeeded(key: string): Promise<void> {
    if (this.scope === 'address') {
      // One known account must not reset an address that guesses at others: only this attempt is given back.
      await this.#free.reward(key, 1).catch(() => {});
      return;
    }
    await Promise.all([this.#free.delete(key), this.#block.delete(key), this.#delays.delete(key)]);
  }
}

function limited(msBeforeNext: number, scope: LoginScope): RateLimitedError {
  return new RateLimitedError(Math.max(1, Math.ceil(msBeforeNext / 1000)), scope);
}

/** The keys one login attempt is counted under. */
export interface LoginKeys {
  readonly email: string;
  /** The client's address (null: unknown, as for in-process requests). */
  readonly address: string | null;
  /**
   * A device cookie of a browser that logged in to this account before: its attempts are counted under it alone,
   * so guesses from elsewhere never keep the owner out.
   */
  readonly device: string | null;
}

/** One counted attempt: say how it went. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Slows down password guessing without locking anybody out. Every attempt is counted before its password is
 * hashed, against the account and the client's address: a few attempts are free, then each further one waits a
 * growing delay (5, 5, 10, 15, 25 … seconds, at most 15 minutes), and attempts arriving meanwhile are refused with
 * RATE_LIMITED at once. A correct password clears the account's count; it gives back only its own attempt of the
 * address's. A browser that logged in to the account before (device cookie) is counted on its own, so an attacker
 * elsewhere cannot keep the owner out. Passwords are hashed one at a time, so a burst of logins never fills the
 * thread pool that static files and DNS lookups use. With Redis, counts are shared by every instance.
 */
export class LoginGuard {
  readonly #scopes: Readonly<Record<LoginScope, GrowingDelay>>;
  readonly #hashing = pLimit(HASHING_CONCURRENCY);

  /** `redis`: share the counts through it; `delaysSeconds`: other delays than DELAYS_SECONDS. */
  constructor(options: { redis?: Redis; delaysSeconds?: readonly number[] } = {}) {
    const delays = options.delaysSeconds ?? DELAYS_SECONDS;
    this.#scopes = {
      account: new GrowingDelay('account', options.redis, delays),
      address: new GrowingDelay('address', options.redis, delays),
      device: new GrowingDelay('device', options.redis, delays),
    };
  }

  /** Counts the attempt (throws RateLimitedError when it must wait); the caller then checks the password. */
  async claim(keys: LoginKeys): Promise<LoginAttempt> {
    const counted: Array<[GrowingDelay, string]> = keys.device
      ? [[this.#scopes.device, keys.device]]
      : [
          [this.#scopes.account, keyOf(keys.email)],
          ...(keys.address ? [[this.#scopes.address, keys.address] as [GrowingDelay, string]] : []),
        ];
    for (const [scope, key] of counted) await scope.claim(key);
    return {
      succeeded: async () => {
        await Promise.all(counted.map(([scope, key]) => scope.succeeded(key)));
      },
    };
  }

  /** Runs a password hash with the others, one at a time; refused at once when too many are waiting. */
  hash<T>(work: () => Promise<T>): Promise<T> {
    if (this.#hashing.pendingCount >= HASHING_QUEUE) throw new RateLimitedError(1, 'busy');
    return this.#hashing(work);
  }

  /** How many password checks run or wait now (tests and the benchmark read it). */
  get hashing(): { active: number; pending: number } {
    return { active: this.#hashing.activeCount, pending: this.#hashing.pendingCount };
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();

/** The login limits of a server and how to let go of their Redis connection. */
export interface LoginLimits {
  readonly guard: LoginGuard;
  /** Human-readable: where failed logins are counted. */
  readonly where: string;
  close(): Promise<void>;
}

/**
 * Login limits shared through Redis when `redisUrl` is set (one connection of their own, which fails a
 * command at once while Redis is away instead of queueing it, so a login never waits on Redis), else
 * counted in this instance.
 */
export async function openLoginLimits(
  redisUrl: string | undefined,
  log: (line: string) => void = console.log,
): Promise<LoginLimits> {
  if (!redisUrl) return { guard: new LoginGuard(), where: 'in this instance', close: async () => {} };
  const shown = withoutPassword(redisUrl);
  const redis = new Redis(redisUrl, {
    connectionName: 'govgraph-logins',
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_TIMEOUT_MS,
  });
  let down = false;
  let starting = true;
  redis.on('error', (error: Error) => {
    if (down || starting) return;
    down = true;
    log(
      `Redis at ${shown} is unreachable (${error.message}); failed logins are counted per instance until it is back.`,
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log(`Redis at ${shown} is back; failed logins are counted across instances again.`);
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new ConfigError(
      `Cannot use Redis at GOVGRAPH_REDIS_URL (${shown}) for the login limits: ${messageOf(error)}.`,
    );
  }
  starting = false;
  return {
    guard: new LoginGuard({ redis }),
    where: `through Redis at ${shown}, shared by every instance using it`,
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
