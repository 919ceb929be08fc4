import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ALTERNATIVE_OPERATIONS, type Alternative, startAlternative } from '../../bench/alternative.js';
import { type Answers, hashOf, type Inputs, OPERATIONS, type OperationName } from '../../bench/operations.js';
import type { Database } from '../../server/db/database.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { loadSeed } from '../../server/services/seed/load.js';
import { testDatabase } from '../support/api.js';
import { startScratchNeo4j } from '../support/scratch.js';

// The benchmark compares GovGraph with @neo4j/graphql on the same data; that only means something if both
// answer every operation with the same data. Both run over HTTP, as the benchmark runs them.

interface Reply {
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers = {}): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Reply;
}

async function serve(yoga: GovGraphYoga): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Both sides running against one Neo4j. */
interface Sides {
  readonly govgraph: { url: string; close(): Promise<void> };
  readonly alternative: Alternative;
  readonly driver: Driver;
}

async function startSides(
  db: Database,
  uri: string,
  auth: { user: string | undefined; password: string | undefined },
): Promise<Sides> {
  const driver = neo4j.driver(uri, auth.user ? neo4j.auth.basic(auth.user, auth.password ?? '') : undefined);
  return { govgraph: await serve(createGovGraphYoga(db)), alternative: await startAlternative(driver), driver };
}

async function stopSides(sides: Sides | undefined): Promise<void> {
  await sides?.alternative.close();
  await sides?.govgraph.close();
  await sides?.driver.close();
}

/** One operation on both sides, each answer in canonical form; neither may answer with errors. */
async function both<N extends OperationName>(
  sides: Sides,
  name: N,
  input: Inputs[N],
  headers: { govgraph?: Record<string, string>; alternative?: Record<string, string> } = {},
): Promise<{ govgraph: Answers[N]; alternative: Answers[N] }> {
  const ours = OPERATIONS[name];
  const theirs = ALTERNATIVE_OPERATIONS[name];
  const g = await post(sides.govgraph.url, ours.document, ours.variables(input), headers.govgraph);
  const a = await post(sides.alternative.url, theirs.document, theirs.variables(input), headers.alternative);
  expect(g.errors, 'GovGraph').toBeUndefined();
  expect(a.errors, '@neo4j/graphql').toBeUndefined();
  return { govgraph: ours.canonical(g.data), alternative: theirs.canonical(a.data) };
}

describe('GovGraph and @neo4j/graphql answer the benchmark’s reads with the same data (seed graph)', () => {
  let db: Database;
  let sides: Sides | undefined;
  const ready = (): Sides => {
    if (!sides) throw new Error('the servers did not start');
    return sides;
  };

  beforeAll(async () => {
    db = testDatabase();
    sides = await startSides(db, inject('neo4jUri'), { user: inject('neo4jUser'), password: inject('neo4jPassword') });
  });

  afterAll(async () => {
    await stopSides(sides);
    await db.close();
  });

  /** Equal canonical hashes (and, for a readable failure, equal values), on an answer that is not empty. */
  function parity<N extends OperationName>(name: N, input: Inputs[N], nonTrivial: (answer: Answers[N]) => void) {
    // The first query of each shape costs the alternative seconds of Cypher planning (its statements are long).
    it(`${name} ${JSON.stringify(input)}`, { timeout: 180_000 }, async () => {
      const { govgraph, alternative } = await both(ready(), name, input);
      nonTrivial(govgraph);
      expect(alternative).toEqual(govgraph);
      expect(hashOf(alternative)).toBe(hashOf(govgraph));
    });
  }

  for (const q of ['Digitalrat', 'OZG', 'Hüskens', 'hueskens', 'Salzlandkreis', 'Sachsen-Anhalt']) {
    parity('search', { q }, (a) => expect(a.hits.length).toBeGreaterThan(0));
  }

  for (const name of ['neighborhood1', 'neighborhood2'] as const) {
    for (const id of ['region:15089', 'person:lydia-hueskens', 'region:de']) {
      parity(name, { id }, (a) => {
        expect(a.nodes.length).toBeGreaterThan(2);
        expect(a.edges.length).toBeGreaterThan(1);
        expect(a.hidden.length).toBeGreaterThan(0);
      });
    }
  }

  for (const [from, to] of [
    ['person:lydia-hueskens', 'region:15089'],
    ['person:bernd-schloemer', 'region:15089'],
    ['person:lydia-hueskens', 'region:01'],
  ] as const) {
    parity('paths', { from, to }, (a) => {
      expect(a.length).toBeGreaterThan(1);
      expect(a.paths.length).toBeGreaterThan(0);
    });
  }

  for (const [from, to] of [
    ['2022-01-01', '2022-12-31'],
    ['2024-01-01', null],
    [null, null],
  ] as const) {
    parity('timeline', { from, to }, (a) => expect(a.events.length).toBeGreaterThan(0));
  }

  for (const id of ['person:lydia-hueskens', 'person:bernd-schloemer', 'org:mid-sachsen-anhalt', 'region:15089']) {
    parity('nested', { id }, (a) => {
      expect(a.relations.length).toBeGreaterThan(0);
      for (const relation of a.relations) {
        expect(relation.citations.length).toBeGreaterThan(0);
        for (const citation of relation.citations) expect(citation.article.name).not.toBe('');
      }
    });
  }

  it('search uses a @cypher field: @neo4j/graphql’s @fulltext ranks by Lucene’s score alone, one kind at a time', async () => {
    // GovGraph puts a hit whose whole name or alias is the query first ("OZG" is the Onlinezugangsgesetz's
    // abbreviation); the generated full-text query can only sort by score, and searches one kind per query.
    const { govgraph } = await both(ready(), 'search', { q: 'OZG' });
    const { lucene } = ALTERNATIVE_OPERATIONS.search.variables({ q: 'OZG' });
    const reply = await post(
      ready().alternative.url,
      'query ($phrase: String!) { lawSearch(phrase: $phrase, sort: [{ score: DESC }]) { edges { node { id } } } }',
      { phrase: lucene },
    );
    expect(reply.errors).toBeUndefined();
    const byScore = (reply.data as { lawSearch: { edges: Array<{ node: { id: string } }> } }).lawSearch.edges.map(
      (e) => e.node.id,
    );
    const laws = govgraph.hits.filter((hit) => hit.kind === 'LAW').map((hit) => hit.id);
    expect(new Set(govgraph.hits.map((hit) => hit.kind)).size).toBeGreaterThan(1);
    expect([...byScore].sort()).toEqual([...laws].sort());
    expect(byScore).not.toEqual(laws);
  });
});

describe('the editor’s write, on a Neo4j of its own', () => {
  let scratch: Awaited<ReturnType<typeof startScratchNeo4j>> | undefined;
  let sides: Sides | undefined;
  let editor: Record<string, string> = {};
  const id = 'event:ozg-aenderungsgesetz-scheitert-im-bundesrat';
  const ready = (): Sides => {
    if (!sides) throw new Error('the servers did not start');
    return sides;
  };

  beforeAll(async () => {
    scratch = await startScratchNeo4j();
    await loadSeed(scratch.db);
    const accounts = new Accounts(scratch.db);
    const email = `bench-editor-${Date.now()}@govgraph.test`;
    await accounts.createUser({ email, password: 'correct horse battery staple', role: 'editor' }, 'test');
    editor = { authorization: `Bearer ${(await accounts.createApiToken(email, 'bench', 'test')).token}` };
    sides = await startSides(scratch.db, scratch.uri, scratch.auth);
  });

  afterAll(async () => {
    await stopSides(sides);
    await scratch?.stop();
  });

  async function stored() {
    const { records } = await ready().driver.executeQuery(
      `MATCH (n:Entity {id: $id})
       RETURN n.version AS version, n.description AS description, n.recordedBy AS recordedBy,
              COUNT { (c:Change {target: $id}) } AS changes`,
      { id },
    );
    const row = records[0]?.toObject();
    if (!row) throw new Error(`${id} is missing`);
    return {
      version: Number(row.version),
      description: row.description as string | null,
      recordedBy: row.recordedBy as string | null,
      changes: Number(row.changes),
    };
  }

  it('sets the same description and version on both sides; only GovGraph records the change', async () => {
    const before = await stored();
    const input = { id, version: before.version, description: 'Abstimmung im Bundesrat am 22. März 2024' };

    const govgraph = await post(
      ready().govgraph.url,
      OPERATIONS.updateEntity.document,
      OPERATIONS.updateEntity.variables(input),
      editor,
    );
    expect(govgraph.errors).toBeUndefined();
    const afterGovGraph = await stored();
    // Both sides start from the same stored state: version and description back as they were.
    await ready().driver.executeQuery('MATCH (n:Entity {id: $id}) SET n.version = $version, n.description = $d', {
      id,
      version: neo4j.int(before.version),
      d: before.description,
    });

    const theirs = ALTERNATIVE_OPERATIONS.updateEntity;
    const refused = await post(ready().alternative.url, theirs.document, theirs.variables(input));
    expect(refused.errors?.[0]?.message).toBe('Unauthenticated');
    const alternative = await post(ready().alternative.url, theirs.document, theirs.variables(input), {
      authorization: ready().alternative.editorAuthorization,
    });
    expect(alternative.errors).toBeUndefined();
    const afterAlternative = await stored();

    const ours = OPERATIONS.updateEntity.canonical(govgraph.data);
    expect(ours).toEqual({ id, version: before.version + 1, description: input.description });
    expect(theirs.canonical(alternative.data)).toEqual(ours);
    expect(hashOf(theirs.canonical(alternative.data))).toBe(hashOf(ours));
    expect(afterAlternative.version).toBe(afterGovGraph.version);
    expect(afterAlternative.description).toBe(afterGovGraph.description);
    expect(afterAlternative.recordedBy).toMatch(/^bench-editor/);
    // The work that differs: GovGraph records who changed what (history, undo); the alternative does not.
    expect(afterGovGraph.changes).toBe(before.changes + 1);
    expect(afterAlternative.changes).toBe(afterGovGraph.changes);
  });

  it('refuses a stale version on both sides and changes nothing: GovGraph with CONFLICT, the alternative with no entity', async () => {
    const current = await stored();
    const stale = { id, version: current.version - 1, description: 'veraltet' };

    const govgraph = await post(
      ready().govgraph.url,
      OPERATIONS.updateEntity.document,
      OPERATIONS.updateEntity.variables(stale),
      editor,
    );
    expect(govgraph.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const theirs = ALTERNATIVE_OPERATIONS.updateEntity;
    const alternative = await post(ready().alternative.url, theirs.document, theirs.variables(stale), {
      authorization: ready().alternative.editorAuthorization,
    });
    // Its generated update matches no node at that version and says so only by an empty list, not an error.
    expect(alternative.errors).toBeUndefined();
    expect(() => theirs.canonical(alternative.data)).toThrow(/nothing updated/);
    expect(await stored()).toEqual(current);
  });

  it('profiles the alternative’s write (database hits) without changing anything: its transaction is rolled back', async () => {
    const current = await stored();
    const theirs = ALTERNATIVE_OPERATIONS.updateEntity;
    const input = { id, version: current.version, description: 'nur gemessen' };
    const hits = await ready().alternative.dbHits(
      theirs.document,
      theirs.variables(input),
      ready().alternative.editorAuthorization,
    );
    expect(hits).toBeGreaterThan(0);
    expect(await stored()).toEqual(current);
    // A refused request is an error, not a count of nothing.
    await expect(ready().alternative.dbHits(theirs.document, theirs.variables(input))).rejects.toThrow(
      /Unauthenticated/,
    );
  });
});
