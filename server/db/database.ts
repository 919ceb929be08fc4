import neo4j, { type BookmarkManager, type Driver, Neo4jError, type Session } from 'neo4j-driver';
import { messageOf } from '../../shared/errors.js';
import { boltHandshake } from './bolt-handshake.js';
import { toDriverValue, toPlain } from './plain.js';
import type { CypherQuery } from './queries.js';
import { requestContext } from './request-context.js';
import type { Row } from './rows.js';

export type { Row } from './rows.js';

/** Rows per UNWIND statement in bulk writes: large enough to be fast, small enough for a 1 GiB heap. */
export const BATCH_SIZE = 1000;

export function inBatches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Neo4j could not be reached or went away; the request may succeed when retried. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  /** A write whose commit Neo4j did not confirm in time: it may or may not have been saved. */
  unconfirmed = false;
}

/** A statement ran longer than the transaction timeout and Neo4j ended it; asking for less helps. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** Neo4j refused a write that would break a uniqueness constraint (a second account, id or URL). */
export function isConstraintViolation(error: unknown): boolean {
  return /already exists|ConstraintValidation/i.test(messageOf(error));
}

/** Neo4j's codes for a transaction it ended at its timeout (server-side or the one the driver asked for). */
const TIMED_OUT = /TransactionTimedOut|Transaction\.TransactionTimedOutClientConfiguration/;

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.AuthorizationExpired']);

/** The driver's error when no connection could be had in time carries no code, only this text. */
const NO_CONNECTION = /^Connection acquisition timed out/;

/** Neo4j's codes for a transaction it ended (for whatever reason) while it waited, e.g. for a lock. */
const TERMINATED = /Transaction\.(Terminated|LockClientStopped)$/;

/**
 * The driver's error as GovGraph's own. `timedOut` tells whether the transaction had run its whole time: then a
 * transaction Neo4j ended while it waited for a lock ran out of time too.
 */
function translate(error: unknown, timedOut = false): unknown {
  if (error instanceof Neo4jError && (TIMED_OUT.test(error.code) || (timedOut && TERMINATED.test(error.code)))) {
    return new QueryTimeoutError(error.message, { cause: error });
  }
  if (
    error instanceof Neo4jError &&
    (UNAVAILABLE.has(error.code) || error.retriable || NO_CONNECTION.test(error.message))
  ) {
    return new DatabaseUnavailableError(error.message, { cause: error });
  }
  return error;
}
export type Params = Record<string, unknown>;

/** How long one transaction a request starts may run before Neo4j ends it (QUERY_TIMEOUT). */
export const TRANSACTION_TIMEOUT_SECONDS = 15;

/** How long a read is retried while Neo4j is briefly unavailable (as the driver does for transactions). */
const READ_RETRY_MS = 3_000;

/**
 * How long a request waits for Neo4j before it asks whether Neo4j is alive at all. A Neo4j that answers
 * that question within LIVENESS_MS is merely busy, and the request waits on; one that does not is
 * refused, hung or gone, and the request answers SERVICE_UNAVAILABLE, within the 5 s a client is
 * promised. A cold or loaded Neo4j planning a big query is thus not cut off.
 */
export const REQUEST_PATIENCE_MS = 2_000;
const LIVENESS_MS = 2_000;
/** After a liveness check found Neo4j alive, how long a request waits before it asks again. */
const PATIENCE_AGAIN_MS = 1_000;
/** Requests that run out of patience within this long of each other share one liveness check. */
const LIVENESS_SHARED_MS = 1_000;

const after = (ms: number) => new Promise<'late'>((resolve) => setTimeout(resolve, Math.max(0, ms), 'late').unref());

const isRetriable = (error: unknown) =>
  error instanceof Neo4jError &&
  (error.retriable || error.code === 'ServiceUnavailable' || error.code === 'SessionExpired');

/**
 * One read statement as an auto-commit transaction: RUN and PULL in one round trip, where a managed read
 * transaction adds BEGIN and COMMIT (about 1 ms a statement here). A read changes nothing, so retrying it
 * on a transient error, with growing pauses, is always safe.
 */
async function readWithRetries<T>(read: () => Promise<T>): Promise<T> {
  const deadline = Math.min(Date.now() + READ_RETRY_MS, requestContext().deadline ?? Number.POSITIVE_INFINITY);
  for (let pause = 100; ; pause = Math.min(pause * 2, 2_000)) {
    try {
      return await read();
    } catch (error) {
      if (!isRetriable(error) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * The records as plain rows of the shape their query declares (rows.ts): the one place where what Neo4j
 * answered is taken to be what the query's RETURN clause promises.
 */
function rowsOf<R>(records: ReadonlyArray<{ toObject(): object }>): R[] {
  return records.map((record) => toPlain(record.toObject()) as R);
}

/**
 * Ends a session whose work is done: what the work returned or threw stands. A connection that broke
 * meanwhile makes closing fail too, and that must not replace the work's own outcome.
 */
async function closeQuietly(session: Session): Promise<void> {
  await session.close().catch(() => {});
}

/** Runs one query inside the transaction that `Database.transaction` opened. */
export type Run = <R = Row>(query: CypherQuery<R>, params?: Params) => Promise<R[]>;

export interface DatabaseOptions {
  readonly uri: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly database?: string | undefined;
  /** Server-side limit for one transaction. */
  readonly transactionTimeoutMs?: number;
  /** Told of every statement before it runs (the benchmark replays them through the bare driver). */
  readonly observe?: (statement: ObservedStatement) => void;
}

export interface ObservedStatement {
  /** Statements of one transaction share this number. */
  readonly transaction: number;
  readonly mode: 'READ' | 'WRITE';
  readonly query: Pick<CypherQuery<unknown>, 'name' | 'text'>;
  readonly params: Params;
}

/**
 * The only module that talks to neo4j-driver. Reads run in read sessions
 * (so clusters can route them to followers), each statement as an auto-commit
 * transaction; writes in managed write transactions. Every session is
 * closed, every transaction is tagged with the query's name, and results
 * leave as plain rows. All sessions share one bookmark manager, so on a
 * cluster a read sees every write this instance committed before it (an
 * edit's reply reads what the edit wrote, even from a follower).
 */
export class Database {
  readonly #driver: Driver;
  readonly #uri: string;
  readonly #database: string | undefined;
  readonly #bookmarks: BookmarkManager = neo4j.bookmarkManager();
  readonly #timeoutMs: number;
  readonly #observe: ((statement: ObservedStatement) => void) | undefined;
  #roundTrips = 0;
  #liveness: { at: number; answer: Promise<boolean> } | null = null;
  /** Set while a restarted Neo4j warms up: it counts as not there yet. */
  #warming: Promise<unknown> | undefined;

  constructor(options: DatabaseOptions) {
    const auth = options.user !== undefined ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    this.#driver = neo4j.driver(options.uri, auth, {
      userAgent: 'govgraph',
      // Fail fast when Neo4j refuses or hangs, so a request ends within the 5 s promised (REQUEST_PATIENCE_MS).
      connectionTimeout: 2_000,
      connectionAcquisitionTimeout: 3_000,
      maxTransactionRetryTime: 3_000,
    });
    this.#uri = options.uri;
    this.#database = options.database;
    this.#timeoutMs = options.transactionTimeoutMs ?? TRANSACTION_TIMEOUT_SECONDS * 1000;
    this.#observe = options.observe;
  }

  /** How many transactions this instance has run; tests use it to find N+1 patterns. */
  get roundTrips(): number {
    return this.#roundTrips;
  }

  /**
   * Whether Neo4j answers within `ms` (for `/readyz` and the requests' liveness check): its Bolt handshake, which
   * Neo4j answers on its network threads however busy its query threads are, so a busy Neo4j counts as there and
   * one that is gone, hung or cut off does not. Over TLS, where the handshake cannot be asked alone, a trivial read.
   */
  async reachable(ms = 2_000): Promise<boolean> {
    if (this.#warming) return false;
    const handshake = boltHandshake(this.#uri, ms);
    if (handshake) return handshake;
    const ping = this.#driver
      .executeQuery('RETURN 1', {}, { database: this.#database, routing: neo4j.routing.READ })
      .then(() => true as const)
      .catch(() => false as const);
    return (await Promise.race([ping, after(ms)])) === true;
  }

  /**
   * A restarted Neo4j plans every statement anew, and a cold plan took up to 5 s here (16 s under load). Until
   * `ready` settles, requests that run out of patience are refused (SERVICE_UNAVAILABLE) instead of waiting
   * on it, and `/readyz` says not ready. The embedded Neo4j's supervisor holds it from the JVM's death until
   * the new one has planned the main statements (db/connect.ts).
   */
  holdUntil(ready: Promise<unknown>): void {
    const held = ready
      .catch(() => {})
      .finally(() => {
        if (this.#warming === held) this.#warming = undefined;
      });
    this.#warming = held;
  }

  /** One liveness check shared by all requests that ask within a second of each other. */
  #alive(): Promise<boolean> {
    const now = Date.now();
    if (!this.#liveness || now - this.#liveness.at > LIVENESS_SHARED_MS) {
      this.#liveness = { at: now, answer: this.reachable(LIVENESS_MS) };
    }
    return this.#liveness.answer;
  }

  /**
   * `work`, unless the request's patience runs out and Neo4j does not answer a liveness check either:
   * then DatabaseUnavailableError, while what Neo4j was doing goes on until the driver's own timeouts
   * end it. Outside a request (the CLI, the loaders), simply `work`.
   */
  async #inTime<T>(work: Promise<T>, what: 'read' | 'write'): Promise<T> {
    const { deadline } = requestContext();
    if (deadline === undefined) return work;
    // If the request gives up on `work`, its later failure concerns nobody.
    work.catch(() => {});
    const done = work.then((value) => ({ value }));
    // A Neo4j that is alive but slow gets more time, and is asked again every PATIENCE_AGAIN_MS: one that
    // dies while we wait (its JVM killed mid-request) is noticed then, not after the driver's own timeouts.
    for (let until = deadline; ; until = Date.now() + PATIENCE_AGAIN_MS) {
      const first = await Promise.race([done, after(until - Date.now())]);
      if (first !== 'late') return first.value;
      if (!(await this.#alive())) break;
    }
    const error = new DatabaseUnavailableError(`Neo4j does not answer (${what}).`);
    error.unconfirmed = what === 'write';
    throw error;
  }

  async verify(): Promise<void> {
    await this.#driver.verifyConnectivity({ database: this.#database });
  }

  read<R = Row>(query: CypherQuery<R>, params: Params = {}): Promise<R[]> {
    return this.#run('READ', query, params, 'read');
  }

  /**
   * A read of the service's own state that servers look up on their own schedule (an unfinished restore), not of
   * the graph for a request: like `read`, but not counted in `roundTrips`, which measures what requests cost.
   */
  readState<R = Row>(query: CypherQuery<R>, params: Params = {}): Promise<R[]> {
    return this.#inTime(this.#runNow('READ', query, params, false), 'read');
  }

  /**
   * A read that must see writes other instances committed a moment ago (a login through
   * another instance): on a cluster it runs on the leader, which has every committed write;
   * on a single server it is an ordinary read.
   */
  readFromLeader<R = Row>(query: CypherQuery<R>, params: Params = {}): Promise<R[]> {
    return this.#run('WRITE', query, params, 'read');
  }

  write<R = Row>(query: CypherQuery<R>, params: Params = {}): Promise<R[]> {
    return this.#run('WRITE', query, params, 'write');
  }

  /**
   * Several writes in one transaction: all of them apply or none. A bulk write (the seed) may ask for more time
   * than an interactive request's transaction timeout.
   */
  writeAll(
    steps: ReadonlyArray<{ query: CypherQuery; params: Params }>,
    options: { readonly timeoutMs?: number } = {},
  ): Promise<void> {
    return this.#inTime(this.#writeAll(steps, options.timeoutMs ?? this.#timeoutMs), 'write');
  }

  async #writeAll(steps: ReadonlyArray<{ query: CypherQuery; params: Params }>, timeoutMs: number): Promise<void> {
    const session = this.#session(neo4j.session.WRITE);
    const started = performance.now();
    try {
      this.#roundTrips += 1;
      await session.executeWrite(
        async (tx) => {
          const transaction = this.#roundTrips;
          for (const step of steps) {
            this.#observe?.({ transaction, mode: 'WRITE', query: step.query, params: step.params });
            await tx.run(step.query.text, toDriverValue(step.params) as Params);
          }
        },
        { timeout: timeoutMs, metadata: { app: 'govgraph', query: steps.map((s) => s.query.name).join(',') } },
      );
    } catch (error) {
      throw translate(error, performance.now() - started >= timeoutMs);
    } finally {
      await closeQuietly(session);
    }
  }

  /**
   * A write transaction whose steps depend on what earlier steps read (an edit
   * checks the version it locked, then writes). Neo4j retries it on transient
   * errors such as deadlocks, so `work` must only read and write through `run`.
   */
  transaction<T>(name: string, work: (run: Run) => Promise<T>): Promise<T> {
    return this.#inTime(this.#transaction(name, work), 'write');
  }

  async #transaction<T>(name: string, work: (run: Run) => Promise<T>): Promise<T> {
    const session = this.#session(neo4j.session.WRITE);
    const started = performance.now();
    try {
      this.#roundTrips += 1;
      const transaction = this.#roundTrips;
      return await session.executeWrite(
        (tx) =>
          work(async <R = Row>(query: CypherQuery<R>, params: Params = {}) => {
            this.#observe?.({ transaction, mode: 'WRITE', query, params });
            const result = await tx.run(query.text, toDriverValue(params) as Params);
            return rowsOf<R>(result.records);
          }),
        { timeout: this.#timeoutMs, metadata: { app: 'govgraph', query: name } },
      );
    } catch (error) {
      throw translate(error, performance.now() - started >= this.#timeoutMs);
    } finally {
      await closeQuietly(session);
    }
  }

  /** Schema statements run one per transaction, as Neo4j requires. */
  async schema(statement: string): Promise<void> {
    const session = this.#session(neo4j.session.WRITE);
    try {
      this.#roundTrips += 1;
      await session.executeWrite((tx) => tx.run(statement), { metadata: { app: 'govgraph', query: 'migration' } });
    } finally {
      await closeQuietly(session);
    }
  }

  async close(): Promise<void> {
    await this.#driver.close();
  }

  #session(mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE) {
    return this.#driver.session({
      database: this.#database,
      defaultAccessMode: mode,
      bookmarkManager: this.#bookmarks,
    });
  }

  #run<R>(mode: 'READ' | 'WRITE', query: CypherQuery<R>, params: Params, what: 'read' | 'write'): Promise<R[]> {
    return this.#inTime(this.#runNow(mode, query, params), what);
  }

  async #runNow<R>(mode: 'READ' | 'WRITE', query: CypherQuery<R>, params: Params, counted = true): Promise<R[]> {
    const session = this.#session(mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE);
    const driverParams = toDriverValue(params) as Params;
    const config = { timeout: this.#timeoutMs, metadata: { app: 'govgraph', query: query.name } };
    const started = performance.now();
    try {
      if (counted) {
        this.#roundTrips += 1;
        this.#observe?.({ transaction: this.#roundTrips, mode, query, params });
      }
      const result =
        mode === 'READ'
          ? await readWithRetries(async () => await session.run(query.text, driverParams, config))
          : await session.executeWrite(async (tx) => await tx.run(query.text, driverParams), config);
      return rowsOf<R>(result.records);
    } catch (error) {
      throw translate(error, performance.now() - started >= this.#timeoutMs);
    } finally {
      await closeQuietly(session);
    }
  }
}
