import { ROLES, type Role, SESSION_HOURS } from '../auth/accounts.js';
import { LOGIN_LIMIT } from '../auth/login-guard.js';
import { SESSION_COOKIE } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
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

const CreatedTokenRef = builder.objectRef<{ id: string; name: string; token: string }>('CreatedApiToken').implement({
  description: 'A new API token. The token itself is shown only here, once; GovGraph keeps only its hash.',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), token: t.exposeString('token') }),
});

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
      `Logs in with email and password and sets an HTTP-only session cookie (valid ${SESSION_HOURS} hours). ` +
      `After ${LOGIN_LIMIT.failures} wrong passwords for one account within ${LOGIN_LIMIT.windowSeconds / 60} minutes, ` +
      'its logins are refused with RATE_LIMITED (HTTP 429, Retry-After) until that time has passed.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.loginGuard.check(args.email);
      const result = await ctx.accounts.login(args.email, args.password);
      if (!result) {
        await ctx.loginGuard.failed(args.email);
        throw new UnauthenticatedError('Email or password is wrong.');
      }
      await ctx.loginGuard.succeeded(args.email);
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
