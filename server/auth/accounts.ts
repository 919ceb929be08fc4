import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { type CypherQuery, Q } from '../db/queries.js';
import { BadInputError } from '../errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
}

/** How long a login lasts. */
export const SESSION_HOURS = 12;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

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
  constructor(private readonly db: Database) {}

  async createUser(input: { email: string; password: string; role: Role }, by: string): Promise<User> {
    const email = checkEmail(input.email);
    const problem = passwordProblem(input.password);
    if (problem) throw new BadInputError(`The password ${problem}.`, { argument: 'password' });
    try {
      const [row] = await this.db.write(Q['user-create'], {
        id: `user:${randomUUID()}`,
        email,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        by,
      });
      return row?.user as unknown as User;
    } catch (error) {
      if (/already exists|ConstraintValidation/i.test(String((error as Error).message))) {
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

  /** A session token for a correct email and password, else null (the caller says nothing more specific). */
  async login(email: string, password: string): Promise<{ user: User; token: string } | null> {
    const [row] = await this.db.read(Q['user-by-email'], { email: email.trim().toLowerCase() });
    const found = row?.user as (User & { passwordHash: string }) | undefined;
    // Without an account, a hash is still computed, so timing does not tell which emails exist.
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok) return null;
    const token = newToken('ggs');
    await this.db.write(Q['session-create'], { userId: found.id, tokenHash: tokenHash(token), hours: SESSION_HOURS });
    return { user: { id: found.id, email: found.email, role: found.role }, token };
  }

  async logout(token: string): Promise<void> {
    await this.db.write(Q['session-delete'], { tokenHash: tokenHash(token) });
  }

  async userForSession(token: string): Promise<User | null> {
    return this.#userFor(Q['session-user'], token);
  }

  async userForApiToken(token: string): Promise<User | null> {
    return this.#userFor(Q['token-user'], token);
  }

  /**
   * Any instance can check a session or token another one made, since both live in Neo4j. On a
   * cluster a follower may not have a login of a moment ago yet, so an unknown one is asked
   * again on the leader before it is refused.
   */
  async #userFor(query: CypherQuery, token: string): Promise<User | null> {
    const params = { tokenHash: tokenHash(token) };
    const [row] = await this.db.read(query, params);
    const [found] = row ? [row] : await this.db.readFromLeader(query, params);
    return (found?.user as unknown as User | undefined) ?? null;
  }

  /** A token for another tool; shown once, stored only as a hash. */
  async createApiToken(email: string, name: string, by: string): Promise<{ id: string; name: string; token: string }> {
    const label = name.trim();
    if (label.length < 1 || label.length > 100) {
      throw new BadInputError('A token needs a name of 1 to 100 characters.', { argument: 'name' });
    }
    const token = newToken('ggt');
    const [row] = await this.db.write(Q['token-create'], {
      id: `token:${randomUUID()}`,
      name: label,
      email: checkEmail(email),
      tokenHash: tokenHash(token),
      by,
    });
    if (!row) throw new BadInputError(`There is no account for ${email}.`, { argument: 'email' });
    const created = row.token as { id: string; name: string };
    return { id: created.id, name: created.name, token };
  }

  async revokeApiToken(id: string, by: string): Promise<boolean> {
    const rows = await this.db.write(Q['token-revoke'], { id, by });
    return rows.length > 0;
  }
}

const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));
