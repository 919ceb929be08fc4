import { beforeAll, describe, expect, it } from 'vitest';
import { createGovGraphYoga } from '../../../server/http/yoga.js';
import { codeOf, type EditorsWorld, PASSWORD, sharedWorld } from '../../support/editors.js';

describe('article intake and the settings', () => {
  let world: EditorsWorld;
  let call: EditorsWorld['call'];
  let run: string;

  beforeAll(() => {
    world = sharedWorld();
    ({ call, run } = world);
  });

  const SUBMIT = `mutation($input: IntakeInput!) { submitIntake(input: $input) {
  status
  intake { id status title text submittedBy decidedBy batch }
  article { id title url publishedOn }
  relations { id type role from { id } to { id } validFrom { date } citations { article { id } quote note } }
} }`;
  const APPROVE = `mutation($id: ID!) { approveIntake(id: $id) { status intake { status decidedBy } article { id } relations { id } } }`;
  const REJECT = `mutation($id: ID!, $reason: String!) { rejectIntake(id: $id, reason: $reason) { id status reason decidedBy } }`;
  const PENDING = '{ pendingIntakes { id status title text submittedBy } }';

  interface SubmitReply {
    submitIntake: {
      status: string;
      intake: { id: string; status: string; title: string; text: string | null; batch: string | null } | null;
      article: { id: string; title: string } | null;
      relations: Array<{ id: string; citations: Array<{ article: { id: string }; quote: string }> }>;
    };
  }

  /** An intake of a made-up article about a new head of office, her office and a meeting. */
  function intakeOf(tag: string, changes: { facts?: unknown[]; [key: string]: unknown } = {}) {
    const person = `person:erika-beispiel-${tag}-${run}`;
    return {
      article: {
        title: `Salzlandkreis: Neue Amtsleiterin ${tag} ${run}`,
        publisher: 'Kommune21',
        publishedOn: '2024-05-08',
        url: `https://www.kommune21.de/amtsleiterin-${tag}-${run}.html`,
        tags: ['Personalie'],
      },
      text: `Erika Beispiel leitet seit Mai 2024 das Digitalamt der Kreisverwaltung. Landrat Markus Bauer …`,
      newEntities: [{ kind: 'PERSON', id: person, name: `Erika Beispiel ${tag}`, description: 'Amtsleiterin' }],
      facts: [
        {
          type: 'HOLDS_OFFICE_AT',
          from: person,
          to: 'org:kreisverwaltung-salzlandkreis',
          role: 'Leiterin des Digitalamts',
          validFrom: '2024-05',
          quote: 'Erika Beispiel leitet seit Mai 2024 das Digitalamt der Kreisverwaltung.',
        },
        {
          type: 'SUPPORTS',
          from: 'person:markus-bauer',
          to: 'initiative:smart-region-salzlandkreis',
          quote: 'Landrat Markus Bauer …',
          note: 'gekürzt',
        },
      ],
      mentions: ['law:ozg'],
      ...changes,
    };
  }

  async function mentionedIn(id: string): Promise<string[]> {
    const { body } = await call<{ node: { mentionedIn: { nodes: Array<{ id: string }> } } }>(
      `{ node(id: "${id}") { ... on Entity { mentionedIn(first: 100) { nodes { id } } } } }`,
    );
    return body.data?.node.mentionedIn.nodes.map((n) => n.id) ?? [];
  }

  describe('article intake', () => {
    it('applies article, new entities, cited facts and mentions in one batch, which one revert undoes', async () => {
      const input = intakeOf('a');
      const { body } = await call<SubmitReply>(SUBMIT, { input }, 'editor');
      expect(body.errors).toBeUndefined();
      const result = body.data?.submitIntake;
      const article = result?.article?.id as string;
      expect(result).toMatchObject({
        status: 'APPLIED',
        intake: { status: 'APPLIED', title: input.article.title, text: input.text },
        article: { title: input.article.title },
      });
      expect(result?.relations).toHaveLength(2);
      expect(result?.relations[0]).toMatchObject({
        type: 'HOLDS_OFFICE_AT',
        role: 'Leiterin des Digitalamts',
        from: { id: input.newEntities[0]?.id },
        validFrom: { date: '2024-05' },
        citations: [
          {
            article: { id: article },
            quote: input.facts[0] && (input.facts[0] as { quote: string }).quote,
            note: null,
          },
        ],
      });
      expect(await mentionedIn('law:ozg')).toContain(article);
      expect(await mentionedIn('initiative:smart-region-salzlandkreis')).toContain(article);

      const { body: changes } = await call<{
        recentChanges: Array<{ id: string; batch: string; operation: string; target: string }>;
      }>('{ recentChanges(first: 4) { id batch operation target } }');
      const batch = changes.data?.recentChanges ?? [];
      expect(batch.every((c) => c.batch === result?.intake?.batch && c.operation === 'submitIntake')).toBe(true);
      expect(batch.map((c) => c.target).sort()).toEqual(
        [article, input.newEntities[0]?.id, ...(result?.relations.map((r) => r.id) ?? [])].sort(),
      );

      const reverted = await call(
        `mutation($id: ID!) { revertChange(id: $id) { target action } }`,
        { id: batch[0]?.id },
        'editor2',
      );
      expect(reverted.body.errors).toBeUndefined();
      expect((await call<{ node: unknown }>(`{ node(id: "${article}") { id } }`)).body.data?.node).toBeNull();
      expect(await mentionedIn('law:ozg')).not.toContain(article);
    });

    it('adds the article as a further source of a fact the graph holds, instead of a second, parallel fact', async () => {
      const KNOWN = 'rel:hueskens-ministerin-mid';
      const ends = { type: 'HOLDS_OFFICE_AT', from: 'person:lydia-hueskens', to: 'org:mid-sachsen-anhalt' };
      const parallels = async () =>
        (
          await world.db.read(
            {
              name: 'parallels',
              text: `MATCH (:Entity {id: $from})-[r:HOLDS_OFFICE_AT]->(:Entity {id: $to}) RETURN r.id AS id, r.version AS version,
                   r.role AS role, r.validFrom AS validFrom, size(r.citeArticles) AS citations`,
            },
            ends,
          )
        ).map((row) => ({
          id: String(row.id),
          version: Number(row.version),
          role: row.role,
          validFrom: row.validFrom,
          citations: Number(row.citations),
        }));
      const before = await parallels();
      expect(before.map((r) => r.id)).toContain(KNOWN);
      const quote = 'Ministerin Lydia Hüskens sprach erneut zum Digitalrat.';
      const input = intakeOf('known', {
        newEntities: [],
        mentions: [],
        facts: [{ ...ends, role: 'Ministerin', validFrom: '2024-05', quote, existing: KNOWN }],
      });
      const { body } = await call<SubmitReply>(SUBMIT, { input }, 'editor');
      expect(body.errors).toBeUndefined();
      const article = body.data?.submitIntake.article?.id as string;
      const [cited] = body.data?.submitIntake.relations ?? [];
      expect(cited?.id).toBe(KNOWN);
      expect(cited?.citations.at(-1)).toMatchObject({ article: { id: article }, quote });
      // Still one fact between the two; it keeps its role and date and gains one source.
      const after = await parallels();
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      const [was, is] = [before, after].map((list) => list.find((r) => r.id === KNOWN));
      expect(is).toEqual({ ...was, version: Number(was?.version) + 1, citations: Number(was?.citations) + 1 });
    });

    it.each([
      [
        'a malformed date of a fact',
        () => {
          const input = intakeOf('b');
          (input.facts[1] as Record<string, unknown>).validFrom = '8.5.2024';
          return input;
        },
        ['facts[1].validFrom must be a date as YYYY, YYYY-MM or YYYY-MM-DD'],
      ],
      [
        'several problems at once',
        () =>
          intakeOf('c', {
            facts: [
              { type: 'HOLDS_OFFICE_AT', from: 'law:ozg', to: 'org:bundesrat', quote: 'x' },
              { type: 'ADVISES', from: 'org:nkr', to: 'org:gibt-es-nicht', quote: 'y' },
              { type: 'ADVISES', from: 'org:nkr', to: 'org:bundesrat', quote: ' ' },
            ],
            mentions: ['person:niemand'],
          }),
        [
          'facts[2].quote must not be empty',
          'facts[0]: HOLDS_OFFICE_AT goes from PERSON to ORGANIZATION/REGION, not LAW to ORGANIZATION',
          'facts[1].to org:gibt-es-nicht is not a known entity',
          'mentions[0] person:niemand is not a known entity',
        ],
      ],
      [
        'a new entity that already exists',
        () => intakeOf('d', { newEntities: [{ kind: 'PERSON', id: 'person:markus-bauer', name: 'Markus Bauer' }] }),
        // The facts still name the person the intake no longer creates.
        ['newEntities[0].id person:markus-bauer already exists', 'facts[0].from person:erika-beispiel-d-'],
      ],
      [
        'an article already in the graph',
        () => {
          const input = intakeOf('e');
          input.article.url =
            'https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html';
          return input;
        },
        ['article.url is already the URL of article:destatis-kreise-2018'],
      ],
      [
        'a fact to confirm that is not the fact the graph holds',
        () =>
          intakeOf('not-known', {
            facts: [
              {
                type: 'ADVISES',
                from: 'org:nkr',
                to: 'org:bundesrat',
                quote: 'x',
                existing: 'rel:hueskens-ministerin-mid',
              },
              { type: 'ADVISES', from: 'org:nkr', to: 'org:bundesrat', quote: 'y', existing: 'rel:gibt-es-nicht' },
              { type: 'ADVISES', from: 'org:nkr', to: 'org:bundesrat', quote: 'z', existing: 'person:markus-bauer' },
            ],
          }),
        [
          'facts[2].existing person:markus-bauer is not a relation id (rel:…)',
          'facts[0].existing rel:hueskens-ministerin-mid is HOLDS_OFFICE_AT from person:lydia-hueskens to org:mid-sachsen-anhalt, not ADVISES from org:nkr to org:bundesrat',
          'facts[1].existing rel:gibt-es-nicht is not a fact of the graph (any more)',
        ],
      ],
      [
        'an article without a proper date',
        () => {
          const input = intakeOf('f');
          input.article.publishedOn = 'gestern';
          return input;
        },
        ['article.publishedOn must be a date as YYYY, YYYY-MM or YYYY-MM-DD'],
      ],
    ])('refuses %s, naming where each problem is, and changes nothing', async (_what, input, messages) => {
      const before = await world.snapshot();
      const { body } = await call(SUBMIT, { input: input() }, 'editor');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      for (const message of messages) expect(body.errors?.[0]?.message).toContain(message);
      expect(body.errors?.[0]?.message).toMatch(/^The intake was not applied, nothing was changed: /);
      expect(body.errors?.[0]?.extensions?.problems).toHaveLength(messages.length);
      expect(await world.snapshot()).toEqual(before);
    });
  });

  describe('four eyes (GOVGRAPH_FOUR_EYES=true)', () => {
    let fourEyes: EditorsWorld['call'];
    beforeAll(() => {
      fourEyes = world.client(createGovGraphYoga(world.db, { publicRead: true, fourEyes: true }));
    });

    async function submitPending(tag: string, changes: Record<string, unknown> = {}) {
      const input = intakeOf(tag, changes);
      const { body } = await fourEyes<SubmitReply>(SUBMIT, { input }, 'editor');
      expect(body.errors).toBeUndefined();
      return { input, result: body.data?.submitIntake as SubmitReply['submitIntake'] };
    }

    it('keeps an intake pending until another editor approves it, then applies it', async () => {
      const { input, result } = await submitPending('g');
      expect(result).toMatchObject({ status: 'PENDING', article: null, relations: [], intake: { status: 'PENDING' } });
      const id = result.intake?.id as string;
      const person = input.newEntities[0]?.id as string;
      expect((await call<{ node: unknown }>(`{ node(id: "${person}") { id } }`)).body.data?.node).toBeNull();

      const pending = await fourEyes<{ pendingIntakes: Array<{ id: string; text: string; submittedBy: string }> }>(
        PENDING,
        {},
        'editor2',
      );
      expect(pending.body.data?.pendingIntakes).toContainEqual(
        expect.objectContaining({ id, text: input.text, submittedBy: world.emailOf('editor') }),
      );

      const before = await world.snapshot();
      const own = await fourEyes(APPROVE, { id }, 'editor');
      expect(codeOf(own.body)).toBe('FORBIDDEN');
      expect(own.body.errors?.[0]?.message).toContain(`You submitted ${id} yourself; another editor must approve it`);
      expect(await world.snapshot()).toEqual(before);

      const approved = await fourEyes<{
        approveIntake: { status: string; intake: { decidedBy: string }; relations: unknown[] };
      }>(APPROVE, { id }, 'editor2');
      expect(approved.body.errors).toBeUndefined();
      expect(approved.body.data?.approveIntake).toMatchObject({
        status: 'APPLIED',
        intake: { status: 'APPLIED', decidedBy: world.emailOf('editor2') },
      });
      expect(approved.body.data?.approveIntake.relations).toHaveLength(2);
      expect((await call<{ node: { id: string } }>(`{ node(id: "${person}") { id } }`)).body.data?.node).toEqual({
        id: person,
      });

      const again = await fourEyes(APPROVE, { id }, 'admin');
      expect(codeOf(again.body)).toBe('BAD_USER_INPUT');
      expect(again.body.errors?.[0]?.message).toContain(
        `${id} is no longer pending: it was applied by ${world.emailOf('editor2')}`,
      );
    });

    it('checks again when approving: a fact whose end was deleted meanwhile is refused, and it stays pending', async () => {
      const created = await call<{ createEntity: { id: string } }>(
        'mutation { createEntity(input: { kind: ORGANIZATION, name: "Kurzlebiges Amt ' +
          run +
          '", orgType: AUTHORITY }) { id } }',
        {},
        'editor',
      );
      const org = created.body.data?.createEntity.id as string;
      const { result } = await submitPending('h', {
        facts: [{ type: 'MEMBER_OF', from: 'person:markus-bauer', to: org, quote: 'Mitglied' }],
      });
      await call('mutation($id: ID!) { deleteEntity(id: $id, version: 1) }', { id: org }, 'editor');
      const { body } = await fourEyes(APPROVE, { id: result.intake?.id }, 'editor2');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(`facts[0].to ${org} is not a known entity`);
      const pending = await fourEyes<{ pendingIntakes: Array<{ id: string }> }>(PENDING, {}, 'editor2');
      expect(pending.body.data?.pendingIntakes.map((i) => i.id)).toContain(result.intake?.id);
    });

    it('rejects with a reason, after which it cannot be approved; of two racing approvals one wins', async () => {
      const { result } = await submitPending('i');
      const id = result.intake?.id as string;
      expect(codeOf((await fourEyes(REJECT, { id, reason: '  ' }, 'editor2')).body)).toBe('BAD_USER_INPUT');
      const rejected = await fourEyes<{ rejectIntake: unknown }>(REJECT, { id, reason: 'Quelle unklar' }, 'editor2');
      expect(rejected.body.data?.rejectIntake).toEqual({
        id,
        status: 'REJECTED',
        reason: 'Quelle unklar',
        decidedBy: world.emailOf('editor2'),
      });
      expect(codeOf((await fourEyes(APPROVE, { id }, 'admin')).body)).toBe('BAD_USER_INPUT');

      const { result: other } = await submitPending('j');
      const racing = await Promise.all([
        fourEyes(APPROVE, { id: other.intake?.id }, 'editor2'),
        fourEyes(APPROVE, { id: other.intake?.id }, 'admin'),
      ]);
      expect(racing.filter((r) => !r.body.errors)).toHaveLength(1);
      expect(codeOf(racing.find((r) => r.body.errors)?.body ?? {})).toBe('BAD_USER_INPUT');
    });
  });

  describe('restricted reading (GOVGRAPH_PUBLIC_READ=false)', () => {
    let restricted: ReturnType<typeof createGovGraphYoga>;
    let read: EditorsWorld['call'];
    beforeAll(() => {
      restricted = createGovGraphYoga(world.db, { publicRead: false, fourEyes: false });
      read = world.client(restricted);
    });

    it('asks anonymous callers to log in for every query but `me`, and lets them log in', async () => {
      for (const query of [
        '{ search(query: "OZG") { totalCount } }',
        '{ node(id: "law:ozg") { id } }',
        '{ stats { entities } }',
      ]) {
        const { body } = await read<Record<string, unknown>>(query);
        expect(codeOf(body)).toBe('UNAUTHENTICATED');
        expect(Object.values(body.data ?? {}).every((value) => value === null)).toBe(true);
      }
      const me = await read<{ me: unknown }>('{ me { email } }');
      expect(me.body).toEqual({ data: { me: null } });

      const login = await read<{ login: { email: string } }>(
        `mutation { login(email: "${world.emailOf('viewer')}", password: "${PASSWORD}") { email } }`,
      );
      expect(login.body.data?.login.email).toBe(world.emailOf('viewer'));
      const cookie = (login.response.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const found = await read<{ search: { totalCount: number } }>(
        '{ search(query: "OZG") { totalCount } }',
        {},
        { cookie },
      );
      expect(found.body.data?.search.totalCount).toBeGreaterThan(0);
    });

    it('serves any role with an API token, and refuses anonymous live updates', async () => {
      const { body } = await read<{ node: { id: string } }>('{ node(id: "law:ozg") { id } }', {}, 'viewer');
      expect(body.data?.node).toEqual({ id: 'law:ozg' });
      const stream = await restricted.fetch(
        `http://govgraph.test/graphql?query=${encodeURIComponent('subscription { graphChanged { batch } }')}`,
        { headers: { accept: 'text/event-stream', 'x-govgraph-csrf': '1' } },
      );
      expect(await stream.text()).toContain('"code":"UNAUTHENTICATED"');
    });

    it('stays open to anonymous readers by default', async () => {
      const { body } = await call<{ search: { totalCount: number } }>('{ search(query: "OZG") { totalCount } }');
      expect(body.data?.search.totalCount).toBeGreaterThan(0);
    });
  });
});
