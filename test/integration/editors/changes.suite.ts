import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/http/app.js';
import { codeOf, type EditorsWorld, sharedWorld } from '../../support/editors.js';
import { openEventStream } from '../../support/sse.js';

describe('merges, history, revert and live updates', () => {
  let world: EditorsWorld;
  let call: EditorsWorld['call'];
  let run: string;

  beforeAll(() => {
    world = sharedWorld();
    ({ call, run } = world);
  });

  const SEED_ARTICLE = 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt';
  const SURVIVOR = 'person:bernd-schloemer';
  const MERGE = `mutation($s: ID!, $sv: Int!, $d: ID!, $dv: Int!) {
  mergeEntities(survivor: $s, survivorVersion: $sv, duplicate: $d, duplicateVersion: $dv) { id name aliases description version }
}`;
  const REVERT =
    'mutation($id: ID!) { revertChange(id: $id) { id batch target action reverts toVersion before after } }';
  const CHANGE = 'id batch operation target action by before after fromVersion toVersion reverts revertedBy';

  interface Fact {
    id: string;
    type: string;
    from: { id: string };
    to: { id: string };
    citations: Array<{ article: { id: string }; quote: string | null; note: string | null }>;
  }
  interface Change {
    id: string;
    batch: string;
    operation: string;
    target: string;
    action: string;
    by: string;
    before: string | null;
    after: string | null;
    fromVersion: number | null;
    toVersion: number | null;
    reverts: string | null;
    revertedBy: string | null;
  }

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, who: 'editor' | 'editor2' = 'editor') {
    const { body } = await call<T>(query, variables, who);
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }

  async function createEntity(input: Record<string, unknown>): Promise<string> {
    const data = await ok<{ createEntity: { id: string } }>(
      'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
      { input },
    );
    return data.createEntity.id;
  }

  async function createRelation(input: Record<string, unknown>): Promise<string> {
    const data = await ok<{ createRelation: { id: string } }>(
      'mutation($input: CreateRelationInput!) { createRelation(input: $input) { id } }',
      { input },
    );
    return data.createRelation.id;
  }

  /** An entity's state as a reader sees it: version, names, facts with their citations, mentions. */
  async function stateOf(id: string) {
    const { body } = await call<{
      node: {
        version: number;
        name: string;
        aliases: string[];
        description: string | null;
        relations: { totalCount: number; nodes: Fact[] };
        mentionedIn: { nodes: Array<{ id: string }> };
      } | null;
    }>(
      `query($id: ID!) { node(id: $id) { ... on Entity { version name aliases description
      relations(first: 100) { totalCount nodes { id type from { id } to { id } citations { article { id } quote note } } }
      mentionedIn(first: 100) { nodes { id } } } } }`,
      { id },
    );
    return body.data?.node ?? null;
  }

  async function recent(first = 20): Promise<Change[]> {
    return (await ok<{ recentChanges: Change[] }>(`{ recentChanges(first: ${first}) { ${CHANGE} } }`)).recentChanges;
  }

  const byId = (facts: readonly Fact[]) => [...facts].sort((a, b) => a.id.localeCompare(b.id));

  /** A duplicate of Bernd Schlömer with facts of its own in both directions, cited to two articles. */
  async function duplicateOfSchloemer(tag: string) {
    const article = await createEntity({
      kind: 'ARTICLE',
      name: `Schlömer im Kreis ${tag} ${run}`,
      publisher: 'Kommune21',
      publishedOn: '2024-05-06',
    });
    const duplicate = await createEntity({
      kind: 'PERSON',
      id: `person:b-schloemer-${tag}-${run}`,
      name: 'B. Schlömer',
      aliases: ['Bernd Schloemer', 'Landes-CIO', 'landes-cio'],
      description: 'Staatssekretär',
    });
    await createRelation({
      type: 'ADVISES',
      from: duplicate,
      to: 'org:kreisverwaltung-salzlandkreis',
      citations: [{ article, quote: 'berät den Kreis' }],
    });
    await createRelation({
      type: 'PARTICIPATED_IN',
      from: duplicate,
      to: 'event:digitalrat-sachsen-anhalt-2022-sitzung-2',
      role: 'Gast',
      citations: [{ article: SEED_ARTICLE, note: 'als B. Schlömer genannt' }],
    });
    await createRelation({
      type: 'ADVISES',
      from: 'person:lydia-hueskens',
      to: duplicate,
      validFrom: '2024',
      citations: [{ article, quote: 'Hüskens rät' }, { article: SEED_ARTICLE }],
    });
    return { article, duplicate };
  }

  describe('merging duplicates', () => {
    it('moves every fact and mention to the survivor and keeps the names; nothing is dropped', async () => {
      const { article, duplicate } = await duplicateOfSchloemer('a');
      const survivorBefore = await stateOf(SURVIVOR);
      const duplicateBefore = await stateOf(duplicate);
      if (!survivorBefore || !duplicateBefore) throw new Error('missing');

      const merged = await ok<{
        mergeEntities: { id: string; aliases: string[]; description: string; version: number };
      }>(MERGE, { s: SURVIVOR, sv: survivorBefore.version, d: duplicate, dv: duplicateBefore.version });
      expect(merged.mergeEntities).toEqual({
        id: SURVIVOR,
        name: 'Bernd Schlömer',
        // The duplicate's name and aliases, each once, none equal to the survivor's name (compared as search does).
        aliases: ['B. Schlömer', 'Landes-CIO'],
        description: survivorBefore.description,
        version: survivorBefore.version + 1,
      });

      const after = await stateOf(SURVIVOR);
      const moved = (f: Fact): Fact => ({
        ...f,
        from: { id: f.from.id === duplicate ? SURVIVOR : f.from.id },
        to: { id: f.to.id === duplicate ? SURVIVOR : f.to.id },
      });
      expect(after?.relations.totalCount).toBe(
        survivorBefore.relations.totalCount + duplicateBefore.relations.totalCount,
      );
      expect(byId(after?.relations.nodes ?? [])).toEqual(
        byId([...survivorBefore.relations.nodes, ...duplicateBefore.relations.nodes.map(moved)]),
      );
      expect(after?.mentionedIn.nodes.map((n) => n.id)).toContain(article);
      expect(await stateOf(duplicate)).toBeNull();

      // One batch: each moved fact (with its ends before and after), the duplicate deleted, the survivor changed.
      const changes = (await recent()).filter((c) => c.operation === 'mergeEntities');
      expect(new Set(changes.map((c) => c.batch)).size).toBe(1);
      expect(changes.map((c) => [c.target, c.action])).toEqual([
        [SURVIVOR, 'UPDATE'],
        [duplicate, 'DELETE'],
        ...byId(duplicateBefore.relations.nodes)
          .reverse()
          .map((f) => [f.id, 'UPDATE']),
      ]);
      const relationChange = changes.find(
        (c) => c.target.startsWith('rel:') && JSON.parse(c.before ?? '{}').from === duplicate,
      );
      expect(JSON.parse(relationChange?.after ?? '{}').from).toBe(SURVIVOR);
    });

    it('merges a duplicate article: the facts it is cited for cite the survivor, and it mentions what the other did', async () => {
      const article = (name: string, url?: string) =>
        createEntity({
          kind: 'ARTICLE',
          name: `${name} ${run}`,
          publisher: 'Kommune21',
          publishedOn: '2024-05-07',
          url,
        });
      const survivor = await article('OZG-Bilanz', `https://example.org/ozg-${run}`);
      const duplicate = await article('OZG-Bilanz (Kopie)');
      const cited = await createRelation({
        type: 'SPOKE_ABOUT',
        from: 'person:lydia-hueskens',
        to: 'law:ozg',
        citations: [{ article: duplicate, quote: 'Das OZG ist ein Marathon.' }],
      });
      const facts = `{ article(id: "${survivor}") { facts { totalCount nodes { id citations { article { id } quote } } } } }`;
      await ok(MERGE, { s: survivor, sv: 1, d: duplicate, dv: 1 });
      const after = await ok<{ article: { facts: { totalCount: number; nodes: unknown[] } } }>(facts);
      expect(after.article.facts).toEqual({
        totalCount: 1,
        nodes: [{ id: cited, citations: [{ article: { id: survivor }, quote: 'Das OZG ist ein Marathon.' }] }],
      });
      const hueskens = await stateOf('person:lydia-hueskens');
      expect(hueskens?.mentionedIn.nodes.map((n) => n.id)).toContain(survivor);
      expect(hueskens?.mentionedIn.nodes.map((n) => n.id)).not.toContain(duplicate);
    });

    it.each([
      [
        'an entity of another kind',
        async () => ({ d: 'org:kreativraum-salzlandkreis' }),
        'only entities of the same kind',
      ],
      ['itself', async () => ({ d: SURVIVOR }), 'cannot be merged with itself'],
      [
        'a duplicate with a fact that connects the two',
        async () => {
          const d = await createEntity({ kind: 'PERSON', name: `Schlömer-Zwilling ${run}` });
          const rel = await createRelation({
            type: 'ADVISES',
            from: d,
            to: SURVIVOR,
            citations: [{ article: SEED_ARTICLE }],
          });
          return { d, rel };
        },
        'would then connect person:bernd-schloemer with itself',
      ],
    ])('refuses to merge %s with a clear message and changes nothing', async (_what, setup, message) => {
      const { d, rel } = (await setup()) as { d: string; rel?: string };
      const versions = { sv: (await stateOf(SURVIVOR))?.version, dv: (await stateOf(d))?.version };
      const before = await world.snapshot();
      const { body } = await call(MERGE, { s: SURVIVOR, d, ...versions }, 'editor');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(message);
      if (rel) expect(body.errors?.[0]?.message).toContain(rel);
      expect(await world.snapshot()).toEqual(before);
    });

    it('refuses a merge based on a stale version with CONFLICT, and of two racing merges exactly one wins', async () => {
      const { duplicate } = await duplicateOfSchloemer('b');
      const sv = (await stateOf(SURVIVOR))?.version as number;
      const before = await world.snapshot();
      const stale = await call(MERGE, { s: SURVIVOR, sv: sv - 1, d: duplicate, dv: 1 }, 'editor');
      expect(codeOf(stale.body)).toBe('CONFLICT');
      expect(stale.body.errors?.[0]?.extensions).toMatchObject({ target: SURVIVOR, currentVersion: sv });
      expect(await world.snapshot()).toEqual(before);

      const racing = await Promise.all([
        call(MERGE, { s: SURVIVOR, sv, d: duplicate, dv: 1 }, 'editor'),
        call(MERGE, { s: SURVIVOR, sv, d: duplicate, dv: 1 }, 'editor2'),
      ]);
      expect(racing.filter((r) => !r.body.errors)).toHaveLength(1);
      expect(['CONFLICT', 'NOT_FOUND']).toContain(codeOf(racing.find((r) => r.body.errors)?.body ?? {}));
      expect((await stateOf(SURVIVOR))?.version).toBe(sv + 1);
    });
  });

  describe('reverting a batch', () => {
    it('undoes a merge step by step, refuses to undo it twice, and can undo the undoing', async () => {
      const { duplicate, article } = await duplicateOfSchloemer('c');
      const survivorBefore = await stateOf(SURVIVOR);
      const duplicateBefore = await stateOf(duplicate);
      await ok(MERGE, { s: SURVIVOR, sv: survivorBefore?.version, d: duplicate, dv: duplicateBefore?.version });
      const mergeChange = (await recent(1))[0] as Change;
      const mergedState = await stateOf(SURVIVOR);

      const reverted = await ok<{ revertChange: Change[] }>(REVERT, { id: mergeChange.id }, 'editor2');
      const changes = reverted.revertChange;
      expect(new Set(changes.map((c) => c.reverts))).toEqual(new Set([mergeChange.batch]));
      expect(changes.map((c) => [c.target, c.action]).slice(0, 2)).toEqual([
        [SURVIVOR, 'UPDATE'],
        [duplicate, 'CREATE'],
      ]);

      const survivorAfter = await stateOf(SURVIVOR);
      const duplicateAfter = await stateOf(duplicate);
      expect({ ...survivorAfter, version: 0 }).toEqual({ ...survivorBefore, version: 0 });
      expect(survivorAfter?.version).toBe((survivorBefore?.version ?? 0) + 2);
      expect(duplicateAfter?.relations).toEqual(duplicateBefore?.relations);
      expect(duplicateAfter?.aliases).toEqual(duplicateBefore?.aliases);
      expect(duplicateAfter?.mentionedIn.nodes.map((n) => n.id)).toContain(article);
      // Back under its own id, one version on from the one it was deleted at.
      expect(duplicateAfter?.version).toBe((duplicateBefore?.version ?? 0) + 1);

      const history = (await ok<{ history: Change[] }>(`{ history(id: "${SURVIVOR}", first: 2) { ${CHANGE} } }`))
        .history;
      expect(history[0]).toMatchObject({
        operation: 'revertChange',
        reverts: mergeChange.batch,
        by: world.emailOf('editor2'),
      });
      expect(history[1]).toMatchObject({ batch: mergeChange.batch, revertedBy: history[0]?.batch });

      const before = await world.snapshot();
      const twice = await call(REVERT, { id: mergeChange.id }, 'editor');
      expect(codeOf(twice.body)).toBe('BAD_USER_INPUT');
      expect(twice.body.errors?.[0]?.message).toContain(
        `${mergeChange.batch} was already reverted by ${world.emailOf('editor2')}`,
      );
      expect(await world.snapshot()).toEqual(before);

      // Reverting the revert merges again.
      await ok(REVERT, { id: changes[0]?.id });
      const redone = await stateOf(SURVIVOR);
      expect(byId(redone?.relations.nodes ?? [])).toEqual(byId(mergedState?.relations.nodes ?? []));
      expect(redone?.aliases).toEqual(mergedState?.aliases);
      expect(await stateOf(duplicate)).toBeNull();
    });

    it('refuses with CONFLICT, naming what changed since and by whom, and changes nothing', async () => {
      const id = await createEntity({ kind: 'LAW', name: `Revertgesetz ${run}` });
      await ok('mutation($id: ID!) { updateEntity(id: $id, version: 1, patch: { description: "eins" }) { id } }', {
        id,
      });
      const [update] = await recent(1);
      await ok(
        'mutation($id: ID!) { updateEntity(id: $id, version: 2, patch: { description: "zwei" }) { id } }',
        { id },
        'editor2',
      );
      const before = await world.snapshot();
      const { body } = await call(REVERT, { id: update?.id }, 'editor');
      expect(codeOf(body)).toBe('CONFLICT');
      expect(body.errors?.[0]?.message).toContain(
        `${id} was changed since (now version 3, by ${world.emailOf('editor2')})`,
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        target: id,
        currentVersion: 3,
        current: { description: 'zwei' },
      });
      expect(await world.snapshot()).toEqual(before);

      // The newest change reverts fine: the description is "eins" again.
      const [latest] = (await ok<{ history: Change[] }>(`{ history(id: "${id}", first: 1) { ${CHANGE} } }`)).history;
      await ok(REVERT, { id: latest?.id });
      expect(
        (
          await ok<{ node: { description: string; version: number } }>(
            `{ node(id: "${id}") { ... on Entity { description version } } }`,
          )
        ).node,
      ).toEqual({ description: 'eins', version: 4 });
    });

    it('removes a created entity only while no later fact refers to it', async () => {
      const id = await createEntity({ kind: 'PERSON', name: `Neu Angelegt ${run}` });
      const [created] = await recent(1);
      const rel = await createRelation({
        type: 'MEMBER_OF',
        from: id,
        to: 'org:digitalrat-sachsen-anhalt',
        citations: [{ article: SEED_ARTICLE }],
      });
      const refused = await call(REVERT, { id: created?.id }, 'editor');
      expect(codeOf(refused.body)).toBe('BAD_USER_INPUT');
      expect(refused.body.errors?.[0]?.message).toContain(`${id} cannot be removed: ${rel} (added later) still refer`);

      await ok('mutation($id: ID!) { deleteRelation(id: $id, version: 1) }', { id: rel });
      const [deletion] = await recent(1);
      await ok(REVERT, { id: created?.id });
      expect(await stateOf(id)).toBeNull();

      // The fact's deletion cannot be undone now that its end is gone.
      const gone = await call(REVERT, { id: deletion?.id }, 'editor');
      expect(codeOf(gone.body)).toBe('BAD_USER_INPUT');
      expect(gone.body.errors?.[0]?.message).toContain(`${rel} cannot be restored: from ${id} is not a known entity`);
    });

    it('brings back a deleted fact under its id, with its citations, at the next version', async () => {
      const id = await createRelation({
        type: 'SUPPORTS',
        from: 'region:15',
        to: 'initiative:smart-region-salzlandkreis',
        role: 'Förderer',
        citations: [{ article: SEED_ARTICLE, quote: 'gefördert', note: 'laut Teaser' }],
      });
      const fact = `{ node(id: "${id}") { ... on Relation { version role citations { article { id } quote note } } } }`;
      const original = (await ok<{ node: { role: string } }>(fact)).node;
      await ok('mutation($id: ID!) { deleteRelation(id: $id, version: 1) }', { id });
      const [deletion] = await recent(1);
      const done = await ok<{ revertChange: Change[] }>(REVERT, { id: deletion?.id });
      expect(done.revertChange).toMatchObject([{ target: id, action: 'CREATE', toVersion: 2 }]);
      expect((await ok<{ node: unknown }>(fact)).node).toEqual({ ...original, version: 2 });
    });

    it('of two racing reverts of the same batch, exactly one wins', async () => {
      const id = await createEntity({ kind: 'LAW', name: `Doppelt zurück ${run}` });
      await ok('mutation($id: ID!) { updateEntity(id: $id, version: 1, patch: { description: "neu" }) { id } }', {
        id,
      });
      const [update] = await recent(1);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => call(REVERT, { id: update?.id }, i % 2 ? 'editor' : 'editor2')),
      );
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      for (const r of results.filter((x) => x.body.errors))
        expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(codeOf(r.body));
      const history = (await ok<{ history: Change[] }>(`{ history(id: "${id}") { ${CHANGE} } }`)).history;
      expect(history.map((c) => c.operation)).toEqual(['revertChange', 'updateEntity', 'createEntity']);
    });
  });

  describe('live updates', () => {
    const server = { url: '', close: async () => {} };
    beforeAll(async () => {
      const http = createApp({ yoga: world.yoga });
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
      server.close = () =>
        new Promise<void>((resolve) => {
          http.closeAllConnections();
          http.close(() => resolve());
        });
    });
    afterAll(() => server.close());

    const SUBSCRIPTION = 'subscription { graphChanged { batch at by entityIds relationIds deletedIds } }';

    /** Opens the stream over HTTP as a browser's fetch would, and waits until it is listening. */
    async function subscribe(method: 'GET' | 'POST') {
      // Who made a change is for editors: the stream is opened with an editor's token.
      const listening = world.live.listening;
      const events = await openEventStream(server.url, SUBSCRIPTION, method, world.headersOf('editor'));
      await world.live.until(listening + 1);
      return events;
    }

    it('sends every open stream (GET or POST) one event per committed batch, none for a refused one', async () => {
      const [byGet, byPost] = [await subscribe('GET'), await subscribe('POST')];
      const nextGet = byGet.next();
      const nextPost = byPost.next();

      const refused = await call('mutation { deleteEntity(id: "person:bernd-schloemer", version: 99) }', {}, 'editor');
      expect(codeOf(refused.body)).toBe('CONFLICT');
      const id = await createEntity({ kind: 'INITIATIVE', name: `Live ${run}`, initiativeType: 'PROJECT' });
      const [created] = await recent(1);

      const expected = {
        data: {
          graphChanged: {
            batch: created?.batch,
            at: expect.any(String),
            by: world.emailOf('editor'),
            entityIds: [id],
            relationIds: [],
            deletedIds: [],
          },
        },
      };
      expect((await nextGet).value).toEqual(expected);
      expect((await nextPost).value).toEqual(expected);

      // A revert is a batch like any other: here it deletes what was created.
      const reverted = await ok<{ revertChange: Change[] }>(REVERT, { id: created?.id }, 'editor2');
      expect((await byPost.next()).value).toMatchObject({
        data: {
          graphChanged: {
            batch: reverted.revertChange[0]?.batch,
            by: world.emailOf('editor2'),
            entityIds: [],
            deletedIds: [id],
          },
        },
      });
      // Closing the streams ends the subscriptions.
      await byGet.return(undefined);
      await byPost.return(undefined);
    });
  });
});
