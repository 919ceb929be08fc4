import { createClient } from 'graphql-sse';
import { useEffect, useRef } from 'react';
import { GraphChangedDocument, type GraphChangedSubscription } from '../generated/graphql.js';

export type GraphChange = GraphChangedSubscription['graphChanged'];

/**
 * Tells the open explorer what changed in the graph, as it happens: the
 * `graphChanged` subscription over server-sent events (graphql-sse client,
 * reconnecting on its own after the server or the network was away).
 */
export function useLiveChanges(onChange: (change: GraphChange) => void, audit: boolean): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    const client = createClient({
      url: new URL('/graphql', window.location.href).toString(),
      retryAttempts: Number.POSITIVE_INFINITY,
      retry: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 30_000))),
    });
    const stop = client.subscribe<GraphChangedSubscription>(
      // Who made a change is for editors (the API refuses it to others); a new role subscribes anew.
      { query: GraphChangedDocument.toString(), variables: { audit } },
      {
        next: (result) => {
          if (result.data) handler.current(result.data.graphChanged);
        },
        error: () => {},
        complete: () => {},
      },
    );
    return () => {
      stop();
      client.dispose();
    };
  }, [audit]);
}
