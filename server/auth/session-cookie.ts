import type { IssuedSession } from './sessions.js';

/** The cookie holding the session id: HTTP-only, SameSite=Strict, over HTTPS only when served so. */
export const SESSION_COOKIE = 'govgraph_session';

/** The session id the request brought, if any. */
export async function sessionToken(request: Request | null): Promise<string | null> {
  return (await request?.cookieStore?.get(SESSION_COOKIE))?.value || null;
}

/** Hands the browser a session id, valid until its login ends. */
export async function setSessionCookie(request: Request | null, session: IssuedSession): Promise<void> {
  if (!request) return;
  await request.cookieStore?.set({
    name: SESSION_COOKIE,
    value: session.token,
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    expires: Date.parse(session.expiresAt),
    domain: null,
    secure: new URL(request.url).protocol === 'https:',
  });
}

export async function clearSessionCookie(request: Request | null): Promise<void> {
  await request?.cookieStore?.delete(SESSION_COOKIE);
}
