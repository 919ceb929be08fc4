import { ROLES, type Role, TOKEN_MAX_DAYS } from '../auth/accounts.js';
import { ADDRESS_LIMIT, LOGIN_LIMIT } from '../auth/login-guard.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../auth/session-cookie.js';
import { SESSION } from '../auth/sessions.js';
import type { Context } from '../context.js';
import { BadInputError, UnauthenticatedError } from '../errors.js';
import { builder } from './builder.js';

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

const CreatedTokenRef = builder
  .objectRef<{ id: string; name: string; token: string; expiresAt: string | null }>('CreatedApiToken')
  .implement({
    description: 'A new API token. The token itself is shown only here, once; GovGraph keeps only its hash.',
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      token: t.exposeString('token'),
      expiresAt: t.exposeString('expiresAt', { nullable: true, description: 'null: valid until revoked.' }),
    }),
  });

/**
 * Checks a password against the login limits: refused while the account or the caller's address has
 * used up its failed attempts; a wrong one counts against both.
 */
async function guarded<T>(ctx: Context, email: string, attempt: () => Promise<T | null>): Promise<T | null> {
  await ctx.loginGuard.check(email, ctx.clientAddress);
  const result = await attempt();
  if (result === null) await ctx.loginGuard.failed(email, ctx.clientAddress);
  else await ctx.loginGuard.succeeded(email);
  return result;
}

const SESSION_TEXT =
  `A login lasts ${SESSION.absoluteHours} hours at most and ends after ${SESSION.idleMinutes / 60} hours without a ` +
  `request; its cookie gets a new id every ${SESSION.rotateMinutes} minutes of use (the old one works ` +
  `${SESSION.graceSeconds} seconds longer).`;

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    // Open to everyone, so a client can tell whether to ask for a login.
    skipTypeScopes: true,
    description: 'The account of the caller (session cookie or API token); null when anonymous.',
    resolve: (_root, _args, ctx) => ctx.user,
  }),
);

builder.mutationType({ description: 'Change the graph and manage accounts. Every mutation names the role it needs.' });

builder.mutationField('login', (t) =>
  t.field({
    type: UserRef,
    description:
      `Logs in with email and password and sets an HTTP-only session cookie with a new id. ${SESSION_TEXT} ` +
      `After ${LOGIN_LIMIT.failures} wrong passwords for one account, or ${ADDRESS_LIMIT.failures} failed logins from ` +
      `one address, within ${LOGIN_LIMIT.windowSeconds / 60} minutes, its logins are refused with RATE_LIMITED ` +
      '(HTTP 429, Retry-After) until that time has passed.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const result = await guarded(ctx, args.email, () => ctx.accounts.login(args.email, args.password));
      if (!result) throw new UnauthenticatedError('Email or password is wrong.');
      // The id the browser brought (another login, or one planted by someone else) ends here.
      const before = await sessionToken(ctx.request);
      if (before) await ctx.accounts.logout(before);
      await setSessionCookie(ctx.request, result.session);
      return result.user;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the session of the cookie it is sent with, on the server too (on every instance).',
    resolve: async (_root, _args, ctx) => {
      const token = await sessionToken(ctx.request);
      if (token) await ctx.accounts.logout(token);
      await clearSessionCookie(ctx.request);
      return token !== null;
    },
  }),
);

builder.mutationField('changePassword', (t) =>
  t.field({
    type: UserRef,
    authScopes: { viewer: true },
    description:
      'Changes the password of the caller’s account (any role; at least 12 characters). Every session of the account ' +
      'ends; a caller logged in by cookie gets a new session. A wrong current password is BAD_USER_INPUT and counts ' +
      'as a failed login.',
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const user = ctx.user;
      if (!user) throw new UnauthenticatedError('Please log in to change your password.');
      const checked = await guarded(ctx, user.email, () =>
        ctx.accounts.checkPassword(user.email, args.currentPassword),
      );
      if (!checked) throw new BadInputError('The current password is wrong.', { argument: 'currentPassword' });
      await ctx.accounts.changePassword(user, args.newPassword);
      if (await sessionToken(ctx.request))
        await setSessionCookie(ctx.request, await ctx.accounts.sessions.start(user.id));
      return user;
    },
  }),
);

builder.mutationField('setUserRole', (t) =>
  t.field({
    type: UserRef,
    authScopes: { admin: true },
    description:
      'Gives an account another role (admin); never takes the last admin’s. Every session of that account ends, so ' +
      'it logs in again with its new rights (an admin changing their own role gets a new session). API tokens of ' +
      'the account act with its new role at once.',
    args: { email: t.arg.string({ required: true }), role: t.arg({ type: RoleEnum, required: true }) },
    resolve: async (_root, args, ctx) => {
      const caller = ctx.user;
      const user = await ctx.accounts.setRole(args.email, args.role, caller?.email ?? 'unknown');
      if (caller?.id === user.id && (await sessionToken(ctx.request))) {
        await setSessionCookie(ctx.request, await ctx.accounts.sessions.start(user.id));
      }
      return user;
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
      'An API token for another tool, acting as the given account with its role of the moment (admin). Send it as ' +
      '`Authorization: Bearer <token>`. Valid until revoked, or for `expiresInDays` days.',
    args: {
      email: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      expiresInDays: t.arg.int({ description: `1 to ${TOKEN_MAX_DAYS}; left out: until revoked.` }),
    },
    resolve: (_root, args, ctx) =>
      ctx.accounts.createApiToken(args.email, args.name, ctx.user?.email ?? 'unknown', args.expiresInDays ?? null),
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
