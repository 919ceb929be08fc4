import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.js';
import type { Accounts } from '../../../server/services/accounts/accounts.js';
import type { Role } from '../../../shared/vocabulary.js';
import { codeOf, type EditorsWorld, PASSWORD, sharedWorld } from '../../support/editors.js';

describe('accounts, roles and entities', () => {
  let world: EditorsWorld;
  let db: Database;
  let accounts: Accounts;
  let run: string;
  let emailOf: EditorsWorld['emailOf'];
  let call: EditorsWorld['call'];

  beforeAll(() => {
    world = sharedWorld();
    ({ db, accounts, run, emailOf, call } = world);
  });

  const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id name version } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!, $patch: EntityPatch!) { updateEntity(id: $id, version: $version, patch: $patch) { id name description version } }`;
  const DELETE = `mutation($id: ID!, $version: Int!) { deleteEntity(id: $id, version: $version) }`;

  describe('who may do what', () => {
    // Every mutation (and editors' query) × every role: anonymous callers are asked to log in, too small a role is refused.
    const mutations: Record<string, { needs: Role; query: string; variables: () => Record<string, unknown> }> = {
      createEntity: {
        needs: 'editor',
        query: CREATE,
        variables: () => ({ input: { kind: 'PERSON', name: `Probe ${Math.random()}` } }),
      },
      updateEntity: {
        needs: 'editor',
        query: UPDATE,
        variables: () => ({ id: 'person:nobody-here', version: 1, patch: {} }),
      },
      deleteEntity: { needs: 'editor', query: DELETE, variables: () => ({ id: 'person:nobody-here', version: 1 }) },
      createRelation: {
        needs: 'editor',
        query: `mutation($input: CreateRelationInput!) { createRelation(input: $input) { id } }`,
        variables: () => ({
          input: { type: 'ADVISES', from: 'person:nobody-here', to: 'person:nobody-either', citations: [] },
        }),
      },
      updateRelation: {
        needs: 'editor',
        query: `mutation { updateRelation(id: "rel:nothing-here", version: 1, patch: { role: "x" }) { id } }`,
        variables: () => ({}),
      },
      deleteRelation: {
        needs: 'editor',
        query: `mutation { deleteRelation(id: "rel:nothing-here", version: 1) }`,
        variables: () => ({}),
      },
      mergeEntities: {
        needs: 'editor',
        query: `mutation { mergeEntities(survivor: "person:nobody-here", survivorVersion: 1, duplicate: "person:nobody-either", duplicateVersion: 1) { id } }`,
        variables: () => ({}),
      },
      revertChange: {
        needs: 'editor',
        query: `mutation { revertChange(id: "change:none") { id } }`,
        variables: () => ({}),
      },
      submitIntake: {
        needs: 'editor',
        query: `mutation($input: IntakeInput!) { submitIntake(input: $input) { status } }`,
        variables: () => ({
          input: {
            article: { title: `Probe ${Math.random()}`, publisher: 'Kommune21', publishedOn: '2024' },
            facts: [{ type: 'ADVISES', from: 'org:nkr', to: 'org:bundesrat', quote: 'berät' }],
          },
        }),
      },
      approveIntake: {
        needs: 'editor',
        query: `mutation { approveIntake(id: "intake:none") { status } }`,
        variables: () => ({}),
      },
      rejectIntake: {
        needs: 'editor',
        query: `mutation { rejectIntake(id: "intake:none", reason: "nein") { id } }`,
        variables: () => ({}),
      },
      pendingIntakes: { needs: 'editor', query: '{ pendingIntakes { id } }', variables: () => ({}) },
      createUser: {
        needs: 'admin',
        query: `mutation($email: String!) { createUser(email: $email, password: "${PASSWORD}", role: VIEWER) { id } }`,
        variables: () => ({ email: `new-${Math.random().toString(36).slice(2)}@govgraph.test` }),
      },
      createApiToken: {
        needs: 'admin',
        query: `mutation($email: String!) { createApiToken(email: $email, name: "ci") { id token } }`,
        variables: () => ({ email: emailOf('viewer') }),
      },
      revokeApiToken: { needs: 'admin', query: `mutation { revokeApiToken(id: "token:none") }`, variables: () => ({}) },
    };
    const roles = ['anonymous', 'viewer', 'editor', 'admin'] as const;
    const rank = (r: (typeof roles)[number]) => roles.indexOf(r);
    const cases = Object.entries(mutations).flatMap(([name, m]) => roles.map((role) => [name, role, m] as const));

    it.each(cases)('%s as %s', async (_name, role, m) => {
      const before = await world.snapshot();
      const { body } = await call(m.query, m.variables(), role);
      if (rank(role) >= rank(m.needs)) {
        // Allowed: it either worked or failed for a reason other than the role.
        expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(codeOf(body));
      } else {
        expect(codeOf(body)).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(await world.snapshot()).toEqual(before);
      }
    });

    it('logs in with a password and an HTTP-only cookie, and refuses a wrong one without saying which part', async () => {
      const wrong = await call(
        `mutation { login(email: "${emailOf('editor')}", password: "not the password!") { id } }`,
      );
      expect(codeOf(wrong.body)).toBe('UNAUTHENTICATED');
      expect(wrong.body.errors?.[0]?.message).toBe('Email or password is wrong.');
      expect(wrong.response.headers.get('set-cookie')).toBeNull();

      const ok = await call<{ login: { email: string; role: string } }>(
        `mutation { login(email: "${emailOf('editor').toUpperCase()}", password: "${PASSWORD}") { email role } }`,
      );
      expect(ok.body.data?.login).toEqual({ email: emailOf('editor'), role: 'EDITOR' });
      const cookie = ok.response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^govgraph_session=ggs_[\w-]+/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const session = { cookie: cookie.split(';')[0] as string };
      const me = await call<{ me: { email: string } }>('{ me { email } }', {}, session);
      expect(me.body.data?.me.email).toBe(emailOf('editor'));

      await call('mutation { logout }', {}, session);
      const after = await call<{ me: unknown }>('{ me { email } }', {}, session);
      expect(after.body.data?.me).toBeNull();
    });

    it('makes every login of an account wait after 5 wrong passwords, with 429 and Retry-After; others log in', async () => {
      const email = `locked-${run}@govgraph.test`;
      await accounts.createUser({ email, password: PASSWORD, role: 'viewer' }, 'test');
      const login = (who: string, password: string) =>
        call<{ login: { email: string } }>(`mutation { login(email: "${who}", password: "${password}") { email } }`);
      for (let i = 0; i < 5; i++)
        expect(codeOf((await login(email, 'not the password!')).body)).toBe('UNAUTHENTICATED');
      const locked = await login(email.toUpperCase(), PASSWORD);
      expect(codeOf(locked.body)).toBe('RATE_LIMITED');
      expect(locked.response.status).toBe(429);
      // The first of the growing delays: seconds, not a lockout.
      const wait = Number(locked.response.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(5);
      expect(locked.body.errors?.[0]?.message).toMatch(
        /^Too many login attempts for this account\. Try again in [1-5] seconds?\.$/,
      );
      expect(locked.response.headers.get('set-cookie')).toBeNull();
      // Another account is not affected, and a success clears its own count of failures.
      for (let i = 0; i < 4; i++) await login(emailOf('viewer'), 'not the password!');
      expect((await login(emailOf('viewer'), PASSWORD)).body.data?.login.email).toBe(emailOf('viewer'));
      for (let i = 0; i < 4; i++) await login(emailOf('viewer'), 'not the password!');
      expect((await login(emailOf('viewer'), PASSWORD)).body.data?.login.email).toBe(emailOf('viewer'));
    });

    it('stops working for a revoked API token', async () => {
      const created = await accounts.createApiToken(emailOf('editor'), 'short-lived', 'test');
      const headers = { authorization: `Bearer ${created.token}` };
      expect((await call<{ me: { email: string } }>('{ me { email } }', {}, headers)).body.data?.me.email).toBe(
        emailOf('editor'),
      );
      const revoked = await call<{ revokeApiToken: boolean }>(
        `mutation { revokeApiToken(id: "${created.id}") }`,
        {},
        'admin',
      );
      expect(revoked.body.data?.revokeApiToken).toBe(true);
      expect((await call<{ me: unknown }>('{ me { email } }', {}, headers)).body.data?.me).toBeNull();
    });

    it('refuses a cross-site GET that could ride on a cookie (CSRF)', async () => {
      const response = await world.yoga.fetch('http://govgraph.test/graphql?query=%7Bme%7Bemail%7D%7D', {
        method: 'GET',
      });
      expect(response.status).toBe(403);
    });
  });

  describe('editing entities', () => {
    it('creates, updates and deletes, each recorded with who, when, before and after', async () => {
      const name = `Erika Mustermann ${run}`;
      const created = await call<{ createEntity: { id: string; version: number } }>(
        CREATE,
        { input: { kind: 'PERSON', name, description: 'Landrätin' } },
        'editor',
      );
      expect(created.body.errors).toBeUndefined();
      const id = created.body.data?.createEntity.id as string;
      expect(id).toBe(`person:erika-mustermann-${run}`);
      expect(created.body.data?.createEntity.version).toBe(1);

      const updated = await call<{ updateEntity: { description: string; version: number } }>(
        UPDATE,
        { id, version: 1, patch: { description: 'Landrätin des Salzlandkreises' } },
        'editor',
      );
      expect(updated.body.data?.updateEntity).toMatchObject({
        description: 'Landrätin des Salzlandkreises',
        version: 2,
      });
      // Found by search under its new name at once.
      const found = await call<{ search: { edges: Array<{ node: { id: string } }> } }>(
        `{ search(query: "Mustermann ${run}") { edges { node { id } } } }`,
      );
      expect(found.body.data?.search.edges[0]?.node.id).toBe(id);

      const deleted = await call<{ deleteEntity: string }>(DELETE, { id, version: 2 }, 'editor');
      expect(deleted.body.data?.deleteEntity).toBe(id);
      expect((await call<{ node: unknown }>(`{ node(id: "${id}") { id } }`)).body.data?.node).toBeNull();

      const history = await call<{
        history: Array<{ action: string; by: string; before: string | null; after: string | null }>;
      }>(`{ history(id: "${id}") { action by before after } }`, {}, 'editor');
      const changes = history.body.data?.history ?? [];
      expect(changes.map((c) => c.action)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
      expect(changes.every((c) => c.by === emailOf('editor'))).toBe(true);
      expect(JSON.parse(changes[1]?.before ?? '{}').description).toBe('Landrätin');
      expect(JSON.parse(changes[1]?.after ?? '{}').description).toBe('Landrätin des Salzlandkreises');
      expect(JSON.parse(changes[0]?.before ?? '{}').name).toBe(name);
    });

    it('stores exactly the new state: a new name and aliases are searchable, the old ones gone, a cleared field empty', async () => {
      const created = await call<{ createEntity: { id: string } }>(
        CREATE,
        {
          input: { kind: 'PERSON', name: `Gerda Vorher ${run}`, aliases: [`Vorheralias ${run}`], description: 'Alt' },
        },
        'editor',
      );
      const id = created.body.data?.createEntity.id as string;
      const patched = await call<{ updateEntity: { name: string; description: string | null } }>(
        UPDATE,
        {
          id,
          version: 1,
          patch: { name: `Gerda Nachher ${run}`, aliases: [`Nachheralias ${run}`], description: null },
        },
        'editor',
      );
      expect(patched.body.errors).toBeUndefined();
      expect(patched.body.data?.updateEntity).toMatchObject({ name: `Gerda Nachher ${run}`, description: null });
      const read = await call<{ node: { name: string; aliases: string[]; description: string | null } }>(
        `{ node(id: "${id}") { ... on Person { name aliases description } } }`,
      );
      expect(read.body.data?.node).toEqual({
        name: `Gerda Nachher ${run}`,
        aliases: [`Nachheralias ${run}`],
        description: null,
      });
      const hits = async (query: string) =>
        (
          await call<{ search: { edges: Array<{ node: { id: string } }> } }>(
            `{ search(query: "${query}") { edges { node { id } } } }`,
          )
        ).body.data?.search.edges.map((e) => e.node.id) ?? [];
      expect(await hits(`Nachher ${run}`)).toContain(id);
      expect(await hits(`Nachheralias ${run}`)).toContain(id);
      expect(await hits(`Vorher ${run}`)).not.toContain(id);
      expect(await hits(`Vorheralias ${run}`)).not.toContain(id);
      // A second edit that changes only the description keeps the name and aliases as they are.
      await call(UPDATE, { id, version: 2, patch: { description: 'Neu' } }, 'editor');
      const again = await call<{ node: { name: string; aliases: string[]; description: string | null } }>(
        `{ node(id: "${id}") { ... on Person { name aliases description } } }`,
      );
      expect(again.body.data?.node).toEqual({
        name: `Gerda Nachher ${run}`,
        aliases: [`Nachheralias ${run}`],
        description: 'Neu',
      });
      expect(await hits(`Nachheralias ${run}`)).toContain(id);
    });

    it('refuses an edit based on a stale version with CONFLICT, the current state, and changes nothing', async () => {
      const created = await call<{ createEntity: { id: string } }>(
        CREATE,
        { input: { kind: 'LAW', name: `Testgesetz ${run}` } },
        'editor',
      );
      const id = created.body.data?.createEntity.id as string;
      await call(UPDATE, { id, version: 1, patch: { description: 'erste Fassung' } }, 'editor');
      const stale = await call(UPDATE, { id, version: 1, patch: { description: 'überholt' } }, 'editor');
      expect(codeOf(stale.body)).toBe('CONFLICT');
      expect(stale.body.errors?.[0]?.extensions).toMatchObject({
        currentVersion: 2,
        changedBy: emailOf('editor'),
        current: { description: 'erste Fassung' },
      });
      const now = await call<{ node: { description: string; version: number } }>(
        `{ node(id: "${id}") { ... on Entity { description version } } }`,
      );
      expect(now.body.data?.node).toEqual({ description: 'erste Fassung', version: 2 });
    });

    it('lets exactly one of ten racing edits of the same version win; none is lost silently', async () => {
      const created = await call<{ createEntity: { id: string } }>(
        CREATE,
        { input: { kind: 'INITIATIVE', name: `Wettlauf ${run}`, initiativeType: 'PROJECT' } },
        'editor',
      );
      const id = created.body.data?.createEntity.id as string;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(UPDATE, { id, version: 1, patch: { description: `Fassung ${i}` } }, 'editor'),
        ),
      );
      const won = results.filter((r) => !r.body.errors);
      const lost = results.filter((r) => codeOf(r.body) === 'CONFLICT');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(9);
      const history = await call<{ history: Array<{ action: string }> }>(`{ history(id: "${id}") { action } }`);
      expect(history.body.data?.history.map((c) => c.action)).toEqual(['UPDATE', 'CREATE']);
    });

    it.each([
      [
        'an unknown attribute for the kind',
        { kind: 'PERSON', name: 'X', orgType: 'MINISTRY' },
        'orgType is not a property of kind PERSON',
      ],
      [
        'a missing required attribute',
        { kind: 'ORGANIZATION', name: 'Amt ohne Art' },
        'orgType is required for kind ORGANIZATION',
      ],
      ['a malformed date', { kind: 'EVENT', name: 'Sitzung', eventType: 'MEETING', date: '31.08.2022' }, 'date'],
      ['an id of the wrong kind', { kind: 'PERSON', id: 'org:falsch', name: 'Falsch' }, 'must start with "person:"'],
      ['an empty name', { kind: 'PERSON', name: '' }, 'name'],
    ])('refuses %s with a message that says what is wrong, and stores nothing', async (_what, input, message) => {
      const before = await db.read({ name: 'count', text: 'MATCH (n) RETURN count(n) AS n' });
      const { body } = await call(CREATE, { input }, 'editor');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain(message);
      expect(await db.read({ name: 'count', text: 'MATCH (n) RETURN count(n) AS n' })).toEqual(before);
    });

    it('refuses to delete an entity that still has facts, so none is lost', async () => {
      const { body } = await call(DELETE, { id: 'person:bernd-schloemer', version: 1 }, 'editor');
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain('still has');
      expect(
        (await call<{ node: unknown }>('{ node(id: "person:bernd-schloemer") { id } }')).body.data?.node,
      ).not.toBeNull();
    });

    it('creates the first admin from the environment only when there is none, and never with a short password', async () => {
      expect(await accounts.ensureAdmin(`another-${run}@govgraph.test`, PASSWORD)).toBeNull();
      await expect(
        accounts.createUser({ email: `short-${run}@govgraph.test`, password: 'kurz', role: 'admin' }, 'test'),
      ).rejects.toThrow('at least 12 characters');
    });
  });
});
