import { useMemo } from 'react';
import { filterGraph, type Marks, mergeNeighborhood } from '../graph/elements.js';
import type { ArticleLoad } from './useArticle.js';
import type { GraphLoad } from './useGraph.js';
import type { PathLoad } from './usePath.js';
import type { ViewState } from './view.js';

/**
 * What the canvas and the lists show: the expanded neighbourhoods with a found path and a highlighted article
 * joined, marked, on top (`full`); that minus what the filters and the view hide (`graph`); and the marks,
 * pins and expansions the canvas draws.
 */
export function useCanvasGraph(view: ViewState, loaded: GraphLoad, path: PathLoad, article: ArticleLoad) {
  const full = useMemo(() => {
    let graph = loaded.graph;
    if (path.result) graph = mergeNeighborhood(graph, path.result);
    if (article.article)
      graph = mergeNeighborhood(graph, { nodes: article.article.entities, edges: article.article.facts });
    return graph;
  }, [loaded.graph, path.result, article.article]);
  const graph = useMemo(
    () => filterGraph(full, view.hiddenKinds, view.hiddenTypes, view.hidden),
    [full, view.hiddenKinds, view.hiddenTypes, view.hidden],
  );
  const relationTypes = useMemo(() => [...new Set([...full.edges.values()].map((e) => e.type))].sort(), [full]);
  const pinned = useMemo(() => new Set(view.pinned), [view.pinned]);
  const expanded = useMemo(() => new Set(view.expanded.map((e) => e.id)), [view.expanded]);
  const marks = useMemo<Marks>(() => {
    const facts = article.article?.facts ?? [];
    return {
      path: new Set(path.result ? [...path.result.nodes.map((n) => n.id), ...path.result.edges.map((e) => e.id)] : []),
      article: new Set(facts.flatMap((f) => [f.id, f.from.id, f.to.id])),
      pinned,
      expanded,
    };
  }, [path.result, article.article, pinned, expanded]);
  const onCanvas = useMemo(() => new Set(full.nodes.keys()), [full]);
  const { language } = view;
  // The list beside the canvas: what is shown, and what is hidden, each by name.
  const nodes = useMemo(
    () => [...graph.nodes.values()].sort((a, b) => a.name.localeCompare(b.name, language)),
    [graph, language],
  );
  const hiddenNodes = useMemo(
    () => view.hidden.flatMap((id) => full.nodes.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name, language)),
    [view.hidden, full, language],
  );
  return { full, graph, relationTypes, pinned, expanded, marks, onCanvas, nodes, hiddenNodes };
}
