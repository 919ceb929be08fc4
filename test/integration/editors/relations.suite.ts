import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type EditorsWorld, sharedWorld } from '../../support/editors.js';

describe('relations and articles', () => {
  let world: EditorsWorld;
  let call: EditorsWorld['call'];
  let run: string;

  beforeAll(() => {
    world = sharedWorld();
    ({ call, run } = world);
  });

  const FIELDS =
    'id type role version from { id } to { id } validFrom { date precision qualifier } validTo { date } citations { article { id } quote note }';
  const CREATE = `mutation($input: CreateRelationInput!) { createRelation(input: $input) { ${FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!, $patch: RelationPatch!) { updateRelation(id: $id, version: $version, patch: $patch) { ${FIELDS} } }`;
  const DELETE = `mutation($id: ID!, $version: Int!) { deleteRelation(id: $id, version: $version) }`;
  const CREATE_ENTITY = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`;
  const SEED_ARTICLE = 'article:kommune21-2022-08-31-digitalrat-sachsen-anhalt';

  interface RelationReply {
    id: string;
    version: number;
    role: string | null;
    from: { id: string };
    to: { id: string };
    validFrom: { date: string; precision: string; qualifier: string } | null;
    validTo: { date: string } | null;
    citations: Array<{ article: { id: string }; quote: string | null; note: string | null }>;
  }

  /** A new article of its own for a test, so what it mentions and cites is that test's alone. */
  async function newArticle(title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const { body } = await call<{ createEntity: { id: string } }>(
      CREATE_ENTITY,
      {
        input: {
          kind: 'ARTICLE',
          name: `${title} ${run}`,
          publisher: 'Kommune21',
          publishedOn: '2024-05-02',
          ...extra,
        },
      },
      'editor',
    );
    expect(body.errors).toBeUndefined();
    return body.data?.createEntity.id as string;
  }

  async function create(input: Record<string, unknown>) {
    return call<{ createRelation: RelationReply }>(CREATE, { input }, 'editor');
  }

  async function history(id: string) {
    const { body } = await call<{
      history: Array<{
        action: string;
        batch: string;
        before: string | null;
        after: string | null;
        toVersion: number | null;
      }>;
    }>(`{ history(id: "${id}") { action batch before after toVersion } }`, {}, 'editor');
    return body.data?.history ?? [];
  }

  describe('editing relations', () => {
    it('creates a cited fact with a readable id, and the article then mentions both ends', async () => {
      const article = await newArticle('Schlömer berät Kreisverwaltung');
      const input = {
        type: 'ADVISES',
        from: 'person:bernd-schloemer',
        to: 'org:kreisverwaltung-salzlandkreis',
        role: 'Berater',
        validFrom: '2024-05',
        validFromQualifier: 'ON_OR_BEFORE',
        citations: [{ article, quote: 'Schlömer berät die Kreisverwaltung.' }],
      };
      const { body } = await create(input);
      expect(body.errors).toBeUndefined();
      const relation = body.data?.createRelation as RelationReply;
      expect(relation).toMatchObject({
        id: 'rel:bernd-schloemer-advises-kreisverwaltung-salzlandkreis',
        version: 1,
        role: 'Berater',
        from: { id: 'person:bernd-schloemer' },
        to: { id: 'org:kreisverwaltung-salzlandkreis' },
        validFrom: { date: '2024-05', precision: 'MONTH', qualifier: 'ON_OR_BEFORE' },
        citations: [{ article: { id: article }, quote: 'Schlömer berät die Kreisverwaltung.', note: null }],
      });

      // The same fact again, from another source: a second relation, numbered.
      const again = await create({ ...input, citations: [{ article: SEED_ARTICLE }] });
      expect(again.body.data?.createRelation.id).toBe('rel:bernd-schloemer-advises-kreisverwaltung-salzlandkreis-2');

      const seen = await call<{ article: { facts: { nodes: Array<{ id: string }> } }; node: unknown }>(
        `{ article(id: "${article}") { facts { nodes { id } } } }`,
      );
      expect(seen.body.data?.article.facts.nodes.map((n) => n.id)).toEqual([relation.id]);
      for (const end of ['person:bernd-schloemer', 'org:kreisverwaltung-salzlandkreis']) {
        const mentioned = await call<{ node: { mentionedIn: { nodes: Array<{ id: string }> } } }>(
          `{ node(id: "${end}") { ... on Entity { mentionedIn(first: 50) { nodes { id } } } } }`,
        );
        expect(mentioned.body.data?.node.mentionedIn.nodes.map((n) => n.id)).toContain(article);
      }
      const [created] = await history(relation.id);
      expect(created?.action).toBe('CREATE');
      expect(created?.toVersion).toBe(1);
      expect(JSON.parse(created?.after ?? '{}')).toMatchObject({ type: 'ADVISES', from: input.from, to: input.to });
    });

    it('changes a fact based on its version, and deletes it; both recorded with before and after', async () => {
      const article = await newArticle('Bauer und der Kreativraum');
      const { body } = await create({
        id: `rel:bauer-kreativraum-${run}`,
        type: 'SUPPORTS',
        from: 'person:markus-bauer',
        to: 'org:kreativraum-salzlandkreis',
        validFrom: '2022',
        validTo: '2024-03',
        validToQualifier: 'ON_OR_AFTER',
        citations: [{ article, note: 'sinngemäß' }],
      });
      const id = body.data?.createRelation.id as string;
      expect(id).toBe(`rel:bauer-kreativraum-${run}`);

      const updated = await call<{ updateRelation: RelationReply }>(
        UPDATE,
        {
          id,
          version: 1,
          patch: { role: 'Schirmherr', validTo: null, citations: [{ article: SEED_ARTICLE, quote: 'Kreativraum' }] },
        },
        'editor',
      );
      expect(updated.body.errors).toBeUndefined();
      expect(updated.body.data?.updateRelation).toMatchObject({
        version: 2,
        role: 'Schirmherr',
        validFrom: { date: '2022', precision: 'YEAR' },
        // Clearing the date cleared its qualifier too.
        validTo: null,
        citations: [{ article: { id: SEED_ARTICLE }, quote: 'Kreativraum' }],
      });

      const stale = await call(DELETE, { id, version: 1 }, 'editor');
      expect(codeOf(stale.body)).toBe('CONFLICT');
      expect(stale.body.errors?.[0]?.extensions).toMatchObject({ currentVersion: 2, current: { role: 'Schirmherr' } });

      const deleted = await call<{ deleteRelation: string }>(DELETE, { id, version: 2 }, 'editor');
      expect(deleted.body.data?.deleteRelation).toBe(id);
      expect((await call<{ node: unknown }>(`{ node(id: "${id}") { id } }`)).body.data?.node).toBeNull();

      const changes = await history(id);
      expect(changes.map((c) => c.action)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
      expect(changes.map((c) => c.toVersion)).toEqual([null, 2, 1]);
      expect(JSON.parse(changes[1]?.before ?? '{}')).toMatchObject({
        validTo: '2024-03',
        validToQualifier: 'ON_OR_AFTER',
      });
      expect(JSON.parse(changes[1]?.after ?? '{}')).toMatchObject({ role: 'Schirmherr', validTo: null });
      expect(JSON.parse(changes[0]?.before ?? '{}')).toMatchObject({ from: 'person:markus-bauer', role: 'Schirmherr' });
    });

    const base = {
      type: 'HOLDS_OFFICE_AT',
      from: 'person:markus-bauer',
      to: 'org:kreisverwaltung-salzlandkreis',
      citations: [{ article: SEED_ARTICLE }],
    };
    it.each([
      ['no citation', { ...base, citations: [] }, 'citations every fact needs at least one citation'],
      [
        'a malformed date',
        { ...base, validFrom: '31.08.2022' },
        'validFrom must be a date as YYYY, YYYY-MM or YYYY-MM-DD',
      ],
      ['an impossible date', { ...base, validFrom: '2023-02-30' }, 'validFrom is not a real date'],
      [
        'an end before the start',
        { ...base, validFrom: '2022-08', validTo: '2021' },
        'validTo is before validFrom 2022-08',
      ],
      ['a qualifier without its date', { ...base, validToQualifier: 'EXACT' }, 'validToQualifier needs validTo'],
      ['an unknown end', { ...base, to: 'org:gibt-es-nicht' }, 'to org:gibt-es-nicht is not a known entity'],
      [
        'kinds the type does not allow',
        { ...base, from: 'law:ozg' },
        'HOLDS_OFFICE_AT goes from PERSON to ORGANIZATION/REGION, not LAW to ORGANIZATION',
      ],
      [
        'an unknown article',
        { ...base, citations: [{ article: 'article:gibt-es-nicht' }] },
        'cites article:gibt-es-nicht, which is not a known article',
      ],
      [
        'a citation of something not an article',
        { ...base, citations: [{ article: 'law:ozg' }] },
        'citations[0].article must be an article id',
      ],
      [
        'a taken id',
        { ...base, id: 'rel:hueskens-ministerin-mid' },
        'already a relation with the id rel:hueskens-ministerin-mid',
      ],
      ['a malformed id', { ...base, id: 'Bauer im Amt' }, 'id must be an id like rel:'],
    ])('refuses %s with a message that says what is wrong, and changes nothing', async (_what, input, message) => {
      const before = await world.snapshot();
      const { body } = await create(input);
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(message);
      expect(await world.snapshot()).toEqual(before);
    });

    it.each([
      ['empty citations', { citations: [] }, 'every fact needs at least one citation'],
      ['cleared citations', { citations: null }, 'citations cannot be cleared'],
      ['a validTo before validFrom', { validTo: '2020' }, 'validTo is before validFrom 2022-08-31'],
    ])('refuses an update with %s and changes nothing', async (_what, patch, message) => {
      const before = await world.snapshot();
      const { body } = await call(UPDATE, { id: 'rel:hueskens-ministerin-mid', version: 1, patch }, 'editor');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(message);
      expect(await world.snapshot()).toEqual(before);
    });

    it('lets exactly one of ten racing edits of the same version win; none is lost silently', async () => {
      const { body } = await create({ ...base, id: `rel:wettlauf-${run}`, role: 'Landrat' });
      const id = body.data?.createRelation.id as string;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i === 9
            ? call(DELETE, { id, version: 1 }, 'editor2')
            : call(UPDATE, { id, version: 1, patch: { role: `Fassung ${i}` } }, 'editor'),
        ),
      );
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r.body) === 'CONFLICT' || codeOf(r.body) === 'NOT_FOUND')).toHaveLength(9);
      expect((await history(id)).map((c) => c.action)).toHaveLength(2);
    });
  });

  describe('racing creations', () => {
    it('gives each of five simultaneous facts between the same ends an id of its own; none is lost', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          create({
            type: 'REFERS_TO',
            from: 'org:nkr',
            to: 'initiative:one-stop-shop-sozialleistungen',
            role: `Fassung ${i}`,
            citations: [{ article: SEED_ARTICLE }],
          }),
        ),
      );
      expect(results.every((r) => !r.body.errors)).toBe(true);
      const base = 'rel:nkr-refers-to-one-stop-shop-sozialleistungen';
      expect(results.map((r) => r.body.data?.createRelation.id).sort()).toEqual(
        [base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].sort(),
      );
    });
  });

  describe('idempotent retries', () => {
    const input = (role: string) => ({
      type: 'ADVISES',
      from: 'person:markus-bauer',
      to: 'org:nkr',
      role,
      citations: [{ article: SEED_ARTICLE, quote: 'Bauer berät den Normenkontrollrat.' }],
    });
    const withKey = (key: string, who: 'editor' | 'editor2' = 'editor') => ({
      ...world.headersOf(who),
      'idempotency-key': key,
    });
    const keyed = (key: string, role: string, who: 'editor' | 'editor2' = 'editor') =>
      call<{ createRelation: RelationReply }>(CREATE, { input: input(role) }, withKey(key, who));
    const factsWithRole = async (role: string) =>
      Number(
        (
          await world.db.read(
            {
              name: 'count-advises',
              text: 'MATCH (:Entity {id: $from})-[r:ADVISES]->(:Entity {id: $to}) WHERE r.role = $role RETURN count(r) AS n',
            },
            { from: 'person:markus-bauer', to: 'org:nkr', role },
          )
        )[0]?.n,
      );

    it('carries a mutation out once per Idempotency-Key and answers a retry with the first answer', async () => {
      const role = `Berater ${run}`;
      const key = randomUUID();
      const first = await keyed(key, role);
      expect(first.body.errors).toBeUndefined();
      expect(first.response.headers.get('idempotent-replayed')).toBeNull();

      const retry = await keyed(key, role);
      expect(retry.response.status).toBe(200);
      expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await factsWithRole(role)).toBe(1);
      expect(await history(first.body.data?.createRelation.id as string)).toHaveLength(1);

      // Without a key the same request is a new fact, as before; with another editor's same key too.
      const other = await keyed(key, role, 'editor2');
      expect(other.response.headers.get('idempotent-replayed')).toBeNull();
      expect(other.body.data?.createRelation.id).not.toBe(first.body.data?.createRelation.id);
      expect(await factsWithRole(role)).toBe(2);
    });

    it('refuses the key for another request, a malformed key, and changes nothing', async () => {
      const role = `Gutachter ${run}`;
      const key = randomUUID();
      expect((await keyed(key, role)).body.errors).toBeUndefined();
      const before = await world.snapshot();

      const reused = await keyed(key, `${role} (anders)`);
      expect(reused.response.status).toBe(422);
      expect(codeOf(reused.body)).toBe('IDEMPOTENCY_KEY_REUSED');
      for (const bad of ['', 'zwei Wörter', 'x'.repeat(256)]) {
        const malformed = await keyed(bad, `${role} ${bad.length}`);
        expect(malformed.response.status).toBe(400);
        expect(codeOf(malformed.body)).toBe('BAD_USER_INPUT');
      }
      expect(await world.snapshot()).toEqual(before);
    });

    it('binds a key only when the change is committed: a refused request may be corrected under the same key', async () => {
      const role = `Korrigiert ${run}`;
      const key = randomUUID();
      const refused = await call(CREATE, { input: { ...input(role), citations: [] } }, withKey(key));
      expect(codeOf(refused.body)).toBe('BAD_USER_INPUT');
      const corrected = await keyed(key, role);
      expect(corrected.body.errors).toBeUndefined();
      expect(await factsWithRole(role)).toBe(1);
    });

    it('says ALREADY_APPLIED, and does nothing, when the first answer was lost after the commit', async () => {
      const role = `Verloren ${run}`;
      const key = randomUUID();
      const first = await keyed(key, role);
      const id = first.body.data?.createRelation.id as string;
      const [created] = await history(id);
      // What a crash between the commit and keeping the answer leaves behind.
      await world.db.write(
        { name: 'lose-answer', text: 'MATCH (k:IdempotencyKey) WHERE $batch IN k.batches REMOVE k.response' },
        {
          batch: created?.batch,
        },
      );

      const retry = await keyed(key, role);
      expect(retry.response.status).toBe(409);
      expect(codeOf(retry.body)).toBe('ALREADY_APPLIED');
      expect(retry.body.errors?.[0]?.extensions?.batches).toEqual([created?.batch]);
      expect(await factsWithRole(role)).toBe(1);
    });

    it('frees a key after its 24 hours', async () => {
      const role = `Abgelaufen ${run}`;
      const key = randomUUID();
      const first = await keyed(key, role);
      const [created] = await history(first.body.data?.createRelation.id as string);
      await world.db.write(
        {
          name: 'expire-key',
          text: 'MATCH (k:IdempotencyKey) WHERE $batch IN k.batches SET k.expiresAt = datetime() - duration({hours: 1})',
        },
        { batch: created?.batch },
      );
      const later = await keyed(key, `${role} (neu)`);
      expect(later.body.errors).toBeUndefined();
      expect(later.response.headers.get('idempotent-replayed')).toBeNull();
      expect(await factsWithRole(`${role} (neu)`)).toBe(1);
    });

    it('lets only one of five simultaneous requests with the same key through', async () => {
      const role = `Gleichzeitig ${run}`;
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: 5 }, () => keyed(key, role)));
      expect(await factsWithRole(role)).toBe(1);
      const ids = new Set(answers.map((a) => a.body.data?.createRelation?.id).filter(Boolean));
      expect(ids.size).toBe(1);
      for (const answer of answers) {
        if (answer.body.errors) expect(codeOf(answer.body)).toBe('ALREADY_APPLIED');
      }
    });
  });

  describe('articles', () => {
    it('refuses a second article with a URL another article already has, naming it', async () => {
      const url = `https://www.kommune21.de/meldung_${run}.html`;
      const first = await newArticle('Erste Meldung', { url });
      const before = await world.snapshot();
      const { body } = await call(
        CREATE_ENTITY,
        {
          input: {
            kind: 'ARTICLE',
            name: `Dieselbe Meldung ${run}`,
            publisher: 'Kommune21',
            publishedOn: '2024-05-02',
            url,
          },
        },
        'editor',
      );
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toBe(
        `The article ${first} already has the URL ${url}; cite that article instead of adding it again.`,
      );
      expect(body.errors?.[0]?.extensions?.argument).toBe('url');
      expect(await world.snapshot()).toEqual(before);

      // Nor can another article take it over by an edit.
      const other = await newArticle('Andere Meldung');
      const taken = await call(
        `mutation($id: ID!) { updateEntity(id: $id, version: 1, patch: { url: "${url}" }) { id } }`,
        { id: other },
        'editor',
      );
      expect(codeOf(taken.body)).toBe('BAD_USER_INPUT');
      expect(taken.body.errors?.[0]?.message).toContain(first);
    });

    it('lets only one of two racing articles with the same URL in', async () => {
      const url = `https://www.kommune21.de/wettlauf_${run}.html`;
      const results = await Promise.all(
        ['A', 'B'].map((name) =>
          call(
            CREATE_ENTITY,
            {
              input: { kind: 'ARTICLE', name: `Wettlauf ${name} ${run}`, publisher: 'K21', publishedOn: '2024', url },
            },
            'editor',
          ),
        ),
      );
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      const refused = results.find((r) => r.body.errors);
      expect(codeOf(refused?.body ?? {})).toBe('BAD_USER_INPUT');
      expect(refused?.body.errors?.[0]?.message).toContain(url);
    });
  });
});
