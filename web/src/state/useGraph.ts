import { useEffect, useRef, useState } from 'react';
import { ApiError, type EntitySummary, fetchEntities, fetchNeighborhood, type Neighborhood } from '../api.js';
import { composeGraph, EMPTY_GRAPH, type GraphData } from '../graph/elements.js';
import { type Expansion, PAGE_SIZE } from './view.js';

export interface GraphLoad {
  readonly graph: GraphData;
  readonly loading: boolean;
  readonly truncated: boolean;
  /** Per entity on the canvas, how many neighbours were not loaded. */
  readonly hidden: ReadonlyMap<string, number>;
  readonly error: string | null;
  /** Ids the view names that the graph no longer holds (a link older than the data). */
  readonly missing: readonly string[];
}

interface Wanted {
  readonly expanded: readonly Expansion[];
  readonly placed: readonly string[];
  readonly removed: readonly string[];
  readonly asOf: string | null;
}

const GONE: Neighborhood = { truncated: false, nodes: [], edges: [], hiddenNeighbors: [] };

const keyOf = (e: Expansion, asOf: string | null) => `${asOf ?? ''}|${e.id}|${e.types.join('.')}|${e.pages}`;

/**
 * The canvas content for a view: the neighbourhood of every expansion as of
 * the chosen day, the entities placed alone, without those removed. Each
 * neighbourhood is fetched once and kept, so undo, redo and collapse show
 * what was loaded before without asking the server again — until `revision`
 * changes, which says the graph itself changed.
 */
export function useGraph({ expanded, placed, removed, asOf }: Wanted, revision = 0): GraphLoad {
  const [state, setState] = useState<GraphLoad>({
    graph: EMPTY_GRAPH,
    loading: false,
    truncated: false,
    hidden: new Map(),
    error: null,
    missing: [],
  });
  const hoods = useRef(new Map<string, Promise<Neighborhood>>());
  const entities = useRef(new Map<string, Promise<EntitySummary | null>>());
  const seen = useRef(revision);

  useEffect(() => {
    let cancelled = false;
    // The graph changed (an edit here or elsewhere): what was loaded before is stale.
    if (seen.current !== revision) {
      seen.current = revision;
      hoods.current.clear();
      entities.current.clear();
    }
    const loadHood = (e: Expansion) => {
      const key = keyOf(e, asOf);
      let hood = hoods.current.get(key);
      if (!hood) {
        hood = fetchNeighborhood([e.id], { asOf, relationTypes: e.types, limit: e.pages * PAGE_SIZE }).catch(
          (error: unknown) => {
            // An entity deleted since the link was made: nothing to show for it, the rest still loads.
            if (error instanceof ApiError && error.code === 'NOT_FOUND') return GONE;
            throw error;
          },
        );
        hoods.current.set(key, hood);
        // A failed request is not kept: the next change tries again.
        hood.catch(() => hoods.current.delete(key));
      }
      return hood;
    };
    const loadEntities = (ids: readonly string[]) => {
      const missing = ids.filter((id) => !entities.current.has(id));
      if (missing.length > 0) {
        const batch = fetchEntities(missing);
        for (const id of missing) {
          const one = batch.then((found) => found.find((n) => n.id === id) ?? null);
          entities.current.set(id, one);
          one.catch(() => entities.current.delete(id));
        }
      }
      return Promise.all(ids.map((id) => entities.current.get(id) as Promise<EntitySummary | null>));
    };
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.all([Promise.all(expanded.map(loadHood)), loadEntities(placed)])
      .then(([loaded, alone]) => {
        if (cancelled) return;
        const missing = [
          ...expanded.filter((_, i) => loaded[i] === GONE).map((e) => e.id),
          ...placed.filter((_, i) => alone[i] === null),
        ];
        const { graph, hidden, truncated } = composeGraph(
          loaded.map((hood, i) => ({ id: expanded[i]?.id ?? '', allTypes: expanded[i]?.types.length === 0, hood })),
          alone.filter((n): n is EntitySummary => n !== null),
          new Set(removed),
        );
        setState({ graph, loading: false, truncated, hidden, error: null, missing });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setState((s) => ({ ...s, loading: false, error: error instanceof ApiError ? error.message : String(error) }));
      });
    return () => {
      cancelled = true;
    };
  }, [expanded, placed, removed, asOf, revision]);

  return state;
}
