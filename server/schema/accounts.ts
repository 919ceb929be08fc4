import { ROLES, type Role } from '../../shared/vocabulary.js';
import { TOKEN_MAX_DAYS } from '../services/accounts/accounts.js';
import { FREE_ATTEMPTS, MAX_WAIT_SECONDS } from '../services/accounts/login-guard.js';
import { SESSION } from '../services/accounts/sessions.js';
import { BadInputError, ForbiddenError, UnauthenticatedError } from '../services/errors.js';
import { recordId } from './args.js';
import { builder } from './builder.js';
import type { Context } from './context.js';

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

/** Where the caller's login attempt comes from, as the login limits count it. */
async function loginOrigin(ctx: Context) {
  return { address: ctx.clientAddress, device: await ctx.cookie.device() };
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
      `Attempts are counted before the password is checked: after ${FREE_ATTEMPTS.account} for one account (a ` +
      `correct one starts afresh) or ${FREE_ATTEMPTS.address} from one address, each further attempt waits a ` +
      `growing delay (5, 5, 10, 15, 25 … seconds, at most ${MAX_WAIT_SECONDS / 60} minutes); one sent sooner is ` +
      'refused with RATE_LIMITED (HTTP 429, Retry-After). A browser that logged in to the account before is counted ' +
      `on its own (${FREE_ATTEMPTS.device} attempts, then the same delays), so guesses from elsewhere never keep ` +
      'the owner out. Only the explorer’s own origin and GOVGRAPH_CORS_ORIGINS may log in (else FORBIDDEN).',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.cookie.usable && ctx.request) {
        // A page of another origin: the cookie it would get must not be usable by it, nor planted by it.
        throw new ForbiddenError(
          'Log in through the explorer, or from an origin listed in GOVGRAPH_CORS_ORIGINS; other pages may only read, without a login.',
        );
      }
      const result = await ctx.accounts.login(args.email, args.password, ctx.loginGuard, await loginOrigin(ctx));
      if (!result) throw new UnauthenticatedError('Email or password is wrong.');
      // The id the browser brought (another login, or one planted by someone else) ends here.
      const before = await ctx.cookie.token();
      if (before) await ctx.accounts.logout(before);
      await ctx.cookie.set(result.session);
      await ctx.cookie.setDevice(result.device);
      return result.user;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends the session of the cookie it is sent with, on the server too (on every instance).',
    resolve: async (_root, _args, ctx) => {
      const token = await ctx.cookie.token();
      if (token) await ctx.accounts.logout(token);
      await ctx.cookie.clear();
      // This login's live-update streams on this server end now; those on others at their next check.
      if (ctx.user) ctx.liveStreams.recheck(ctx.user.id);
      return token !== null;
    },
  }),
);

builder.mutationField('changePassword', (t) =>
  t.field({
    type: UserRef,
    authScopes: { viewer: true },
    description:
      'Changes the password of the caller’s account (any role; rules as for createUser). Every session of the account ' +
      'ends; a caller logged in by cookie gets a new session. A wrong current password is BAD_USER_INPUT and counts ' +
      'as a failed login.',
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const user = ctx.user;
      if (!user) throw new UnauthenticatedError('Please log in to change your password.');
      const checked = await ctx.accounts.checkPassword(
        user.email,
        args.currentPassword,
        ctx.loginGuard,
        await loginOrigin(ctx),
      );
      if (!checked) throw new BadInputError('The current password is wrong.', { argument: 'currentPassword' });
      await ctx.accounts.changePassword(user, args.newPassword, ctx.language);
      ctx.liveStreams.recheck(user.id);
      if (await ctx.cookie.token()) await ctx.cookie.set(await ctx.accounts.sessions.start(user.id));
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
      ctx.liveStreams.recheck(user.id);
      if (caller?.id === user.id && (await ctx.cookie.token())) {
        await ctx.cookie.set(await ctx.accounts.sessions.start(user.id));
      }
      return user;
    },
  }),
);

builder.mutationField('createUser', (t) =>
  t.field({
    type: UserRef,
    authScopes: { admin: true },
    description:
      'A new account (admin). Passwords need 12 to 200 characters and must be hard to guess (zxcvbn score 3 of 4, ' +
      'with German, English and common-password dictionaries); a weak one is BAD_USER_INPUT with ' +
      '`extensions.problem` WEAK_PASSWORD and a hint, in German when Accept-Language asks for it.',
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
    },
    resolve: (_root, args, ctx) => ctx.accounts.createUser(args, ctx.user?.email ?? 'unknown', ctx.language),
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
    resolve: (_root, args, ctx) =>
      ctx.accounts.revokeApiToken(recordId('id', args.id, 'token'), ctx.user?.email ?? 'unknown'),
  }),
);
