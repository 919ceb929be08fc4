import type { ElementDefinition } from 'cytoscape';
import type { EntitySummary, Neighborhood, RelationSummary } from '../api.js';
import { relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';

/** What the canvas shows, by id: the explorer's domain state, apart from positions. */
export interface GraphData {
  readonly nodes: ReadonlyMap<string, EntitySummary>;
  readonly edges: ReadonlyMap<string, RelationSummary>;
}

export const EMPTY_GRAPH: GraphData = { nodes: new Map(), edges: new Map() };

/** Adds a neighbourhood (or a path's entities and relations) to the graph, without duplicates. */
export function mergeNeighborhood(
  graph: GraphData,
  hood: { readonly nodes: readonly EntitySummary[]; readonly edges: readonly RelationSummary[] },
): GraphData {
  const nodes = new Map(graph.nodes);
  for (const node of hood.nodes) nodes.set(node.id, node);
  const edges = new Map(graph.edges);
  for (const edge of hood.edges) if (nodes.has(edge.from.id) && nodes.has(edge.to.id)) edges.set(edge.id, edge);
  return { nodes, edges };
}

const MAX_EDGE_LABEL = 40;
const shorten = (text: string) => (text.length > MAX_EDGE_LABEL ? `${text.slice(0, MAX_EDGE_LABEL - 1)}…` : text);

export function edgeLabel(edge: RelationSummary, language: Language = 'de'): string {
  const type = relationLabel(edge.type, language);
  return edge.role ? `${type} (${edge.role})` : type;
}

/**
 * The canvas's graph from the loaded neighbourhoods and the entities placed
 * alone, without removed entities; with, per entity, how many neighbours were
 * left out (the smallest count any neighbourhood reports: the others loaded more).
 */
export function composeGraph(
  loaded: ReadonlyArray<{ readonly id: string; readonly allTypes: boolean; readonly hood: Neighborhood }>,
  alone: readonly EntitySummary[],
  removed: ReadonlySet<string>,
): { graph: GraphData; hidden: Map<string, number>; truncated: boolean } {
  const hoods = loaded.map((l) => l.hood);
  const merged = mergeNeighborhood(hoods.reduce(mergeNeighborhood, EMPTY_GRAPH), { nodes: alone, edges: [] });
  const nodes = new Map([...merged.nodes].filter(([id]) => !removed.has(id)));
  const edges = new Map([...merged.edges].filter(([, e]) => nodes.has(e.from.id) && nodes.has(e.to.id)));
  const hidden = new Map<string, number>();
  for (const hood of hoods) {
    for (const h of hood.hiddenNeighbors) {
      if (nodes.has(h.entity.id)) hidden.set(h.entity.id, Math.min(hidden.get(h.entity.id) ?? h.count, h.count));
    }
  }
  // An entity whose own neighbourhood (of every type) was loaded in full has nothing left out.
  for (const { id, allTypes, hood } of loaded) {
    if (allTypes && !hood.hiddenNeighbors.some((h) => h.entity.id === id)) hidden.delete(id);
  }
  return { graph: { nodes, edges }, hidden, truncated: hoods.some((h) => h.truncated) };
}

/** What the canvas marks on its elements, by id. */
export interface Marks {
  /** A found path. */
  readonly path?: ReadonlySet<string>;
  /** Everything one article says. */
  readonly article?: ReadonlySet<string>;
  readonly pinned?: ReadonlySet<string>;
  readonly expanded?: ReadonlySet<string>;
}

/** Cytoscape elements for the graph: data only, positions are the canvas's business. */
export function toElements(graph: GraphData, language: Language = 'de', marks: Marks = {}): ElementDefinition[] {
  const classes = (id: string) =>
    [
      marks.path?.has(id) ? 'path' : '',
      marks.article?.has(id) ? 'article' : '',
      marks.pinned?.has(id) ? 'pinned' : '',
      marks.expanded?.has(id) ? 'expanded' : '',
    ]
      .filter(Boolean)
      .join(' ');
  const nodes: ElementDefinition[] = [...graph.nodes.values()].map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind },
    classes: classes(node.id),
  }));
  const edges: ElementDefinition[] = [...graph.edges.values()].map((edge) => ({
    group: 'edges',
    // The role ("Landes-CIO") is part of the label, cut short so the picture does not drown in text.
    data: {
      id: edge.id,
      source: edge.from.id,
      target: edge.to.id,
      label: shorten(edgeLabel(edge, language)),
      type: edge.type,
    },
    classes: classes(edge.id),
  }));
  return [...nodes, ...edges];
}

/**
 * The graph without entities of hidden kinds, relations of hidden types and
 * entities hidden one by one (nor relations to anything hidden).
 */
export function filterGraph(
  graph: GraphData,
  hiddenKinds: readonly string[],
  hiddenTypes: readonly string[],
  hiddenIds: readonly string[] = [],
): GraphData {
  if (hiddenKinds.length === 0 && hiddenTypes.length === 0 && hiddenIds.length === 0) return graph;
  const kinds = new Set(hiddenKinds);
  const types = new Set(hiddenTypes);
  const ids = new Set(hiddenIds);
  const nodes = new Map([...graph.nodes].filter(([id, node]) => !kinds.has(node.kind) && !ids.has(id)));
  const edges = new Map(
    [...graph.edges].filter(([, e]) => !types.has(e.type) && nodes.has(e.from.id) && nodes.has(e.to.id)),
  );
  return { nodes, edges };
}
