import type { InputFieldBuilder } from '@pothos/core';
import { ROLES, type Role, SESSION_HOURS } from '../auth/accounts.js';
import { SESSION_COOKIE } from '../context.js';
import { BadInputError, UnauthenticatedError } from '../errors.js';
import { builder } from './builder.js';
import {
  DateQualifierEnum,
  EntityKindEnum,
  EventTypeEnum,
  InitiativeTypeEnum,
  OrgTypeEnum,
  RegionLevelEnum,
} from './enums.js';
import { EntityRef } from './refs.js';

// ---- Accounts ----

const RoleEnum = builder.enumType('Role', {
  description: 'viewer reads, editor also edits, admin also manages accounts and API tokens.',
  values: Object.fromEntries(ROLES.map((r) => [r.toUpperCase(), { value: r }])) as Record<string, { value: Role }>,
});

const UserRef = builder.objectRef<{ id: string; email: string; role: Role }>('User').implement({
  description: 'An account.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
  }),
});

const CreatedTokenRef = builder.objectRef<{ id: string; name: string; token: string }>('CreatedApiToken').implement({
  description: 'A new API token. The token itself is shown only here, once; GovGraph keeps only its hash.',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), token: t.exposeString('token') }),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'The account of the caller (session cookie or API token); null when anonymous.',
    resolve: (_root, _args, ctx) => ctx.user,
  }),
);

builder.mutationType({ description: 'Change the graph and manage accounts. Every mutation names the role it needs.' });

builder.mutationField('login', (t) =>
  t.field({
    type: UserRef,
    description: `Logs in with email and password and sets an HTTP-only session cookie (valid ${SESSION_HOURS} hours).`,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const result = await ctx.accounts.login(args.email, args.password);
      if (!result) throw new UnauthenticatedError('Email or password is wrong.');
      await ctx.request?.cookieStore?.set({
        name: SESSION_COOKIE,
        value: result.token,
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        expires: Date.now() + SESSION_HOURS * 3600 * 1000,
        domain: null,
        secure: new URL(ctx.request.url).protocol === 'https:',
      });
      return result.user;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the session of the cookie it is sent with.',
    resolve: async (_root, _args, ctx) => {
      const session = await ctx.request?.cookieStore?.get(SESSION_COOKIE);
      if (session?.value) await ctx.accounts.logout(session.value);
      await ctx.request?.cookieStore?.delete(SESSION_COOKIE);
      return Boolean(session?.value);
    },
  }),
);

builder.mutationField('createUser', (t) =>
  t.field({
    type: UserRef,
    authScopes: { admin: true },
    description: 'A new account (admin). Passwords need at least 12 characters.',
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
    },
    resolve: (_root, args, ctx) => ctx.accounts.createUser(args, ctx.user?.email ?? 'unknown'),
  }),
);

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: CreatedTokenRef,
    authScopes: { admin: true },
    description:
      'An API token for another tool, acting as the given account (admin). Send it as `Authorization: Bearer <token>`.',
    args: { email: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.accounts.createApiToken(args.email, args.name, ctx.user?.email ?? 'unknown'),
  }),
);

builder.mutationField('revokeApiToken', (t) =>
  t.boolean({
    authScopes: { admin: true },
    description: 'Revokes an API token (admin); true when it existed.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.accounts.revokeApiToken(String(args.id), ctx.user?.email ?? 'unknown'),
  }),
);

// ---- Entities ----

/** The kind-specific properties, each optional; the model says which kind may have which. */
function attributeFields(t: InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<never>, 'InputObject'>) {
  return {
    orgType: t.field({ type: OrgTypeEnum }),
    website: t.string(),
    address: t.string(),
    level: t.field({ type: RegionLevelEnum }),
    ags: t.string(),
    nuts: t.string(),
    kreisType: t.string(),
    areaKm2: t.float(),
    population: t.int(),
    populationDate: t.string(),
    abbreviation: t.string(),
    eventType: t.field({ type: EventTypeEnum }),
    date: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    dateQualifier: t.field({ type: DateQualifierEnum }),
    initiativeType: t.field({ type: InitiativeTypeEnum }),
    publisher: t.string(),
    publishedOn: t.string(),
    url: t.string(),
    tags: t.stringList(),
    license: t.string(),
    author: t.string(),
    source: t.string(),
  };
}

const CreateEntityInput = builder.inputType('CreateEntityInput', {
  description: 'A new entity. Without an id, one is made from the kind and name (person:lydia-hueskens).',
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, required: true }),
    id: t.id(),
    name: t.string({ required: true }),
    aliases: t.stringList(),
    description: t.string(),
    // biome-ignore lint/suspicious/noExplicitAny: Pothos' input field builder type is internal
    ...attributeFields(t as any),
  }),
});

const EntityPatch = builder.inputType('EntityPatch', {
  description: 'What to change; fields left out stay as they are, null clears an optional one.',
  fields: (t) => ({
    name: t.string(),
    aliases: t.stringList(),
    description: t.string(),
    // biome-ignore lint/suspicious/noExplicitAny: Pothos' input field builder type is internal
    ...attributeFields(t as any),
  }),
});

/** GraphQL leaves absent fields out; null means "clear" (the model treats a missing property as cleared). */
function cleaned(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null && (key === 'name' || key === 'aliases')) {
      throw new BadInputError(`"${key}" cannot be cleared.`, { argument: key });
    }
    out[key] = value;
  }
  return out;
}

builder.mutationField('createEntity', (t) =>
  t.field({
    type: EntityRef,
    authScopes: { editor: true },
    description: 'Creates an entity (editor); recorded in its history.',
    args: { input: t.arg({ type: CreateEntityInput, required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.editing.createEntity(
        cleaned(args.input as Record<string, unknown>) as Parameters<typeof ctx.editing.createEntity>[0],
        ctx.user?.email ?? 'unknown',
      ),
  }),
);

builder.mutationField('updateEntity', (t) =>
  t.field({
    type: EntityRef,
    authScopes: { editor: true },
    description:
      'Changes an entity (editor), based on the version you read; if it changed since, nothing is changed and the error has code CONFLICT with the current state.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      patch: t.arg({ type: EntityPatch, required: true }),
    },
    resolve: (_root, args, ctx) => {
      const patch = cleaned(args.patch as Record<string, unknown>);
      // A cleared optional property is simply not stored.
      for (const [key, value] of Object.entries(patch)) if (value === null && key !== 'description') delete patch[key];
      return ctx.editing.updateEntity(String(args.id), args.version, patch, ctx.user?.email ?? 'unknown');
    },
  }),
);

builder.mutationField('deleteEntity', (t) =>
  t.id({
    authScopes: { editor: true },
    description:
      'Deletes an entity without relations (editor), based on the version you read; its last state stays in its history.',
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.editing.deleteEntity(String(args.id), args.version, ctx.user?.email ?? 'unknown'),
  }),
);

const ChangeRef = builder
  .objectRef<{
    id: string;
    target: string;
    action: string;
    at: string;
    by: string;
    before: string | null;
    after: string | null;
    fromVersion: number | null;
  }>('Change')
  .implement({
    description: 'One recorded change: who, when, what before and after (as JSON of the model).',
    fields: (t) => ({
      id: t.exposeID('id'),
      target: t.exposeID('target', { description: 'The entity or relation changed.' }),
      action: t.exposeString('action', { description: 'CREATE, UPDATE or DELETE.' }),
      at: t.exposeString('at'),
      by: t.exposeString('by'),
      before: t.exposeString('before', { nullable: true }),
      after: t.exposeString('after', { nullable: true }),
      fromVersion: t.exposeInt('fromVersion', { nullable: true }),
    }),
  });

builder.queryField('history', (t) =>
  t.field({
    type: [ChangeRef],
    description: 'The recorded changes of an entity or relation, newest first (also of deleted ones).',
    args: { id: t.arg.id({ required: true }), first: t.arg.int({ defaultValue: 50 }) },
    resolve: (_root, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 1 || first > 200) throw new BadInputError('"first" must be 1 to 200.', { argument: 'first' });
      return ctx.editing.changesOf(String(args.id), first);
    },
  }),
);
