import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device cookies (OWASP's defence against lockout by guessing): a browser that logged in to an account gets a
 * token that names the account, signed with the account's password hash. At the next login for that account it
 * counts its attempts on its own, so an attacker's failures elsewhere never slow the owner down. A new password
 * makes every earlier token worthless; nothing is stored on the server.
 */
export const DEVICE_COOKIE = 'govgraph_device';

/** How long a browser stays known after its last login. */
export const DEVICE_DAYS = 180;

const VERSION = 'd1';

function mac(passwordHash: string, email: string, issued: string, nonce: string): Buffer {
  return createHmac('sha256', passwordHash).update(`${VERSION}|${email}|${issued}|${nonce}`).digest();
}

/** A new device token for the account. */
export function issueDeviceToken(account: { email: string; passwordHash: string }, now = Date.now()): string {
  const issued = now.toString(36);
  const nonce = randomBytes(12).toString('base64url');
  return [VERSION, issued, nonce, mac(account.passwordHash, account.email, issued, nonce).toString('base64url')].join(
    '.',
  );
}

/**
 * The key a browser's attempts are counted under, when its token is one this account issued (with its current
 * password) within DEVICE_DAYS; else null.
 */
export function deviceKey(
  token: string | null,
  account: { email: string; passwordHash: string } | undefined,
  now = Date.now(),
): string | null {
  if (!token || !account || token.length > 200) return null;
  const [version, issued, nonce, signature] = token.split('.');
  if (version !== VERSION || !issued || !nonce || !signature) return null;
  const at = Number.parseInt(issued, 36);
  if (!Number.isFinite(at) || at > now + 60_000 || now - at > DEVICE_DAYS * 86_400_000) return null;
  const expected = mac(account.passwordHash, account.email, issued, nonce);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return createHash('sha256').update(token).digest('base64url');
}
