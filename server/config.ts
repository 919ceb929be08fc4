import path from 'node:path';
import { z } from 'zod';
import { ConfigError, withoutPassword } from './db/config-error.js';
import { normaliseOrigin } from './http/origin.js';
import type { Settings } from './schema/context.js';
import { passwordProblem } from './services/accounts/passwords.js';

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0 to 65535')
    .max(65535, 'must be 0 to 65535')
    .default(fallback);

/** true/false (also 1/0, yes/no), case-insensitive. */
const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', ''], { error: 'must be true or false' }))
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : ['true', '1', 'yes'].includes(value)));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const EnvSchema = z
  .object({
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: port(4000),
    NEO4J_URI: optionalText.pipe(
      z
        .string()
        .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like neo4j://host:7687 or bolt://host:7687')
        .optional(),
    ),
    NEO4J_USER: optionalText,
    NEO4J_PASSWORD: optionalText,
    NEO4J_DATABASE: optionalText,
    GOVGRAPH_DATA_DIR: z.string().trim().min(1).default('.data'),
    GOVGRAPH_BOLT_PORT: port(7687),
    GOVGRAPH_NEO4J_HEAP: z
      .string()
      .trim()
      .regex(/^\d+[mMgG]$/, 'must be a JVM heap size such as 512m or 1g')
      .default('1g'),
    GOVGRAPH_SEED: z.enum(['auto', 'always', 'never'], { error: 'must be auto, always or never' }).default('auto'),
    GOVGRAPH_DEV: z.enum(['0', '1', '']).default(''),
    GOVGRAPH_ADMIN_EMAIL: optionalText.pipe(
      z
        .string()
        .regex(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, 'must be an email address')
        .optional(),
    ),
    GOVGRAPH_ADMIN_PASSWORD: optionalText,
    GOVGRAPH_PUBLIC_READ: flag(true),
    GOVGRAPH_FOUR_EYES: flag(false),
    GOVGRAPH_GRAPHIQL: flag(true),
    GOVGRAPH_INTROSPECTION: flag(true),
    GOVGRAPH_TRUST_PROXY: z.coerce
      .number({ error: 'must be the number of proxies in front of GovGraph (0 to 10)' })
      .int('must be the number of proxies in front of GovGraph (0 to 10)')
      .min(0, 'must be the number of proxies in front of GovGraph (0 to 10)')
      .max(10, 'must be the number of proxies in front of GovGraph (0 to 10)')
      .default(0),
    GOVGRAPH_MAX_BODY_BYTES: optionalText.pipe(
      z.coerce
        .number<string | undefined>({ error: 'must be a number of bytes' })
        .int('must be a whole number of bytes')
        .min(1024, 'must be at least 1024 bytes')
        .optional(),
    ),
    GOVGRAPH_CORS_ORIGINS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const entries = (value ?? '')
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean);
        const origins: string[] = [];
        for (const entry of entries) {
          const origin = normaliseOrigin(entry);
          if (origin) origins.push(origin);
          else
            ctx.addIssue({
              code: 'custom',
              message: `must be origins such as https://intranet.example.org, separated by commas; "${entry.slice(0, 100)}" is not one (no "*", no path)`,
            });
        }
        return origins;
      }),
    GOVGRAPH_REDIS_URL: optionalText.pipe(
      z
        .string()
        .regex(/^rediss?:\/\/[^\s]+$/, 'must look like redis://host:6379 or rediss://host:6380')
        .refine((value) => URL.canParse(value), 'must look like redis://host:6379 or rediss://host:6380')
        .optional(),
    ),
  })
  .refine((env) => (env.GOVGRAPH_ADMIN_EMAIL === undefined) === (env.GOVGRAPH_ADMIN_PASSWORD === undefined), {
    path: ['GOVGRAPH_ADMIN_PASSWORD'],
    message: 'and GOVGRAPH_ADMIN_EMAIL must be set together',
    when: () => true,
  })
  .superRefine((env, ctx) => {
    if (env.GOVGRAPH_ADMIN_PASSWORD === undefined) return;
    const problem = passwordProblem(env.GOVGRAPH_ADMIN_PASSWORD, [env.GOVGRAPH_ADMIN_EMAIL ?? '']);
    if (problem) ctx.addIssue({ code: 'custom', path: ['GOVGRAPH_ADMIN_PASSWORD'], message: problem });
  })
  .refine((env) => env.NEO4J_PASSWORD === undefined || env.NEO4J_USER !== undefined, {
    path: ['NEO4J_USER'],
    message: 'must be set when NEO4J_PASSWORD is set',
    // Report this together with any other bad variable, not only once those are fixed.
    when: () => true,
  });

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly neo4j: {
    /** Unset: GovGraph starts (or shares) its embedded Neo4j. */
    readonly uri: string | undefined;
    readonly user: string | undefined;
    readonly password: string | undefined;
    readonly database: string | undefined;
  };
  readonly embedded: {
    readonly dataDir: string;
    readonly boltPort: number;
    readonly heap: string;
  };
  readonly seed: 'auto' | 'always' | 'never';
  readonly dev: boolean;
  /** The first admin, created at start-up when there is no admin yet. */
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  /** Reading without an account, and whether article intake needs a second editor. */
  readonly settings: Settings;
  /** Set: live updates travel through this Redis, so they reach subscribers of every instance. */
  readonly redisUrl: string | undefined;
}

/** A URL with its password replaced, fit for logs and error messages. */

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      const shown = value === undefined || name.includes('PASSWORD') ? '' : ` (got "${withoutPassword(value)}")`;
      return `  ${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    embedded: {
      dataDir: path.resolve(cwd, e.GOVGRAPH_DATA_DIR),
      boltPort: e.GOVGRAPH_BOLT_PORT,
      heap: e.GOVGRAPH_NEO4J_HEAP,
    },
    seed: e.GOVGRAPH_SEED,
    dev: e.GOVGRAPH_DEV === '1',
    admin:
      e.GOVGRAPH_ADMIN_EMAIL && e.GOVGRAPH_ADMIN_PASSWORD
        ? { email: e.GOVGRAPH_ADMIN_EMAIL, password: e.GOVGRAPH_ADMIN_PASSWORD }
        : undefined,
    settings: {
      publicRead: e.GOVGRAPH_PUBLIC_READ,
      fourEyes: e.GOVGRAPH_FOUR_EYES,
      graphiql: e.GOVGRAPH_GRAPHIQL,
      introspection: e.GOVGRAPH_INTROSPECTION,
      trustProxy: e.GOVGRAPH_TRUST_PROXY,
      corsOrigins: e.GOVGRAPH_CORS_ORIGINS,
      ...(e.GOVGRAPH_MAX_BODY_BYTES === undefined ? {} : { maxBodyBytes: e.GOVGRAPH_MAX_BODY_BYTES }),
    },
    redisUrl: e.GOVGRAPH_REDIS_URL,
  };
}
