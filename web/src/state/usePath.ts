import { useEffect, useState } from 'react';
import { ApiError, fetchPaths, type PathsResult } from '../api.js';

export interface PathLoad {
  readonly result: PathsResult | null;
  readonly loading: boolean;
  readonly error: string | null;
}

/** The shortest connections of the view's path search, as of the view's day. */
export function usePath(path: { from: string; to: string } | null, asOf: string | null): PathLoad {
  const [state, setState] = useState<PathLoad>({ result: null, loading: false, error: null });
  const from = path?.from ?? null;
  const to = path?.to ?? null;
  useEffect(() => {
    if (!from || !to) {
      setState({ result: null, loading: false, error: null });
      return;
    }
    let cancelled = false;
    setState({ result: null, loading: true, error: null });
    fetchPaths(from, to, asOf)
      .then((result) => {
        if (!cancelled) setState({ result, loading: false, error: null });
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setState({ result: null, loading: false, error: error instanceof ApiError ? error.message : String(error) });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [from, to, asOf]);
  return state;
}
