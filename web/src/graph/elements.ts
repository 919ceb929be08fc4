import type { ElementDefinition } from 'cytoscape';
import type { EntitySummary, Neighborhood, RelationSummary } from '../api.js';
import { relationLabel } from '../i18n/labels.js';
import type { Language } from '../state/view.js';

/** What the canvas shows, by id: the explorer's domain state, apart from positions. */
export interface GraphData {
  readonly nodes: ReadonlyMap<string, EntitySummary>;
  readonly edges: ReadonlyMap<string, RelationSummary>;
}

export const EMPTY_GRAPH: GraphData = { nodes: new Map(), edges: new Map() };

/** Adds a neighbourhood (or a path's entities and relations) to the graph, without duplicates. */
export function mergeNeighborhood(graph: GraphData, hood: Pick<Neighborhood, 'nodes' | 'edges'>): GraphData {
  const nodes = new Map(graph.nodes);
  for (const node of hood.nodes) nodes.set(node.id, node);
  const edges = new Map(graph.edges);
  for (const edge of hood.edges) if (nodes.has(edge.from.id) && nodes.has(edge.to.id)) edges.set(edge.id, edge);
  return { nodes, edges };
}

export function edgeLabel(edge: RelationSummary, language: Language = 'de'): string {
  const type = relationLabel(edge.type, language);
  return edge.role ? `${type} (${edge.role})` : type;
}

/** Cytoscape elements for the graph: data only, positions are the canvas's business. */
export function toElements(
  graph: GraphData,
  language: Language = 'de',
  highlight: ReadonlySet<string> = new Set(),
): ElementDefinition[] {
  const classes = (id: string) => (highlight.has(id) ? 'path' : '');
  const nodes: ElementDefinition[] = [...graph.nodes.values()].map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind },
    classes: classes(node.id),
  }));
  const edges: ElementDefinition[] = [...graph.edges.values()].map((edge) => ({
    group: 'edges',
    // The role stays in the details panel; on the canvas it would bury the picture in text.
    data: {
      id: edge.id,
      source: edge.from.id,
      target: edge.to.id,
      label: relationLabel(edge.type, language),
      type: edge.type,
    },
    classes: classes(edge.id),
  }));
  return [...nodes, ...edges];
}

/** The graph without entities of hidden kinds and relations of hidden types (nor relations to hidden entities). */
export function filterGraph(
  graph: GraphData,
  hiddenKinds: readonly string[],
  hiddenTypes: readonly string[],
): GraphData {
  if (hiddenKinds.length === 0 && hiddenTypes.length === 0) return graph;
  const kinds = new Set(hiddenKinds);
  const types = new Set(hiddenTypes);
  const nodes = new Map([...graph.nodes].filter(([, node]) => !kinds.has(node.kind)));
  const edges = new Map(
    [...graph.edges].filter(([, e]) => !types.has(e.type) && nodes.has(e.from.id) && nodes.has(e.to.id)),
  );
  return { nodes, edges };
}
