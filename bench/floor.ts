import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { Database, type ObservedStatement, type Params } from '../server/db/database.js';
import { toDriverValue } from '../server/db/plain.js';
import { createGovGraphYoga } from '../server/http/yoga.js';
import { benchAuth } from './connection.js';

/**
 * The floor: the very Cypher statements GovGraph sends for a request, sent
 * straight through neo4j-driver with no GraphQL around them. They are
 * captured once per input from an in-process GovGraph whose database
 * connection reports every statement, then replayed: each transaction of
 * the request at once (no waiting for one to start the next), each in a read
 * or write transaction as GovGraph ran it.
 */
export interface CapturedTransaction {
  readonly mode: 'READ' | 'WRITE';
  readonly statements: readonly { readonly name: string; readonly text: string; readonly params: Params }[];
}

export interface Capture {
  /** GovGraph's answer to the request, as a client gets it. */
  readonly body: { data?: unknown; errors?: unknown[] };
  readonly transactions: readonly CapturedTransaction[];
}

export class Capturer {
  readonly #observed: ObservedStatement[] = [];
  readonly #db: Database;
  readonly #yoga: ReturnType<typeof createGovGraphYoga>;

  constructor(uri: string) {
    this.#db = new Database({ uri, ...benchAuth(), observe: (statement) => this.#observed.push(statement) });
    this.#yoga = createGovGraphYoga(this.#db);
  }

  async capture(document: string, variables: Record<string, unknown>, token?: string): Promise<Capture> {
    this.#observed.length = 0;
    const response = await this.#yoga.fetch('http://bench.invalid/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as Capture['body'];
    const byTransaction = new Map<
      number,
      { mode: 'READ' | 'WRITE'; statements: CapturedTransaction['statements'][number][] }
    >();
    for (const statement of this.#observed) {
      const entry = byTransaction.get(statement.transaction) ?? { mode: statement.mode, statements: [] };
      entry.statements.push({ name: statement.query.name, text: statement.query.text, params: statement.params });
      byTransaction.set(statement.transaction, entry);
    }
    return { body, transactions: [...byTransaction.values()] };
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}

async function runTransaction(
  driver: Driver,
  transaction: CapturedTransaction,
  prepare: (tx: ManagedTransaction, statement: CapturedTransaction['statements'][number], previous: unknown) => Params,
  profile: boolean,
): Promise<number> {
  const session = driver.session({
    defaultAccessMode: transaction.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
  });
  try {
    const work = async (tx: ManagedTransaction) => {
      let dbHits = 0;
      let previous: unknown;
      for (const statement of transaction.statements) {
        const result = await tx.run(
          profile ? `PROFILE ${statement.text}` : statement.text,
          toDriverValue(prepare(tx, statement, previous)) as Params,
        );
        previous = result.records[0]?.toObject();
        if (profile) dbHits += totalDbHits(result.summary.profile);
      }
      return dbHits;
    };
    const [only] = transaction.statements;
    if (transaction.mode === 'READ' && only && transaction.statements.length === 1) {
      // GovGraph sends a read as one auto-commit statement; so does the floor.
      const result = await session.run(
        profile ? `PROFILE ${only.text}` : only.text,
        toDriverValue(only.params) as Params,
      );
      return profile ? totalDbHits(result.summary.profile) : 0;
    }
    return transaction.mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

interface PlanNode {
  readonly dbHits: number;
  readonly children: readonly PlanNode[];
}

export function totalDbHits(plan: PlanNode | false | undefined): number {
  if (!plan) return 0;
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

const asIs = (_tx: ManagedTransaction, statement: CapturedTransaction['statements'][number]) => statement.params;

/** Replays a read request's transactions, all at once. Returns the database hits when profiled. */
export async function replayRead(driver: Driver, capture: Capture, profile = false): Promise<number> {
  const hits = await Promise.all(capture.transactions.map((tx) => runTransaction(driver, tx, asIs, profile)));
  return hits.reduce((a, b) => a + b, 0);
}

/**
 * Replays an entity edit: the same statements in one write transaction, with
 * what must be new each time made new: the version read under the lock (the
 * edit writes the next one) and the ids of the change records.
 */
export async function replayEdit(driver: Driver, capture: Capture, profile = false): Promise<number> {
  let total = 0;
  for (const transaction of capture.transactions) {
    let version = 0;
    total += await runTransaction(
      driver,
      transaction,
      (_tx, statement, previous) => {
        if (statement.name === 'entity-update') {
          // The statement before it is the lock, which read the current version.
          const v = (previous as { entity?: { version?: { toNumber(): number } | number } } | undefined)?.entity
            ?.version;
          version = v === undefined ? version : typeof v === 'number' ? v : v.toNumber();
          return { ...statement.params, version: version + 1 };
        }
        if (statement.name === 'changes-record') {
          const changes = (statement.params.changes as Params[]).map((change) => ({
            ...change,
            id: `change:${randomUUID()}`,
            fromVersion: version,
            toVersion: version + 1,
          }));
          return { ...statement.params, batch: `batch:${randomUUID()}`, changes };
        }
        return statement.params;
      },
      profile,
    );
  }
  return total;
}
