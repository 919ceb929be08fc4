import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, filter, type PubSub, pipe } from 'graphql-yoga';
import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { messageOf } from '../../../shared/errors.js';
import { ConfigError, withoutPassword } from '../../db/config-error.js';
import type { GraphChange } from '../editing/index.js';

/** Live updates: each committed batch of changes, to everyone subscribed to `graphChanged`. */
export interface GraphPubSub {
  /** Tells every subscriber (with Redis: on every instance) about a committed batch. */
  publish(change: GraphChange): void;
  /** The changes from now on; returning from the iterator ends the subscription. */
  subscribe(): AsyncIterable<GraphChange>;
}

/** A channel for live updates and how to close it. */
export interface LiveUpdates {
  readonly pubsub: GraphPubSub;
  /** Human-readable: how live updates travel. */
  readonly where: string;
  close(): Promise<void>;
}

/** The Redis channel name; Redis pub/sub channels are shared by all databases of a Redis server. */
export const GRAPH_CHANGED_CHANNEL = 'govgraph:graph-changed';

/** null: a message on the Redis channel that was not a GraphChange, dropped before any subscriber. */
type Events = { [GRAPH_CHANGED_CHANNEL]: [GraphChange | null] };

function over(pubsub: PubSub<Events>): GraphPubSub {
  return {
    publish: (change) => pubsub.publish(GRAPH_CHANGED_CHANNEL, change),
    subscribe: () =>
      pipe(
        pubsub.subscribe(GRAPH_CHANGED_CHANNEL),
        filter((change): change is GraphChange => change !== null),
      ),
  };
}

/** Live updates within this process (through `eventTarget`): enough for one server instance. */
export function createGraphPubSub(eventTarget: EventTarget = new EventTarget()): GraphPubSub {
  return over(createPubSub<Events>({ eventTarget }));
}

// Every field is a string or a list of strings, so a change arrives through JSON exactly as it was sent;
// a new field of another type would fail this `satisfies` until it is given a wire form here.
const GraphChangeMessage = z.object({
  batch: z.string(),
  at: z.string(),
  by: z.string(),
  entityIds: z.array(z.string()),
  relationIds: z.array(z.string()),
  deletedIds: z.array(z.string()),
}) satisfies z.ZodType<GraphChange>;

/** Reads a message from the Redis channel; anything else than a GraphChange becomes null. */
export function parseGraphChange(message: string): GraphChange | null {
  try {
    const parsed = GraphChangeMessage.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function redisOptions(role: 'publish' | 'subscribe'): RedisOptions {
  return {
    connectionName: `govgraph-${role}`,
    lazyConnect: true,
    // While Redis is away, commands wait for the reconnect instead of failing: the event target
    // does not handle a failed publish or subscribe, and an edit must never fail because of Redis.
    maxRetriesPerRequest: null,
  };
}

/**
 * Live updates through Redis pub/sub (graphql-yoga's Redis event target), so a change made
 * through any instance reaches subscribers of all of them. Two connections, because a Redis
 * connection that subscribes can do nothing else. Fails with a ConfigError when Redis cannot
 * be reached at start-up; later outages are logged and ioredis reconnects and resubscribes.
 */
export async function connectRedisPubSub(url: string, log: (line: string) => void = console.log): Promise<LiveUpdates> {
  const shown = withoutPassword(url);
  const publisher = new Redis(url, redisOptions('publish'));
  const subscriber = new Redis(url, redisOptions('subscribe'));
  const clients = [publisher, subscriber];
  let firstError: Error | undefined;
  let starting = true;
  // One line when Redis goes away and one when both connections are back, not one per retry.
  const down = new Set<Redis>();
  for (const client of clients) {
    client.on('error', (error: Error) => {
      firstError ??= error;
      if (starting || down.has(client)) return;
      if (down.size === 0) {
        log(
          `Redis at ${shown} is unreachable (${error.message}); live updates between instances pause until it ` +
            'is back, and changes made meanwhile may not be announced. The API keeps working.',
        );
      }
      down.add(client);
    });
    client.on('ready', () => {
      if (!down.delete(client) || down.size > 0) return;
      log(`Redis at ${shown} is back; live updates between instances resume.`);
    });
  }
  try {
    await Promise.all(clients.map((client) => client.connect()));
  } catch (error) {
    for (const client of clients) client.disconnect();
    const reason = messageOf(firstError ?? error).replace(/\.+$/, '');
    throw new ConfigError(
      `Cannot use Redis at GOVGRAPH_REDIS_URL (${shown}): ${reason}. Check that Redis runs there and the URL ` +
        '(with its password) is right, or unset GOVGRAPH_REDIS_URL to keep live updates within this one instance.',
    );
  }
  starting = false;
  const eventTarget = createRedisEventTarget<CustomEvent<GraphChange | null>>({
    publishClient: publisher,
    subscribeClient: subscriber,
    serializer: { stringify: (change) => JSON.stringify(change), parse: parseGraphChange },
  });
  return {
    pubsub: over(createPubSub<Events>({ eventTarget })),
    where: `through Redis at ${shown}, to subscribers of every instance using it`,
    async close() {
      await Promise.all(
        clients.map(async (client) => {
          // QUIT lets queued publishes go out first; a connection that is down has nothing to wait for.
          if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
          else client.disconnect();
        }),
      );
    },
  };
}

/** Redis when GOVGRAPH_REDIS_URL is set, else within this process. */
export async function openLiveUpdates(
  redisUrl: string | undefined,
  log: (line: string) => void = console.log,
): Promise<LiveUpdates> {
  if (redisUrl) return connectRedisPubSub(redisUrl, log);
  return {
    pubsub: createGraphPubSub(),
    where: 'within this instance (GOVGRAPH_REDIS_URL unset)',
    close: async () => {},
  };
}
