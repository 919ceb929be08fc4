/**
 * Where a graph counts as big, for the layout and for the canvas. Small graphs
 * keep the finer layout (fcose) and every detail drawn at all times; big ones
 * trade some of it for a page that stays responsive (see bench/frontend.ts).
 */

/**
 * Above this many nodes to place, the force-directed layout is d3-force from a shaped start
 * (`forceLayout.ts`) rather than fcose, whose refinement grows too slow: about a second for
 * 200 nodes and over ten for 1,000 on a two-core machine. New nodes of such a layout are
 * drawn only once it has placed them, not first as a heap in the middle.
 */
export const LARGE_LAYOUT = 150;

/** The algorithm that computes a layout: the force layout of many new nodes is d3-force, else the named one. */
export function layoutEngine(
  layout: 'fcose' | 'dagre' | 'concentric',
  nodes: ReadonlyArray<{ readonly fixed: boolean }>,
): 'fcose' | 'd3-force' | 'dagre' | 'concentric' {
  return layout === 'fcose' && nodes.filter((n) => !n.fixed).length > LARGE_LAYOUT ? 'd3-force' : layout;
}

/**
 * Above this many nodes on the canvas, labels are drawn only where they are legible (zoomed
 * in), relations as straight lines, hovering highlights an entity's neighbourhood without
 * fading the whole rest of the graph, and panning or zooming moves a picture of the entities
 * taken when the movement starts (relations return when it ends).
 */
export const LARGE_CANVAS = 500;
