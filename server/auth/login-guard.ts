import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { ConfigError, withoutPassword } from '../config.js';
import { RateLimitedError } from '../errors.js';

/** Failed logins an account may have within the window before its logins are refused for the rest of it. */
export const LOGIN_LIMIT = { failures: 5, windowSeconds: 15 * 60 } as const;

/**
 * Failed logins one client address may have within the window, whichever accounts they were for, before
 * every login from it is refused for the rest of it: one address guessing across many accounts.
 */
export const ADDRESS_LIMIT = { failures: 20, windowSeconds: 15 * 60 } as const;

/** How long a Redis command of the limits may take before this instance counts on its own. */
const REDIS_TIMEOUT_MS = 500;

function limiter(name: string, limit: { failures: number; windowSeconds: number }, redis?: Redis): RateLimiterAbstract {
  const options = { keyPrefix: `govgraph:login-${name}`, points: limit.failures, duration: limit.windowSeconds };
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
 * Slows down password guessing, rate-limiter-flexible counting failed logins: after LOGIN_LIMIT.failures
 * wrong passwords for one email within the window, every login for it is refused (the right password too)
 * until the window ends, and a successful login clears that count; after ADDRESS_LIMIT.failures failed
 * logins from one client address, every login from it is refused until its window ends (a success clears
 * nothing, else one known account would reset the count). With Redis, the counts are shared by every
 * instance using it; without, each instance counts on its own.
 */
export class LoginGuard {
  readonly #account: RateLimiterAbstract;
  readonly #address: RateLimiterAbstract;

  constructor(redis?: Redis) {
    this.#account = limiter('account', LOGIN_LIMIT, redis);
    this.#address = limiter('address', ADDRESS_LIMIT, redis);
  }

  /**
   * Throws RateLimitedError while the address (null: unknown, as for in-process requests) or `email`
   * has used up its failed logins.
   */
  async check(email: string, address: string | null): Promise<void> {
    const [byAddress, byAccount] = await Promise.all([
      address ? this.#address.get(address) : null,
      this.#account.get(keyOf(email)),
    ]);
    if (byAddress && byAddress.consumedPoints >= ADDRESS_LIMIT.failures) {
      throw new RateLimitedError(seconds(byAddress.msBeforeNext), 'address');
    }
    if (byAccount && byAccount.consumedPoints >= LOGIN_LIMIT.failures) {
      throw new RateLimitedError(seconds(byAccount.msBeforeNext), 'account');
    }
  }

  async failed(email: string, address: string | null): Promise<void> {
    // Consuming past the limit rejects; the count is what matters.
    await Promise.all([
      this.#account.consume(keyOf(email)).catch(() => {}),
      address ? this.#address.consume(address).catch(() => {}) : null,
    ]);
  }

  async succeeded(email: string): Promise<void> {
    await this.#account.delete(keyOf(email));
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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
      `Cannot use Redis at GOVGRAPH_REDIS_URL (${shown}) for the login limits: ${(error as Error).message}.`,
    );
  }
  starting = false;
  return {
    guard: new LoginGuard(redis),
    where: `through Redis at ${shown}, shared by every instance using it`,
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
