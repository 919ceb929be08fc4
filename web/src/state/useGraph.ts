import { useEffect, useRef, useState } from 'react';
import { ApiError, fetchNeighborhood, type Neighborhood } from '../api.js';
import { EMPTY_GRAPH, type GraphData, mergeNeighborhood } from '../graph/elements.js';

export interface GraphLoad {
  readonly graph: GraphData;
  /** The entity the newest expansion grew from: new nodes appear next to it. */
  readonly anchorId: string | null;
  readonly loading: boolean;
  readonly truncated: boolean;
  /** Per entity on the canvas, how many neighbours were not loaded. */
  readonly hidden: ReadonlyMap<string, number>;
  readonly error: string | null;
}

function hiddenOf(hoods: readonly Neighborhood[], graph: GraphData): Map<string, number> {
  const hidden = new Map<string, number>();
  for (const hood of hoods) for (const h of hood.hiddenNeighbors) hidden.set(h.entity.id, h.count);
  for (const id of hidden.keys()) if (!graph.nodes.has(id)) hidden.delete(id);
  return hidden;
}

/**
 * The canvas content for a view: the neighbourhood of every expanded entity
 * as of the chosen day. A new expansion only fetches what is new; a new day
 * reloads everything, because every fact may have changed.
 */
export function useGraph(expanded: readonly string[], asOf: string | null): GraphLoad {
  const [state, setState] = useState<GraphLoad>({
    graph: EMPTY_GRAPH,
    anchorId: null,
    loading: false,
    truncated: false,
    hidden: new Map(),
    error: null,
  });
  const loaded = useRef<{ asOf: string | null; ids: readonly string[]; hoods: Neighborhood[] }>({
    asOf: null,
    ids: [],
    hoods: [],
  });

  useEffect(() => {
    const before = loaded.current;
    const extends_ = before.asOf === asOf && before.ids.every((id, i) => expanded[i] === id);
    const fresh = extends_ ? expanded.slice(before.ids.length) : expanded;
    if (fresh.length === 0 && extends_) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.all(fresh.map((id) => fetchNeighborhood([id], { asOf })))
      .then((hoods) => {
        if (cancelled) return;
        const all = extends_ ? [...before.hoods, ...hoods] : hoods;
        const graph = all.reduce(mergeNeighborhood, EMPTY_GRAPH);
        loaded.current = { asOf, ids: [...expanded], hoods: all };
        setState({
          graph,
          anchorId: fresh.at(-1) ?? null,
          loading: false,
          truncated: all.some((h) => h.truncated),
          hidden: hiddenOf(all, graph),
          error: null,
        });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setState((s) => ({ ...s, loading: false, error: error instanceof ApiError ? error.message : String(error) }));
      });
    return () => {
      cancelled = true;
    };
  }, [expanded, asOf]);

  return state;
}
