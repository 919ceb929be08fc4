import { RateLimiterMemory } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

/** Failed logins an account may have within the window before its logins are refused for the rest of it. */
export const LOGIN_LIMIT = { failures: 5, windowSeconds: 15 * 60 } as const;

/**
 * Slows down password guessing: after LOGIN_LIMIT.failures wrong passwords for one email within the
 * window, every login for it is refused (the right password too) until the window ends; a successful
 * login clears the count. Counted per instance (rate-limiter-flexible's in-memory limiter).
 */
export class LoginGuard {
  readonly #failures = new RateLimiterMemory({
    keyPrefix: 'login',
    points: LOGIN_LIMIT.failures,
    duration: LOGIN_LIMIT.windowSeconds,
  });

  /** Throws RateLimitedError while `email` has used up its failed logins. */
  async check(email: string): Promise<void> {
    const state = await this.#failures.get(keyOf(email));
    if (state && state.consumedPoints >= LOGIN_LIMIT.failures) {
      throw new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
    }
  }

  async failed(email: string): Promise<void> {
    // Consuming past the limit rejects; the count is what matters.
    await this.#failures.consume(keyOf(email)).catch(() => {});
  }

  async succeeded(email: string): Promise<void> {
    await this.#failures.delete(keyOf(email));
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();
