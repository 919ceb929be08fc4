import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { EntityRecord, RelationRecord } from '../db/records.js';
import { Accounts, type User } from '../services/accounts/accounts.js';
import { LoginGuard } from '../services/accounts/login-guard.js';
import { NO_COOKIE, SESSION_COOKIE, type SessionCookie } from '../services/accounts/session-cookie.js';
import { Editing } from '../services/editing/index.js';
import { GraphService, type Page, type RelationFilter, type RelationTypeCount } from '../services/graph/graph.js';
import { HeavyWork } from '../services/graph/heavy-work.js';
import { type IntakeDictionaryCache, intakeDictionaryFor } from '../services/intake/dictionary.js';
import { createGraphPubSub, type GraphPubSub } from '../services/live/pubsub.js';
import { LiveStreams } from '../services/live/streams.js';

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  /**
   * Entities this request already has whole (primed into `entity` too), for resolvers to answer without a
   * promise: the canvas's thousands of relation ends resolve synchronously.
   */
  readonly known: Map<string, EntityRecord>;
  /** Primes `entity` and `known` with entities read whole by another query. */
  remember(entities: Iterable<EntityRecord>): void;
  readonly relation: DataLoader<string, RelationRecord | null>;
  readonly mentionedIn: DataLoader<string, EntityRecord[]>;
  readonly eventPlaces: DataLoader<string, EntityRecord[]>;
  /** The region each entity belongs to (entity-regions.cypher), null where none. */
  readonly region: DataLoader<string, EntityRecord | null>;
  /** Facts per relation type of many entities in one round trip, one loader per day (null: any day). */
  relationCounts(asOf: string | null): DataLoader<string, RelationTypeCount[]>;
  /** Relations of many entities in one round trip, one loader per filter and page window. */
  relations(
    filter: RelationFilter,
    window: { offset: number; limit: number },
  ): DataLoader<string, Page<RelationRecord>>;
}

export type { GraphPubSub };

/** How the API behaves, beyond where it runs. */
export interface Settings {
  /** Anyone may read the graph; when false, reading needs at least the viewer role. */
  readonly publicRead: boolean;
  /** Article intake waits for a second editor's approval. */
  readonly fourEyes: boolean;
  /** GraphiQL at GET /graphql in a browser (on unless false). */
  readonly graphiql?: boolean;
  /** Introspection queries (`__schema`, `__type`) answered (on unless false). */
  readonly introspection?: boolean;
  /**
   * How many proxies (load balancers) in front of GovGraph append to X-Forwarded-For; the address the
   * outermost of them saw is the client's. 0 (the default): the header is ignored and the socket's
   * address is the client's, since anyone can send the header.
   */
  readonly trustProxy?: number;
  /** The largest request body read; a larger one is refused with HTTP 413 (1 MiB unless set). */
  readonly maxBodyBytes?: number;
  /**
   * Origins (scheme://host[:port]) besides the explorer's own whose pages may call the API with an editor's
   * session cookie. Pages of any other origin may only read, without the cookie.
   */
  readonly corsOrigins?: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = { publicRead: true, fourEyes: false };

/** Per request: the graph service and fresh DataLoaders, so each id is read once per request. */
export interface Context {
  readonly graph: GraphService;
  readonly loaders: Loaders;
  readonly accounts: Accounts;
  /** Counts failed logins per account; one per server, shared by its requests. */
  readonly loginGuard: LoginGuard;
  /** Slots for queries of much database work; one per server, shared by its requests (heavy-work.ts). */
  readonly heavyWork: HeavyWork;
  /** The server's open live-update streams (services/live/streams.ts). */
  readonly liveStreams: LiveStreams;
  /** Who asks, as the limits on expensive queries count it: the account, else the client's address. */
  readonly client: string | null;
  readonly editing: Editing;
  /** The article intake's dictionary of known names, shared by all requests on this database. */
  readonly intake: IntakeDictionaryCache;
  /** Who is asking: from the session cookie or an API token; null when anonymous. */
  readonly user: User | null;
  /** The HTTP request. */
  readonly request: Request | null;
  /** The session cookie, as far as the page that sent the request may use it (auth/session-cookie.ts). */
  readonly cookie: SessionCookie;
  /** The language the caller prefers for messages meant for people (Accept-Language): German or English. */
  readonly language: 'de' | 'en';
  /** Where the request came from, as the login limits count it (auth/client-address.ts); null in-process. */
  readonly clientAddress: string | null;
  readonly pubsub: GraphPubSub;
  readonly settings: Settings;
  /** When this request stops waiting on a Neo4j that does not answer (epoch ms; database.ts); set over HTTP. */
  readonly deadline?: number;
}

export { SESSION_COOKIE };

/**
 * The caller's account from `Authorization: Bearer <token>` or the session cookie. A session whose id is
 * due for replacement gets a new one here, handed to the browser with this response.
 */
export async function callerOf(
  accounts: Accounts,
  request: Request | null,
  cookie: SessionCookie = NO_COOKIE,
): Promise<User | null> {
  if (!request) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer) return accounts.userForApiToken(bearer);
  const token = await cookie.token();
  const session = token ? await accounts.resumeSession(token) : null;
  if (session?.renewed) await cookie.set(session.renewed);
  return session?.user ?? null;
}

/** German when the caller's Accept-Language puts German before English, else English. */
export function preferredLanguage(acceptLanguage: string | null): 'de' | 'en' {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('de')) return 'de';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

export function createContext(
  db: Database,
  extra: {
    user?: User | null;
    request?: Request | null;
    cookie?: SessionCookie;
    clientAddress?: string | null;
    language?: 'de' | 'en';
    pubsub?: GraphPubSub;
    settings?: Settings;
    loginGuard?: LoginGuard;
    heavyWork?: HeavyWork;
    liveStreams?: LiveStreams;
  } = {},
): Context {
  const pubsub = extra.pubsub ?? createGraphPubSub();
  const settings = extra.settings ?? DEFAULT_SETTINGS;
  const intake = intakeDictionaryFor(db);
  const graph = new GraphService(db);
  const relationLoaders = new Map<string, DataLoader<string, Page<RelationRecord>>>();
  const countLoaders = new Map<string | null, DataLoader<string, RelationTypeCount[]>>();
  const entity = new DataLoader<string, EntityRecord | null>((ids) => graph.entitiesByIds(ids));
  const known = new Map<string, EntityRecord>();
  const remember = (record: EntityRecord) => {
    // Partly read entities answer only the query that read them.
    if (record.partial) return;
    entity.prime(record.id, record);
    known.set(record.id, record);
  };
  return {
    graph,
    accounts: new Accounts(db),
    loginGuard: extra.loginGuard ?? new LoginGuard(),
    heavyWork: extra.heavyWork ?? new HeavyWork(),
    liveStreams: extra.liveStreams ?? new LiveStreams(),
    client: extra.user ? `user:${extra.user.id}` : (extra.clientAddress ?? null),
    // Every committed change: the intake's names are read anew, and open explorers are told.
    editing: new Editing(
      db,
      (change) => {
        intake.invalidate();
        pubsub.publish(change);
      },
      settings,
    ),
    intake,
    user: extra.user ?? null,
    request: extra.request ?? null,
    cookie: extra.cookie ?? NO_COOKIE,
    language: extra.language ?? 'en',
    clientAddress: extra.clientAddress ?? null,
    pubsub,
    settings,
    loaders: {
      entity,
      known,
      remember: (entities) => {
        for (const record of entities) remember(record);
      },
      relation: new DataLoader((ids) => graph.relationsByIds(ids)),
      mentionedIn: new DataLoader(async (ids) => {
        const lists = await graph.mentionedIn(ids);
        for (const list of lists) for (const article of list) remember(article);
        return lists;
      }),
      eventPlaces: new DataLoader((ids) => graph.eventPlaces(ids)),
      region: new DataLoader(async (ids) => {
        const regions = await graph.regionsOf(ids);
        for (const region of regions) if (region) remember(region);
        return regions;
      }),
      relationCounts(asOf) {
        let loader = countLoaders.get(asOf);
        if (!loader) {
          loader = new DataLoader((ids) => graph.relationCounts(ids, asOf));
          countLoaders.set(asOf, loader);
        }
        return loader;
      },
      relations(filter, window) {
        const key = JSON.stringify([filter, window]);
        let loader = relationLoaders.get(key);
        if (!loader) {
          loader = new DataLoader((ids) => graph.relationsOf(ids, filter, window));
          relationLoaders.set(key, loader);
        }
        return loader;
      },
    },
  };
}
