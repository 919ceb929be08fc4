import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import type { UserRow as User } from '../../db/rows.js';

/**
 * How long a login lasts and how its id changes. A login ends SESSION.absoluteHours after it began
 * however it is used, and after SESSION.idleMinutes without a request. Its id (the cookie) is replaced
 * by a fresh one on the first request after SESSION.rotateMinutes; the old id is then accepted for
 * SESSION.graceSeconds more, for the requests a page had already sent with it. Use is recorded at most
 * once per SESSION.touchSeconds, so the idle timeout is exact to within that.
 */
export const SESSION = {
  absoluteHours: 12,
  idleMinutes: 120,
  rotateMinutes: 15,
  graceSeconds: 60,
  touchSeconds: 60,
  /** An old id still used this long after its new one was handed out gets another (the first was lost). */
  reissueSeconds: 10,
} as const;

/** A session id handed to the browser: the token and when its login ends. */
export interface IssuedSession {
  readonly token: string;
  /** ISO date-time, the same for every id of one login. */
  readonly expiresAt: string;
}

/** The account of a session, and the new id to hand out when its id was just replaced. */
export interface ResumedSession {
  readonly user: User;
  readonly renewed: IssuedSession | null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

const LIMITS = { idleSeconds: SESSION.idleMinutes * 60, graceSeconds: SESSION.graceSeconds };

/** Logins in Neo4j, only as hashes of their ids, so any instance can check one another made. */
export class Sessions {
  constructor(private readonly db: Database) {}

  /** A new session for the account: always a new id, never one the browser brought. */
  async start(userId: string): Promise<IssuedSession> {
    const token = newToken('ggs');
    const [row] = await this.db.write(Q['session-create'], {
      userId,
      tokenHash: tokenHash(token),
      hours: SESSION.absoluteHours,
    });
    await this.db.write(Q['sessions-prune'], { userId, ...LIMITS });
    return { token, expiresAt: String(row?.expiresAt) };
  }

  /**
   * The account of a live session, recording its use; its id is replaced when it is due. On a cluster a
   * follower may not have a login of a moment ago yet, so an unknown one is asked again on the leader.
   */
  async resume(token: string): Promise<ResumedSession | null> {
    const params = { tokenHash: tokenHash(token), ...LIMITS };
    const [read] = await this.db.read(Q['session-user'], params);
    const [row] = read ? [read] : await this.db.readFromLeader(Q['session-user'], params);
    if (!row) return null;
    const { user } = row;
    const due = row.superseded
      ? Number(row.sinceReplaced) >= SESSION.reissueSeconds
      : Number(row.age) >= SESSION.rotateMinutes * 60;
    if (due) {
      const renewed = await this.#rotate(token, user.id);
      if (renewed) return { user, renewed };
    } else if (!row.superseded && Number(row.idle) >= SESSION.touchSeconds) {
      await this.db.write(Q['session-touch'], { tokenHash: params.tokenHash });
    }
    return { user, renewed: null };
  }

  /** null when another request replaced this id a moment ago: it stays valid for the grace period. */
  async #rotate(token: string, userId: string): Promise<IssuedSession | null> {
    const fresh = newToken('ggs');
    const [row] = await this.db.write(Q['session-rotate'], {
      tokenHash: tokenHash(token),
      newTokenHash: tokenHash(fresh),
      reissueSeconds: SESSION.reissueSeconds,
    });
    if (!row) return null;
    await this.db.write(Q['sessions-prune'], { userId, ...LIMITS });
    return { token: fresh, expiresAt: String(row.expiresAt) };
  }

  /**
   * The account of a login still alive under this id or one that replaced it, without recording use or
   * replacing the id (for a live-update stream, which keeps the id it was opened with); null when it ended.
   */
  async alive(token: string): Promise<User | null> {
    const [row] = await this.db.read(Q['session-alive'], {
      tokenHash: tokenHash(token),
      idleSeconds: LIMITS.idleSeconds,
    });
    return row?.user ?? null;
  }

  /** Ends the session of this id, together with the ids it replaced or was replaced by. */
  async end(token: string): Promise<void> {
    await this.db.write(Q['session-delete'], { tokenHash: tokenHash(token) });
  }

  /** Ends every session of an account; returns how many there were. */
  async endAll(userId: string): Promise<number> {
    const [row] = await this.db.write(Q['sessions-end'], { userId });
    return Number(row?.ended ?? 0);
  }
}
