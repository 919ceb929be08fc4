import { capturedSeed } from '../../seed/load.js';
import type { Database } from '../../server/db/database.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import type { Settings } from '../../server/schema/context.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { loadSeed } from '../../server/services/seed/load.js';
import type { Role } from '../../shared/vocabulary.js';
import { ListenedChannel } from './listening.js';
import { startScratchNeo4j } from './scratch.js';

export const PASSWORD = 'correct horse battery staple';

export interface Reply<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export type Caller = Role | 'anonymous' | 'editor2';

export const codeOf = (body: Reply): unknown => body.errors?.[0]?.extensions?.code ?? null;

/**
 * A seeded Neo4j of its own with an account and API token per role (and a
 * second editor, for four eyes), and a client that calls the API as any of
 * them. Edits change the graph, so they never run on the shared test database.
 * It holds the captured page's small graph unless asked for the whole corpus:
 * these tests are about what an edit changes (many hash the whole database to
 * show it), not about what the corpus knows.
 */
export async function startEditorsWorld(settings?: Settings, options: { seed?: 'corpus' | 'captured' } = {}) {
  const scratch = await startScratchNeo4j();
  const db: Database = scratch.db;
  await loadSeed(db, options.seed === 'corpus' ? undefined : capturedSeed());
  const accounts = new Accounts(db);
  const run = `${Date.now()}`;
  const emailOf = (who: Caller) => `${who}-${run}@govgraph.test`;
  const tokens = new Map<Caller, string>();
  const admin = await accounts.createUser({ email: emailOf('admin'), password: PASSWORD, role: 'admin' }, 'test');
  for (const [who, role] of [
    ['viewer', 'viewer'],
    ['editor', 'editor'],
    ['editor2', 'editor'],
  ] as const) {
    await accounts.createUser({ email: emailOf(who), password: PASSWORD, role }, admin.email);
  }
  for (const who of ['viewer', 'editor', 'editor2', 'admin'] as const) {
    tokens.set(who, (await accounts.createApiToken(emailOf(who), `test ${who}`, admin.email)).token);
  }
  const headersOf = (who: Caller): Record<string, string> =>
    who === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(who)}` };

  /** A client of a server with these settings (each its own live-update channel). */
  const client = (yoga: GovGraphYoga) => {
    return async <T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      who: Caller | Record<string, string> = 'anonymous',
    ): Promise<{ body: Reply<T>; response: Response }> => {
      const headers = typeof who === 'string' ? headersOf(who) : who;
      const response = await yoga.fetch('http://govgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { body: (await response.json()) as Reply<T>, response };
    };
  };
  // Its live updates tell how many subscriptions listen, so a test can wait for its stream to listen.
  const live = new ListenedChannel();
  const yoga = createGovGraphYoga(db, settings, live.pubsub);

  return {
    db,
    uri: scratch.uri,
    auth: scratch.auth,
    yoga,
    live,
    accounts,
    run,
    emailOf,
    headersOf,
    client,
    call: client(yoga),
    /** Everything in the database, to show a refused edit changed nothing. */
    async snapshot() {
      return db.read({
        name: 'snapshot',
        text: `CALL () { MATCH (n) WITH n ORDER BY elementId(n) RETURN count(n) AS nodes, collect(n.version) AS versions }
               CALL () { MATCH ()-[r]->() WITH r ORDER BY elementId(r)
                         RETURN count(r) AS relationships, collect(r.version) AS relVersions }
               RETURN nodes, relationships, versions, relVersions`,
      });
    },
    stop: () => scratch.stop(),
  };
}

export type EditorsWorld = Awaited<ReturnType<typeof startEditorsWorld>>;

let shared: EditorsWorld | undefined;

/** Sets the world the editors' suites share (test/integration/editors.int.test.ts); returns the one before. */
export function shareWorld(world: EditorsWorld | undefined): EditorsWorld | undefined {
  const before = shared;
  shared = world;
  return before;
}

/** The world started for the editors' suites. */
export function sharedWorld(): EditorsWorld {
  if (!shared)
    throw new Error('The editors’ suites run from test/integration/editors.int.test.ts, which starts their Neo4j.');
  return shared;
}
