import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import type { LayoutRequest, Positions } from './layout.js';

/**
 * The force-directed layout for big graphs: d3-force (Barnes–Hut many-body
 * force, O(n log n) a step, where fcose's CoSE phase took over 10 s for 1,000
 * nodes) from a start that already has the graph's shape, so a few dozen steps
 * suffice. The start groups every entity with its best-connected neighbour
 * (a ministry with its staff, a Land with its Kreise): such groups on a
 * sunflower spiral, each group's members on a small spiral around it.
 * Pinned and already placed nodes stay where they are; new ones start where
 * the canvas put them (next to a neighbour) and settle around the others.
 */

interface SimNode extends SimulationNodeDatum {
  readonly id: string;
}

/** Space per node in the starting spirals, a little more than a node and its label. */
const SPACING = 45;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Steps: more for smaller graphs (cheap there), never fewer than enough to untangle the start. */
const STEP_BUDGET = 60_000;
const MIN_STEPS = 40;
const MAX_STEPS = 120;
/** The last steps also keep nodes from overlapping (the collision force costs as much as the rest). */
const COLLIDE_STEPS = 15;

/** Positions for every node, grouped around the best-connected ones (see above). */
export function shapedStart(
  ids: readonly string[],
  edges: LayoutRequest['edges'],
): Map<string, { x: number; y: number }> {
  const around = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    around.get(e.source)?.push(e.target);
    around.get(e.target)?.push(e.source);
  }
  const degree = (id: string) => around.get(id)?.length ?? 0;
  const order = [...ids].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1));
  const taken = new Set<string>();
  const start = new Map<string, { x: number; y: number }>();
  let area = 0;
  let group = 0;
  for (const id of order) {
    if (taken.has(id)) continue;
    const members = [id, ...(around.get(id) ?? []).filter((m) => !taken.has(m) && m !== id)];
    for (const m of members) taken.add(m);
    // Groups on a spiral that keeps each group's area free of the ones before it.
    const own = members.length * SPACING * SPACING;
    const radius = group === 0 ? 0 : Math.sqrt((area + own / 2) / Math.PI) * 1.2;
    const cx = radius * Math.cos(group * GOLDEN_ANGLE);
    const cy = radius * Math.sin(group * GOLDEN_ANGLE);
    area += own;
    group += 1;
    members.forEach((m, j) => {
      const r = SPACING * Math.sqrt(j);
      start.set(m, { x: cx + r * Math.cos(j * GOLDEN_ANGLE), y: cy + r * Math.sin(j * GOLDEN_ANGLE) });
    });
  }
  return start;
}

export function forceLayout(request: LayoutRequest): Positions {
  const fixed = request.nodes.filter((n) => n.fixed);
  // Nothing placed yet: start from the graph's shape; otherwise new nodes start where the canvas put them.
  const start =
    fixed.length === 0
      ? shapedStart(
          request.nodes.map((n) => n.id),
          request.edges,
        )
      : null;
  const nodes: SimNode[] = request.nodes.map((n) => {
    const at = start?.get(n.id) ?? { x: n.x, y: n.y };
    return n.fixed ? { id: n.id, x: n.x, y: n.y, fx: n.x, fy: n.y } : { id: n.id, x: at.x, y: at.y };
  });
  const known = new Set(nodes.map((n) => n.id));
  const links = request.edges
    .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
    .map((e) => ({ source: e.source, target: e.target }));
  const steps = Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.round(STEP_BUDGET / Math.max(1, nodes.length))));
  const simulation = forceSimulation(nodes)
    .alphaDecay(1 - 0.001 ** (1 / steps))
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((d) => d.id)
        .distance(70),
    )
    .force('charge', forceManyBody<SimNode>().strength(-250).theta(0.9))
    // A weak pull to the middle keeps separate parts of the graph from drifting apart.
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.04))
    .stop();
  simulation.tick(steps - COLLIDE_STEPS);
  simulation.force('collide', forceCollide<SimNode>(24));
  simulation.tick(COLLIDE_STEPS);
  const positions: Positions = {};
  for (const n of nodes) positions[n.id] = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) };
  return positions;
}
