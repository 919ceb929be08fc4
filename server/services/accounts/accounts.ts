import { randomBytes, randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../../shared/vocabulary.js';
import { type Database, isConstraintViolation } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import type { UserRow } from '../../db/rows.js';
import { BadInputError } from '../errors.js';
import { deviceKey, issueDeviceToken } from './devices.js';
import type { LoginGuard } from './login-guard.js';
import { hashPassword, type Language, passwordProblem, verifyPassword } from './passwords.js';
import { type IssuedSession, newToken, type ResumedSession, SESSION, Sessions, tokenHash } from './sessions.js';

/** An account: its id, email and role. */
export type User = UserRow;

/** How long a login lasts at most (sessions.ts says how it also ends earlier and changes its id). */
export const SESSION_HOURS = SESSION.absoluteHours;

/** How long an API token may be made to last, in days. */
export const TOKEN_MAX_DAYS = 3650;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** Where a login attempt came from: the client's address and the browser's device cookie, where known. */
export interface LoginOrigin {
  readonly address?: string | null;
  readonly device?: string | null;
}

/** At least this role? viewer < editor < admin. */
export function atLeast(user: User | null, role: Role): boolean {
  return user !== null && ROLES.indexOf(user.role) >= ROLES.indexOf(role);
}

function checkEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised))
    throw new BadInputError(`"${email.slice(0, 100)}" is not an email address.`, { argument: 'email' });
  return normalised;
}

/** Accounts, logins and API tokens, stored in Neo4j; tokens only as hashes. */
export class Accounts {
  readonly sessions: Sessions;

  constructor(private readonly db: Database) {
    this.sessions = new Sessions(db);
  }

  async createUser(
    input: { email: string; password: string; role: Role },
    by: string,
    language: Language = 'en',
  ): Promise<User> {
    const email = checkEmail(input.email);
    const problem = passwordProblem(input.password, [email], language);
    if (problem) {
      const the = language === 'de' ? 'Das Passwort' : 'The password';
      throw new BadInputError(`${the} ${problem}.`, { argument: 'password', problem: 'WEAK_PASSWORD' });
    }
    try {
      const [row] = await this.db.write(Q['user-create'], {
        id: `user:${randomUUID()}`,
        email,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        by,
      });
      if (!row) throw new Error(`The account for ${email} was not written.`);
      return row.user;
    } catch (error) {
      if (isConstraintViolation(error)) {
        throw new BadInputError(`There is already an account for ${email}.`, { argument: 'email' });
      }
      throw error;
    }
  }

  /** The first admin, from the environment, when there is no admin yet; never a default password. */
  async ensureAdmin(email: string | undefined, password: string | undefined): Promise<User | null> {
    if (!email || !password) return null;
    if (await this.#hasAdmin('read')) return null;
    try {
      return await this.createUser({ email, password, role: 'admin' }, 'environment');
    } catch (error) {
      // Instances started together: another one may have created the admin since we looked.
      if (error instanceof BadInputError && (await this.#hasAdmin('leader'))) return null;
      throw error;
    }
  }

  async #hasAdmin(from: 'read' | 'leader'): Promise<boolean> {
    const query = Q['admin-count'];
    const [row] = from === 'read' ? await this.db.read(query) : await this.db.readFromLeader(query);
    return Number(row?.admins ?? 0) > 0;
  }

  /**
   * The account for a correct email and password, else null (the caller says nothing more specific). The
   * attempt is counted by `guard` before the password is hashed (RateLimitedError when it must wait), and
   * hashed when the guard's hasher has room; `from` says where it came from.
   */
  async checkPassword(
    email: string,
    password: string,
    guard: LoginGuard,
    from: LoginOrigin = {},
  ): Promise<{ user: User; device: string } | null> {
    const normalised = email.trim().toLowerCase();
    const read = async () => {
      const [row] = await this.db.read(Q['user-by-email'], { email: normalised });
      return row?.user;
    };
    // A device cookie is checked against the account; without one, the attempt is counted before anything else.
    const known = from.device ? await read() : undefined;
    const attempt = await guard.claim({
      email: normalised,
      address: from.address ?? null,
      device: deviceKey(from.device ?? null, known),
    });
    const found = known ?? (await read());
    // Without an account, a hash is still computed, so timing does not tell which emails exist.
    const ok = await guard.hash(() => verifyPassword(password, found?.passwordHash ?? DUMMY_HASH));
    if (!found || !ok) return null;
    await attempt.succeeded();
    return { user: { id: found.id, email: found.email, role: found.role }, device: issueDeviceToken(found) };
  }

  /** A new session for a correct email and password, else null; counted and hashed as `checkPassword` says. */
  async login(
    email: string,
    password: string,
    guard: LoginGuard,
    from: LoginOrigin = {},
  ): Promise<{ user: User; session: IssuedSession; device: string } | null> {
    const checked = await this.checkPassword(email, password, guard, from);
    return checked ? { ...checked, session: await this.sessions.start(checked.user.id) } : null;
  }

  async logout(token: string): Promise<void> {
    await this.sessions.end(token);
  }

  /** The account of a live session cookie, and its new id when the old one was due for replacement. */
  async resumeSession(token: string): Promise<ResumedSession | null> {
    return this.sessions.resume(token);
  }

  /** A new password for the account; every session of it ends (the caller starts a new one for itself). */
  async changePassword(user: User, newPassword: string, language: Language = 'en'): Promise<void> {
    const problem = passwordProblem(newPassword, [user.email], language);
    if (problem) {
      const the = language === 'de' ? 'Das neue Passwort' : 'The new password';
      throw new BadInputError(`${the} ${problem}.`, { argument: 'newPassword', problem: 'WEAK_PASSWORD' });
    }
    await this.db.write(Q['user-set-password'], { userId: user.id, passwordHash: await hashPassword(newPassword) });
    await this.sessions.endAll(user.id);
  }

  /**
   * A new role for an account (never leaving no admin); every session of it ends, so nobody keeps a
   * login made with other rights. API tokens act with the account's role of the moment.
   */
  async setRole(email: string, role: Role, by: string): Promise<User> {
    const normalised = checkEmail(email);
    const [row] = await this.db.write(Q['user-set-role'], { email: normalised, role, by });
    if (!row) throw new BadInputError(`There is no account for ${normalised}.`, { argument: 'email' });
    if (row.refused) {
      throw new BadInputError(`${normalised} is the last admin; make another account admin first.`, {
        argument: 'role',
      });
    }
    const { user } = row;
    await this.sessions.endAll(user.id);
    return user;
  }

  /**
   * Who a request's API token or session cookie stands for now, without recording use or replacing the session's
   * id (what a long-lived live-update stream asks again); null when the login or token has ended.
   */
  async currentUser(request: Request | null, cookie: { token(): Promise<string | null> }): Promise<User | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request?.headers.get('authorization') ?? '')?.[1];
    if (bearer) return this.userForApiToken(bearer);
    const token = await cookie.token();
    return token ? this.sessions.alive(token) : null;
  }

  async userForApiToken(token: string): Promise<User | null> {
    // As for sessions: an unknown token is asked again on the leader before it is refused.
    const params = { tokenHash: tokenHash(token) };
    const [row] = await this.db.read(Q['token-user'], params);
    const [found] = row ? [row] : await this.db.readFromLeader(Q['token-user'], params);
    return found?.user ?? null;
  }

  /** A token for another tool; shown once, stored only as a hash; without `days`, valid until revoked. */
  async createApiToken(
    email: string,
    name: string,
    by: string,
    days: number | null = null,
  ): Promise<{ id: string; name: string; token: string; expiresAt: string | null }> {
    const label = name.trim();
    if (label.length < 1 || label.length > 100) {
      throw new BadInputError('A token needs a name of 1 to 100 characters.', { argument: 'name' });
    }
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS)) {
      throw new BadInputError(`"expiresInDays" must be 1 to ${TOKEN_MAX_DAYS}.`, { argument: 'expiresInDays' });
    }
    const token = newToken('ggt');
    const [row] = await this.db.write(Q['token-create'], {
      id: `token:${randomUUID()}`,
      name: label,
      email: checkEmail(email),
      tokenHash: tokenHash(token),
      by,
      days,
    });
    if (!row) throw new BadInputError(`There is no account for ${email}.`, { argument: 'email' });
    const created = row.token;
    return { id: created.id, name: created.name, token, expiresAt: created.expiresAt };
  }

  async revokeApiToken(id: string, by: string): Promise<boolean> {
    const rows = await this.db.write(Q['token-revoke'], { id, by });
    return rows.length > 0;
  }
}

const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));
