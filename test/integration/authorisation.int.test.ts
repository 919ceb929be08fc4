import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import { DEFAULT_SETTINGS } from '../../server/schema/context.js';
import { schema } from '../../server/schema/index.js';
import { KIND_INFO, kindOfId } from '../../shared/vocabulary.js';
import { type Caller, type EditorsWorld, type Reply, startEditorsWorld } from '../support/editors.js';
import { openEventStream } from '../support/sse.js';

// Every field the schema restricts to a role, found by walking the built schema (the Pothos options of
// each field and type), is asked for by an anonymous caller, a viewer, an editor and an admin: those below
// the role are refused with a typed error and get no value, those at or above it get the field. A list of
// fields that must stay restricted makes dropping a scope fail here too. On a Neo4j of its own: the
// mutations are really sent (with placeholder arguments), and some of them succeed for those allowed.

type Level = 'reader' | 'viewer' | 'editor' | 'admin';
const LEVELS: readonly Level[] = ['reader', 'viewer', 'editor', 'admin'];
const CALLERS = ['anonymous', 'viewer', 'editor', 'admin'] as const satisfies readonly Caller[];
type Who = (typeof CALLERS)[number];
/** With public reading (the default), "reader" is everyone. */
const rank = (who: Who | Level) => ({ anonymous: 0, reader: 0, viewer: 1, editor: 2, admin: 3 })[who];

type Scopes = Partial<Record<Level, boolean>>;
interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean };
}

/** The lowest role a scope map admits (Pothos grants a field when any one of its scopes holds). */
function levelOf(scopes: unknown, where: string): Level | null {
  if (scopes === undefined) return null;
  if (typeof scopes !== 'object' || scopes === null) {
    throw new Error(`${where}: authScopes is not a plain map of roles; teach this test how to read it`);
  }
  const granted = Object.entries(scopes as Scopes).filter(([, on]) => on === true);
  const unknown = granted.map(([name]) => name).filter((name) => !LEVELS.includes(name as Level));
  if (unknown.length > 0) throw new Error(`${where}: unknown scopes ${unknown.join(', ')}`);
  return LEVELS.find((level) => granted.some(([name]) => name === level)) ?? null;
}

/** The role a field needs: its own scopes and, unless it skips them, those of its type; both must hold. */
function requiredLevel(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Level | null {
  const own = levelOf((field.extensions as PothosExtensions).pothosOptions?.authScopes, `${type.name}.${field.name}`);
  const skips = (field.extensions as PothosExtensions).pothosOptions?.skipTypeScopes === true;
  const ofType = skips ? null : levelOf((type.extensions as PothosExtensions).pothosOptions?.authScopes, type.name);
  const both = [own, ofType].filter((level): level is Level => level !== null);
  return both.length === 0 ? null : (both.sort((a, b) => rank(b) - rank(a))[0] as Level);
}

interface Restricted {
  readonly type: GraphQLObjectType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly level: Exclude<Level, 'reader'>;
  readonly name: string;
}

function restrictedFields(): Restricted[] {
  const found: Restricted[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const level = requiredLevel(type, field);
      if (level && level !== 'reader') found.push({ type, field, level, name: `${type.name}.${field.name}` });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

const RESTRICTED = restrictedFields();

/** Fields that must never be read below these roles: who did what, what was before, and accounts. */
const MUST_BE_RESTRICTED: Record<string, Exclude<Level, 'reader'>> = {
  'Change.by': 'editor',
  'Change.before': 'editor',
  'Change.after': 'editor',
  'GraphChange.by': 'editor',
  ...Object.fromEntries(Object.values(KIND_INFO).map((info) => [`${info.typename}.recordedBy`, 'editor'])),
  'Intake.submittedBy': 'editor',
  'Intake.decidedBy': 'editor',
  'Intake.text': 'editor',
  'Intake.payload': 'editor',
  'Intake.reason': 'editor',
  'Query.pendingIntakes': 'editor',
  'Query.proposeFacts': 'editor',
  'Mutation.createUser': 'admin',
  'Mutation.setUserRole': 'admin',
  'Mutation.createApiToken': 'admin',
  'Mutation.revokeApiToken': 'admin',
  'Mutation.changePassword': 'viewer',
  'Mutation.createEntity': 'editor',
  'Mutation.updateEntity': 'editor',
  'Mutation.deleteEntity': 'editor',
  'Mutation.mergeEntities': 'editor',
  'Mutation.createRelation': 'editor',
  'Mutation.updateRelation': 'editor',
  'Mutation.deleteRelation': 'editor',
  'Mutation.revertChange': 'editor',
  'Mutation.submitIntake': 'editor',
  'Mutation.approveIntake': 'editor',
  'Mutation.rejectIntake': 'editor',
};

/** A value of the input type that passes GraphQL's validation (the resolver may still refuse it). */
function placeholder(type: GraphQLInputType): string {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return `[${placeholder(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${required.map((f) => `${f.name}: ${placeholder(f.type)}`).join(', ')} }`;
  }
  const named = getNamedType(type).name;
  if (named === 'Int' || named === 'Float') return '1';
  if (named === 'Boolean') return 'false';
  if (named === 'Date') return '"2022-08-31"';
  return '"x"';
}

function argumentsOf(args: readonly GraphQLArgument[]): string {
  const required = args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  return required.length === 0 ? '' : `(${required.map((arg) => `${arg.name}: ${placeholder(arg.type)}`).join(', ')})`;
}

/** The field with placeholder arguments and, for an object, its type name as the selection. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  const composite = isObjectType(named) || isInterfaceType(named) || isUnionType(named);
  return `${field.name}${argumentsOf(field.args)}${composite ? ' { __typename }' : ''}`;
}

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];
const refusalFor = (who: Who) => (who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

/** Every value under the key `name` anywhere in the data. */
function valuesNamed(data: unknown, name: string): unknown[] {
  if (Array.isArray(data)) return data.flatMap((item) => valuesNamed(item, name));
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) => [
    ...(key === name ? [value] : []),
    ...valuesNamed(value, name),
  ]);
}

let world: EditorsWorld;
let fourEyes: GovGraphYoga;
let server: Server;
let url = '';
/** One entity id per GraphQL type of entity, from the seed. */
const entityOf = new Map<string, string>();

beforeAll(async () => {
  world = await startEditorsWorld();
  fourEyes = createGovGraphYoga(world.db, { ...DEFAULT_SETTINGS, fourEyes: true });
  server = createApp({ yoga: world.yoga });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const rows = await world.db.read({ name: 'test-entity-ids', text: 'MATCH (n:Entity) RETURN n.id AS id' });
  for (const { id } of rows) {
    const kind = kindOfId(String(id));
    if (kind && !entityOf.has(KIND_INFO[kind].typename)) entityOf.set(KIND_INFO[kind].typename, String(id));
  }
  // A change in the history, one recorded by an editor, and an intake waiting for a second editor.
  const created = await world.call(
    `mutation { createEntity(input: { kind: INITIATIVE, name: "Auth ${world.run}", initiativeType: PROJECT }) { id } }`,
    {},
    'editor',
  );
  expect(created.body.errors).toBeUndefined();
  const run = world.run;
  const submitted = await world.client(fourEyes)(
    'mutation($input: IntakeInput!) { submitIntake(input: $input) { status } }',
    {
      input: {
        article: {
          title: `Auth ${run}`,
          publisher: 'Kommune21',
          publishedOn: '2024-05-08',
          url: `https://example.org/auth-${run}`,
        },
        text: 'Landrat Markus Bauer unterstützt die Smart Region.',
        facts: [
          {
            type: 'SUPPORTS',
            from: 'person:markus-bauer',
            to: 'initiative:smart-region-salzlandkreis',
            quote: 'Landrat Markus Bauer unterstützt die Smart Region.',
          },
        ],
      },
    },
    'editor',
  );
  expect(submitted.body.data).toEqual({ submitIntake: { status: 'PENDING' } });
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await world?.stop();
});

/** How a restricted field of a type other than the roots is reached, with data to read. */
const REACH: Record<string, (field: string) => { query: string; yoga?: () => GovGraphYoga }> = {
  Change: (field) => ({ query: `{ recentChanges(first: 3) { id ${field} } }` }),
  Intake: (field) => ({ query: `{ pendingIntakes { id ${field} } }`, yoga: () => fourEyes }),
  ...Object.fromEntries(
    Object.values(KIND_INFO).map((info) => [
      info.typename,
      (field: string) => ({
        query: `{ node(id: "${entityOf.get(info.typename)}") { id ... on ${info.typename} { ${field} } } }`,
      }),
    ]),
  ),
};

describe('per-field authorisation, generated from the schema', () => {
  it('finds the restricted fields, and every field that must be restricted is, at least to its role', () => {
    const found = new Map(RESTRICTED.map((r) => [r.name, r.level]));
    for (const [name, level] of Object.entries(MUST_BE_RESTRICTED)) {
      expect(found.has(name), `${name} must need a role`).toBe(true);
      expect(rank(found.get(name) as Level), `${name} must need at least ${level}`).toBeGreaterThanOrEqual(rank(level));
    }
    // Each one is reached below, from the root or through REACH (or the subscription).
    for (const { type, name } of RESTRICTED) {
      const reachable = ['Query', 'Mutation', 'GraphChange'].includes(type.name) || type.name in REACH;
      expect(reachable, `${name}: add a way to reach ${type.name} to REACH in this test`).toBe(true);
    }
  });

  const roots = RESTRICTED.filter((r) => r.type.name === 'Query' || r.type.name === 'Mutation');
  it.each(roots.map((r) => [r.name, r] as const))('%s: refused below its role, answered from it', async (_n, r) => {
    const operation = `${r.type.name === 'Mutation' ? 'mutation' : 'query'} { ${selectionOf(r.field)} }`;
    for (const who of CALLERS) {
      const { body } = await world.call(operation, {}, who);
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      if (rank(who) >= rank(r.level)) {
        // Allowed: it worked, or failed for a reason other than the role (the arguments are placeholders).
        expect(
          codes.filter((code) => AUTH_CODES.includes(String(code))),
          `${r.name} as ${who}`,
        ).toEqual([]);
      } else {
        expect(codes, `${r.name} as ${who}`).toEqual([refusalFor(who)]);
        expect(body.data?.[r.field.name] ?? null, `${r.name} as ${who}`).toBeNull();
      }
    }
  });

  const nested = RESTRICTED.filter((r) => r.type.name in REACH);
  it.each(nested.map((r) => [r.name, r] as const))('%s: null with a typed error below its role', async (_n, r) => {
    const reach = (REACH[r.type.name] as (typeof REACH)[string])(selectionOf(r.field));
    const client = reach.yoga ? world.client(reach.yoga()) : world.call;
    for (const who of CALLERS) {
      const { body } = await client(reach.query, {}, who);
      if (rank(who) >= rank(r.level)) {
        expect(body.errors, `${r.name} as ${who}`).toBeUndefined();
        expect(valuesNamed(body.data, r.field.name).length, `${r.name} as ${who}`).toBeGreaterThan(0);
      } else {
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        expect(codes.length, `${r.name} as ${who}`).toBeGreaterThan(0);
        expect(new Set(codes), `${r.name} as ${who}`).toEqual(new Set([refusalFor(who)]));
        expect(
          valuesNamed(body.data, r.field.name).filter((v) => v !== null),
          `${r.name} as ${who}`,
        ).toEqual([]);
      }
    }
  });

  it('GraphChange.by: live updates reach everyone, who made the change only editors', async () => {
    const restricted = RESTRICTED.filter((r) => r.type.name === 'GraphChange');
    expect(restricted.map((r) => r.name)).toEqual(['GraphChange.by']);
    const fields = restricted.map((r) => r.field.name).join(' ');
    const listening = world.live.listening;
    const streams = await Promise.all(
      CALLERS.map((who) =>
        openEventStream(
          url,
          `subscription { graphChanged { batch entityIds ${fields} } }`,
          'GET',
          world.headersOf(who),
        ),
      ),
    );
    await world.live.until(listening + CALLERS.length);
    const next = streams.map((stream) => stream.next());
    const edit = await world.call(
      `mutation { createEntity(input: { kind: INITIATIVE, name: "Live ${world.run}", initiativeType: PROJECT }) { id } }`,
      {},
      'editor',
    );
    const id = (edit.body.data as { createEntity: { id: string } }).createEntity.id;
    for (const [i, who] of CALLERS.entries()) {
      const event = (await next[i])?.value as Reply<{ graphChanged: Record<string, unknown> }>;
      expect(event.data?.graphChanged.entityIds, who).toEqual([id]);
      for (const r of restricted) {
        if (rank(who) >= rank(r.level)) {
          expect(event.errors, who).toBeUndefined();
          expect(event.data?.graphChanged[r.field.name], who).toBe(world.emailOf('editor'));
        } else {
          expect(event.data?.graphChanged[r.field.name], who).toBeNull();
          expect(
            event.errors?.map((e) => e.extensions?.code),
            who,
          ).toEqual([refusalFor(who)]);
        }
      }
    }
    await Promise.all(streams.map((stream) => stream.return(undefined)));
  });
});

describe('what stays public', () => {
  it('tells anyone what changed when, and when an entity was recorded', async () => {
    const { body } = await world.call<{ recentChanges: Array<Record<string, unknown>> }>(
      '{ recentChanges(first: 1) { id batch operation target action at fromVersion toVersion reverts revertedBy } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.recentChanges[0]).toMatchObject({ action: expect.any(String), at: expect.any(String) });
    const person = await world.call<{ node: { recordedAt: string | null; version: number } }>(
      `{ node(id: "${entityOf.get('Person')}") { ... on Person { recordedAt version } } }`,
    );
    expect(person.body.errors).toBeUndefined();
    expect(person.body.data?.node.version).toBeGreaterThan(0);
  });

  it('gives an anonymous caller the rest of a history entry beside the refused author', async () => {
    const { body } = await world.call<{ recentChanges: Array<{ action: string; by: string | null }> }>(
      '{ recentChanges(first: 2) { action by } }',
    );
    expect(body.data?.recentChanges).toHaveLength(2);
    for (const change of body.data?.recentChanges ?? [])
      expect(change).toEqual({ action: expect.any(String), by: null });
    const errors = (body.errors ?? []) as Array<{
      path?: Array<string | number>;
      extensions?: Record<string, unknown>;
    }>;
    expect(errors.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['UNAUTHENTICATED', 'recentChanges.0.by'],
      ['UNAUTHENTICATED', 'recentChanges.1.by'],
    ]);
  });
});
