import cytoscape, { type LayoutOptions, type NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { forceLayout } from './forceLayout.js';
import { layoutEngine } from './scale.js';
import type { LayoutName } from './types.js';

cytoscape.use(fcose);
cytoscape.use(dagre);

export interface LayoutNode {
  readonly id: string;
  /** Where it stands now, or where it was put to start from (next to the entity it came with). */
  readonly x: number;
  readonly y: number;
  /** Stays where it is: pinned, or (in the force layout) placed by an earlier layout. */
  readonly fixed: boolean;
}

export interface LayoutRequest {
  readonly layout: LayoutName;
  readonly nodes: readonly LayoutNode[];
  readonly edges: ReadonlyArray<{ readonly id: string; readonly source: string; readonly target: string }>;
}

export type Positions = Record<string, { x: number; y: number }>;

/** The size the canvas draws a node with; the layout keeps them apart by it. */
const NODE_SIZE = 34;

function options(request: LayoutRequest, fixed: readonly LayoutNode[]): LayoutOptions {
  switch (request.layout) {
    case 'fcose': {
      // Nothing placed yet: start from scratch. Otherwise place only the new nodes, around the others.
      const fresh = fixed.length === 0;
      return {
        name: 'fcose',
        animate: false,
        randomize: fresh,
        quality: fresh ? 'default' : 'proof',
        nodeRepulsion: 9000,
        idealEdgeLength: 110,
        fixedNodeConstraint: fresh ? undefined : fixed.map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } })),
      } as LayoutOptions;
    }
    case 'dagre':
      // Relations point from the part to the whole (Kreis → Land, member → body): wholes on top.
      return { name: 'dagre', rankDir: 'BT', nodeSep: 40, rankSep: 90, animate: false } as LayoutOptions;
    case 'concentric':
      // The best connected in the middle, the rest in rings around them.
      return {
        name: 'concentric',
        animate: false,
        minNodeSpacing: 40,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
  }
}

/**
 * Positions for every node of a graph, computed without a screen (headless
 * Cytoscape), so it runs in a worker and in unit tests alike. Fixed nodes keep
 * their positions; in the force layout the others settle around them, in the
 * hierarchical and concentric layouts the others are arranged among themselves.
 */
export function computeLayout(request: LayoutRequest): Positions {
  if (layoutEngine(request.layout, request.nodes) === 'd3-force') return forceLayout(request);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: NODE_SIZE, height: NODE_SIZE } }],
    elements: [
      ...request.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id }, position: { x: n.x, y: n.y } })),
      ...request.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ],
  });
  const fixed = request.nodes.filter((n) => n.fixed);
  const fixedIds = new Set(fixed.map((n) => n.id));
  const free = cy.nodes().filter((n) => !fixedIds.has(n.id()));
  if (free.nonempty()) {
    // The force layout places new nodes among all others; the others arrange only the free nodes.
    const eles = request.layout === 'fcose' ? cy.elements() : free.union(free.edgesWith(free));
    eles.layout(options(request, fixed)).run();
  }
  const positions: Positions = {};
  cy.nodes().forEach((n) => {
    const original = fixedIds.has(n.id()) ? request.nodes.find((m) => m.id === n.id()) : undefined;
    const { x, y } = original ?? n.position();
    positions[n.id()] = { x: Math.round(x), y: Math.round(y) };
  });
  cy.destroy();
  return positions;
}
