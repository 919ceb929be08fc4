import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { LayoutRequest } from './layout.js';
import { LARGE_LAYOUT } from './scale.js';
import type { Position } from './types.js';

const JITTER = 60;

/** Where a node without a position starts: next to a neighbour that has one, else in the middle. */
function startingPoint(node: NodeSingular, unplaced: ReadonlySet<string>): { x: number; y: number } {
  const placed = node.neighborhood('node').filter((n) => !unplaced.has(n.id()));
  const base = placed.nonempty() ? (placed[0] as NodeSingular).position() : { x: 0, y: 0 };
  return { x: base.x + (Math.random() - 0.5) * JITTER, y: base.y + (Math.random() - 0.5) * JITTER };
}

function sameClasses(current: readonly string[], wanted: string): boolean {
  const list = wanted.split(' ').filter(Boolean);
  return list.length === current.length && list.every((c) => current.includes(c));
}

/**
 * Brings the canvas to `elements` by id, in one batch: removes what is gone,
 * updates what changed (only that: setting data or classes restyles an element),
 * adds what is new at its position from the view, or next to a placed neighbour.
 * Returns the ids of nodes added and the elements held back: a big batch of new
 * nodes without a place (and their relations) is added only once the layout has
 * placed them, so the page neither styles them twice nor draws them as a heap
 * while the worker computes.
 */
export function patchElements(
  cy: Core,
  elements: readonly ElementDefinition[],
  positions: Readonly<Record<string, Position>>,
  unplaced: ReadonlySet<string>,
): { added: string[]; held: ElementDefinition[] } {
  const idOf = (el: ElementDefinition) => el.data.id ?? '';
  // Ids on the canvas, gathered once: a lookup per element would build thousands of collections.
  const present = new Set<string>();
  cy.elements().forEach((el) => void present.add(el.id()));
  const newcomers = elements.filter((el) => el.group === 'nodes' && !present.has(idOf(el)) && unplaced.has(idOf(el)));
  const waiting = new Set(newcomers.length > LARGE_LAYOUT ? newcomers.map(idOf) : []);
  const wanted = new Set(elements.map(idOf));
  const added: string[] = [];
  const held: ElementDefinition[] = [];
  const fresh: ElementDefinition[] = [];
  for (const el of cy.elements()) if (!wanted.has(el.id())) el.remove();
  for (const el of elements) {
    const id = idOf(el);
    if (present.has(id)) {
      const existing = cy.getElementById(id);
      if (Object.entries(el.data).some(([key, value]) => existing.data(key) !== value)) existing.data(el.data);
      const classes = Array.isArray(el.classes) ? el.classes.join(' ') : (el.classes ?? '');
      if (!sameClasses(existing.classes(), classes)) existing.classes(classes);
      continue;
    }
    if (waiting.has(id) || (el.group === 'edges' && (waiting.has(el.data.source) || waiting.has(el.data.target)))) {
      held.push(el);
      continue;
    }
    const at = positions[id];
    if (el.group === 'nodes') added.push(id);
    fresh.push(el.group === 'nodes' && at ? { ...el, position: { x: at[0], y: at[1] } } : el);
  }
  cy.add(fresh);
  // Nodes stand where the view says (after an undo, a redo or a shared link).
  cy.nodes().forEach((n) => {
    const at = positions[n.id()];
    if (at && (n.position().x !== at[0] || n.position().y !== at[1])) n.position({ x: at[0], y: at[1] });
  });
  for (const id of added) {
    if (unplaced.has(id)) cy.getElementById(id).position(startingPoint(cy.getElementById(id), unplaced));
  }
  return { added, held };
}

/**
 * What the layout gets: every node on the canvas and every held-back one, with where it
 * stands or starts (a held-back node next to a placed neighbour, found through the held
 * relations), and whether it stays put (pinned, or placed before in the force layout).
 */
export function layoutRequest(
  cy: Core,
  held: readonly ElementDefinition[],
  layout: LayoutRequest['layout'],
  pinned: ReadonlySet<string>,
  unplaced: ReadonlySet<string>,
): LayoutRequest {
  const heldNodes = held.filter((el) => el.group === 'nodes').map((el) => el.data.id ?? '');
  const heldEdges = held.filter((el) => el.group === 'edges');
  const start = new Map<string, { x: number; y: number }>();
  for (const e of heldEdges) {
    for (const [mine, other] of [
      [e.data.target, e.data.source],
      [e.data.source, e.data.target],
    ] as const) {
      const near = cy.getElementById(other ?? '');
      if (mine && !start.has(mine) && near.nonempty() && !unplaced.has(near.id())) {
        const at = near.position();
        start.set(mine, { x: at.x + (Math.random() - 0.5) * JITTER, y: at.y + (Math.random() - 0.5) * JITTER });
      }
    }
  }
  return {
    layout,
    nodes: [
      ...cy.nodes().map((n) => ({
        id: n.id(),
        x: n.position().x,
        y: n.position().y,
        fixed: pinned.has(n.id()) || (layout === 'fcose' && !unplaced.has(n.id())),
      })),
      ...heldNodes.map((id) => ({ id, ...(start.get(id) ?? { x: 0, y: 0 }), fixed: false })),
    ],
    edges: [
      ...cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
      ...heldEdges.map((e) => ({ id: e.data.id ?? '', source: e.data.source ?? '', target: e.data.target ?? '' })),
    ],
  };
}
