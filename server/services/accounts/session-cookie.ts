import { DEVICE_COOKIE, DEVICE_DAYS } from './devices.js';
import type { IssuedSession } from './sessions.js';

/** The cookie holding the session id: HTTP-only, SameSite=Strict, Secure whenever the browser used https. */
export const SESSION_COOKIE = 'govgraph_session';

/**
 * The session cookie of one request. A request from a page of another origin (not the explorer's own, not
 * listed in GOVGRAPH_CORS_ORIGINS) brings the cookie all the same when it is of the same site; such a
 * request is treated as anonymous and can neither use nor change the session.
 */
export interface SessionCookie {
  /** The session id the browser brought, if the page that sent the request may act with it. */
  token(): Promise<string | null>;
  /** Hands the browser a session id, valid until its login ends. */
  set(session: IssuedSession): Promise<void>;
  clear(): Promise<void>;
  /** The device cookie of a browser that logged in before (auth/devices.ts), if any. */
  device(): Promise<string | null>;
  /** Remembers this browser for the account it just logged in to. */
  setDevice(token: string): Promise<void>;
  /** Whether the page that sent the request may act with the cookie at all. */
  readonly usable: boolean;
}

/** No cookie: a request made in-process, without a browser. */
export const NO_COOKIE: SessionCookie = {
  token: async () => null,
  set: async () => {},
  clear: async () => {},
  device: async () => null,
  setDevice: async () => {},
  usable: false,
};

export function sessionCookie(request: Request, options: { trusted: boolean; secure: boolean }): SessionCookie {
  if (!options.trusted) return NO_COOKIE;
  return {
    usable: true,
    token: async () => (await request.cookieStore?.get(SESSION_COOKIE))?.value || null,
    async set(session) {
      await request.cookieStore?.set({
        name: SESSION_COOKIE,
        value: session.token,
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        expires: Date.parse(session.expiresAt),
        domain: null,
        secure: options.secure,
      });
    },
    async clear() {
      await request.cookieStore?.delete(SESSION_COOKIE);
    },
    device: async () => (await request.cookieStore?.get(DEVICE_COOKIE))?.value || null,
    async setDevice(token) {
      await request.cookieStore?.set({
        name: DEVICE_COOKIE,
        value: token,
        path: '/graphql',
        httpOnly: true,
        sameSite: 'strict',
        expires: Date.now() + DEVICE_DAYS * 86_400_000,
        domain: null,
        secure: options.secure,
      });
    },
  };
}
