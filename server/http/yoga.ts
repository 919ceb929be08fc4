import type { IncomingMessage } from 'node:http';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention as csrfPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection as disableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useCookies as cookies } from '@whatwg-node/server-plugin-cookies';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import {
  type Database,
  DatabaseUnavailableError,
  QueryTimeoutError,
  REQUEST_PATIENCE_MS,
  TRANSACTION_TIMEOUT_SECONDS,
} from '../db/database.js';
import { inRequest } from '../db/request-context.js';
import {
  type Context,
  callerOf,
  createContext,
  DEFAULT_SETTINGS,
  preferredLanguage,
  type Settings,
} from '../schema/context.js';
import { domainErrors, toGraphQLError } from '../schema/errors.js';
import { schema } from '../schema/index.js';
import { Accounts } from '../services/accounts/accounts.js';
import { LoginGuard } from '../services/accounts/login-guard.js';
import { sessionCookie } from '../services/accounts/session-cookie.js';
import { DomainError, ServiceUnavailableError } from '../services/errors.js';
import { HeavyWork } from '../services/graph/heavy-work.js';
import { createGraphPubSub, type GraphPubSub } from '../services/live/pubsub.js';
import { LiveStreams } from '../services/live/streams.js';
import { clientAddress } from './client-address.js';
import { idempotentMutations } from './idempotency-key.js';
import { type OriginPolicy, requestOrigin } from './origin.js';
import { codedEmptyAnswers, codedRequestError, DEFAULT_MAX_BODY_BYTES, hostileInputGuards } from './request-errors.js';
import { restoreMessage, unfinishedRestore } from './restore-gate.js';

/**
 * Errors the client may see pass through; anything else is masked to
 * INTERNAL_SERVER_ERROR (yoga logs it; the client never sees it), except Neo4j being away,
 * which clients can retry and so gets its own code, and malformed requests (HTTP 4xx), which get
 * BAD_REQUEST, BAD_USER_INPUT or REQUEST_ENTITY_TOO_LARGE.
 */
function maskError(error: unknown, message: string, maxBodyBytes: number): Error {
  const request = codedRequestError(error, maxBodyBytes);
  if (request) return request;
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof QueryTimeoutError) {
    return new GraphQLError(
      `The query took longer than the ${TRANSACTION_TIMEOUT_SECONDS} s a query may run, and Neo4j ended it. ` +
        'Ask for less: a smaller depth or limit, fewer ids, shorter paths.',
      {
        nodes: error instanceof GraphQLError ? error.nodes : undefined,
        path: error instanceof GraphQLError ? error.path : undefined,
        extensions: { code: 'QUERY_TIMEOUT' },
      },
    );
  }
  const at = error instanceof GraphQLError ? error : undefined;
  if (original instanceof DatabaseUnavailableError) {
    return toGraphQLError(
      new ServiceUnavailableError(
        original.unconfirmed
          ? 'The graph database did not confirm the change in time: it may or may not have been saved. Reload before trying again.'
          : undefined,
      ),
      at,
    );
  }
  // The services' own errors, with their codes and details, at the schema's edge.
  if (original instanceof DomainError) return toGraphQLError(original, at);
  // Returning the error itself tells yoga it is meant for the client (and not to log it).
  if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') return error as Error;
  if (error instanceof GraphQLError && error.originalError === undefined) return error;
  const masked = new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  return masked;
}

const isUnavailable = (error: GraphQLError) =>
  error.extensions?.code === 'SERVICE_UNAVAILABLE' || error.originalError instanceof DatabaseUnavailableError;

/** Neo4j was away and the answer holds nothing: no top-level field has a value. */
function nothingRead(result: ExecutionResult): boolean {
  if (!result.errors?.some(isUnavailable)) return false;
  return result.data == null || Object.values(result.data).every((value) => value === null);
}

/**
 * Every request's queries share one patience deadline for Neo4j (REQUEST_PATIENCE_MS from its start, the
 * caller's session check included; database.ts says what happens then). A request that got nothing
 * because Neo4j was away answers HTTP 503 with Retry-After; one that read part of its answer keeps 200
 * with the errors beside the data. Subscriptions live on and are not bound by it.
 */
function neo4jDeadline(): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const { deadline } = args.contextValue as Context;
      if (deadline !== undefined) setExecuteFn((execution) => inRequest({ deadline }, () => executeFn(execution)));
    },
    onExecutionResult({ result, setResult }) {
      if (!result || Symbol.asyncIterator in result || !nothingRead(result)) return;
      setResult({ ...result, extensions: { ...result.extensions, http: UNAVAILABLE_HTTP } });
    },
  };
}

const UNAVAILABLE_HTTP = { status: 503, headers: { 'retry-after': '5' } };

/** Limits against abusive queries; each rejection is a GraphQL error that says which limit. */
export const QUERY_LIMITS = { depth: 12, cost: 20_000, aliases: 20, tokens: 5_000, directives: 30 } as const;

/** Gives graphql-armor's rejections a stable code clients can act on. */
const coded = [
  (_ctx: unknown, error: GraphQLError) => {
    (error.extensions as Record<string, unknown>).code = 'QUERY_LIMIT_EXCEEDED';
  },
];

const armor = new EnvelopArmor({
  maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, onReject: coded },
  costLimit: { maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, onReject: coded },
  maxAliases: { n: QUERY_LIMITS.aliases, onReject: coded },
  maxTokens: { n: QUERY_LIMITS.tokens, onReject: coded },
  maxDirectives: { n: QUERY_LIMITS.directives, onReject: coded },
  // Suggestions ("did you mean …") help the programs that script against us.
  blockFieldSuggestion: { enabled: false },
});

/** What the HTTP server hands each request: the Node request, for the socket's address. */
export interface ServerContext {
  readonly req?: IncomingMessage;
}

export type GovGraphYoga = YogaServerInstance<ServerContext, Context>;

/**
 * The GraphQL server, separate from listening so tests can call `yoga.fetch` in-process.
 * One live-update channel per server, so every request's edits reach every open subscription;
 * pass a Redis one (server/services/live/pubsub.ts) to reach those of other instances too.
 */
export function createGovGraphYoga(
  db: Database,
  settings: Settings = DEFAULT_SETTINGS,
  pubsub: GraphPubSub = createGraphPubSub(),
  loginGuard: LoginGuard = new LoginGuard(),
): GovGraphYoga {
  const accounts = new Accounts(db);
  const heavyWork = new HeavyWork();
  const liveStreams = new LiveStreams();
  const maxBodyBytes = settings.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const policy: OriginPolicy = {
    trustProxy: settings.trustProxy ?? 0,
    allowedOrigins: new Set(settings.corsOrigins ?? []),
  };
  let proxyWarned = false;
  let originWarned = false;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    cors: (request) => corsFor(request, policy, settings.publicRead),
    context: async ({ request, req }) => {
      if (!settings.trustProxy && !proxyWarned && request.headers.has('x-forwarded-for')) {
        // Behind a proxy every client has its address, and 20 failed logins from anyone would lock out all.
        proxyWarned = true;
        console.warn(
          'Requests arrive with X-Forwarded-For, which GOVGRAPH_TRUST_PROXY=0 ignores: behind a proxy, set it to ' +
            'the number of proxies, or all clients share the proxy’s address (and its login limit).',
        );
      }
      const address = clientAddress(
        req?.socket.remoteAddress,
        request.headers.get('x-forwarded-for'),
        settings.trustProxy,
      );
      const origin = requestOrigin(request, policy);
      if (!origin.trusted && !originWarned && request.headers.get('cookie')?.includes('govgraph_session=')) {
        originWarned = true;
        console.warn(
          `A request from ${origin.from ?? 'a page of another site'} brought a session cookie, which is ignored: only ` +
            `pages of ${origin.own} and of the origins in GOVGRAPH_CORS_ORIGINS act with it. Behind a proxy that ` +
            'changes the scheme or host, set GOVGRAPH_TRUST_PROXY and have it send X-Forwarded-Proto and X-Forwarded-Host.',
        );
      }
      const cookie = sessionCookie(request, origin);
      const deadline = Date.now() + REQUEST_PATIENCE_MS;
      let user: Awaited<ReturnType<typeof callerOf>>;
      let restoring: Awaited<ReturnType<typeof unfinishedRestore>>;
      try {
        [restoring, user] = await inRequest({ deadline }, () =>
          Promise.all([unfinishedRestore(db), callerOf(accounts, request, cookie)]),
        );
      } catch (error) {
        // Who is asking decides what may be read: without it, nothing is.
        if (error instanceof DatabaseUnavailableError) {
          throw toGraphQLError(new ServiceUnavailableError(), undefined, UNAVAILABLE_HTTP);
        }
        throw error;
      }
      // Half a backup, or nothing, is not the graph: nobody is served until a restore has completed.
      if (restoring)
        throw toGraphQLError(new ServiceUnavailableError(restoreMessage(restoring)), undefined, UNAVAILABLE_HTTP);
      return {
        ...createContext(db, {
          request,
          cookie,
          user,
          pubsub,
          settings,
          loginGuard,
          heavyWork,
          liveStreams,
          clientAddress: address,
          language: preferredLanguage(request.headers.get('accept-language')),
        }),
        deadline,
      };
    },
    maskedErrors: {
      maskError: (error, message) => maskError(error, message, maxBodyBytes),
      errorMessage: 'Unexpected error.',
    },
    // A body over the limit is refused with 413 before it is parsed (by its Content-Length, or while it streams in).
    maxRequestBodySize: maxBodyBytes,
    // Cookies for sessions; CSRF prevention: a cross-site form or GET cannot act with an editor's cookie.
    plugins: [
      codedEmptyAnswers(),
      cookies(),
      csrfPrevention({ requestHeaders: ['x-govgraph-csrf'] }),
      ...armor.protect().plugins,
      // After armor, so it guards armor's parser (the token limit) too.
      hostileInputGuards(),
      // The services' errors as GraphQL errors with their codes, before masking (which logs only the unexpected).
      domainErrors(),
      // Inside the deadline: looking a key up is bound by the same patience as the rest.
      idempotentMutations(db, (error) => maskError(error, 'Unexpected error.', maxBodyBytes) as GraphQLError),
      neo4jDeadline(),
      // Switched off, `__schema` and `__type` are refused as fields the schema does not have.
      ...(settings.introspection === false ? [disableIntrospection()] : []),
    ],
    graphiql: settings.graphiql === false ? false : { title: 'GovGraph GraphQL', defaultQuery: EXAMPLE_QUERY },
    // GraphiQL from the installed package, scripts and styles in the page: no CDN, so it works offline and on
    // intranets, and no third party's script runs on the origin of the session cookie.
    renderGraphiQL,
    landingPage: false,
    logging: 'warn',
  });
}

/**
 * CORS: pages of the explorer's own origin and of GOVGRAPH_CORS_ORIGINS may call the API with the session
 * cookie; with public reading, any other page may read without it (no Access-Control-Allow-Credentials, so the
 * browser neither sends the cookie nor shows the answer of a request that carried one).
 */
function corsFor(request: Request, policy: OriginPolicy, publicRead: boolean) {
  const origin = requestOrigin(request, policy);
  if (origin.from === null) return false;
  const shared = { exposedHeaders: ['Retry-After', 'Idempotent-Replayed'], maxAge: 600 };
  if (origin.trusted) return { ...shared, origin: [origin.from, origin.own], credentials: true };
  return publicRead ? { ...shared, origin: '*', credentials: false } : false;
}

const EXAMPLE_QUERY = `# GovGraph: Wer macht was in der digitalen Verwaltung?
query Search {
  search(query: "Hüskens", first: 5) {
    totalCount
    edges { score node { id kind name description } }
  }
}
`;
