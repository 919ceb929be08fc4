import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LayoutName, Position } from '../state/view.js';
import { type GraphData, type Marks, toElements } from './elements.js';
import type { LayoutRequest, Positions } from './layout.js';
import { type LayoutResult, runLayout } from './layoutClient.js';
import { STYLESHEET } from './style.js';

cytoscape.use(cytoscapeSvg);

/** Pictures of the whole canvas, for export. */
export interface CanvasHandle {
  png(): Promise<Blob>;
  svg(): string;
}

/** Why positions changed: a layout placed nodes (part of the step that added them), or a person dragged some. */
export type PositionSource = 'layout' | 'drag';

interface Props {
  readonly graph: GraphData;
  readonly language: Language;
  readonly marks: Marks;
  readonly selectedId: string | null;
  readonly layout: LayoutName;
  /** Where nodes stand (from the view); nodes without a position are placed by the layout. */
  readonly positions: Readonly<Record<string, Position>>;
  readonly pinned: ReadonlySet<string>;
  readonly onExpand: (id: string) => void;
  readonly onSelect: (id: string | null) => void;
  /** A right-click (or long press) on a node: its menu, at these page coordinates. */
  readonly onMenu: (id: string, at: { x: number; y: number }) => void;
  readonly onPositions: (positions: Positions, source: PositionSource) => void;
  readonly canvasRef?: { current: CanvasHandle | null };
}

declare global {
  interface Window {
    /** Read-only view of the canvas for end-to-end tests and browser consoles. */
    govgraphCanvas?: {
      nodes(): Array<{ id: string; x: number; y: number; mx: number; my: number; visible: boolean; classes: string[] }>;
      edges(): string[];
      highlighted(): string[];
      /** Elements marked as said by the highlighted article. */
      article(): string[];
      /** A point on the relation's line, off every node and its label, where a click selects the relation. */
      midpoint(edgeId: string): { x: number; y: number } | null;
      /** True when no layout is running: positions are final. */
      settled(): boolean;
      /** How many layouts ran since the page loaded. */
      layouts(): number;
      /** What the latest layout did and when (page clock, ms), once its positions are on the canvas. */
      lastLayout(): LayoutTiming | null;
      /** Which of Cytoscape's renderers draws the canvas. */
      renderer(): 'canvas' | 'webgl';
    };
  }
}

/** One layout's course, for benchmarks and tests: where it ran and its steps on the page's clock. */
export interface LayoutTiming {
  readonly layout: LayoutName;
  readonly nodes: number;
  readonly edges: number;
  readonly where: 'worker' | 'main';
  /** Time spent computing positions (in the worker, or on the main thread when it had to run there). */
  readonly computeMs: number;
  readonly requestedAt: number;
  readonly receivedAt: number;
  /** Positions applied and the view fitted. */
  readonly appliedAt: number;
  /** The first frame after that, once the canvas has drawn it; null until then. */
  drawnAt: number | null;
}

const MAX_FIT_ZOOM = 1.1;
const JITTER = 60;

function showSelection(cy: Core, id: string | null): void {
  cy.elements(':selected').unselect();
  if (id) cy.getElementById(id).select();
}

/** A layout in the worker; where workers are missing or fail, on this thread (loaded only then). */
async function layoutOffThread(request: LayoutRequest): Promise<LayoutResult & { where: 'worker' | 'main' }> {
  if (typeof Worker !== 'undefined') {
    try {
      return { ...(await runLayout(request)), where: 'worker' };
    } catch {
      // Falls through to the main thread.
    }
  }
  const { computeLayout } = await import('./layout.js');
  const started = performance.now();
  const positions = computeLayout(request);
  return { positions, ms: performance.now() - started, where: 'main' };
}

function fitToView(cy: Core): void {
  cy.fit(undefined, 40);
  // A handful of nodes would otherwise be blown up to fill the screen.
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/** Where a node without a position starts: next to a neighbour that has one, else in the middle. */
function startingPoint(node: NodeSingular, unplaced: ReadonlySet<string>): { x: number; y: number } {
  const placed = node.neighborhood('node').filter((n) => !unplaced.has(n.id()));
  const base = placed.nonempty() ? (placed[0] as NodeSingular).position() : { x: 0, y: 0 };
  return { x: base.x + (Math.random() - 0.5) * JITTER, y: base.y + (Math.random() - 0.5) * JITTER };
}

/**
 * Owns the Cytoscape instance: created once, patched by id. Nodes stand where
 * the view says; those without a place are laid out in a worker, around the
 * others, and the result goes back to the view (and so into the URL).
 */
export function GraphCanvas({
  graph,
  language,
  marks,
  selectedId,
  layout,
  positions,
  pinned,
  onExpand,
  onSelect,
  onMenu,
  onPositions,
  canvasRef,
}: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onExpand, onSelect, onMenu, onPositions });
  handlers.current = { onExpand, onSelect, onMenu, onPositions };
  const selected = useRef(selectedId);
  selected.current = selectedId;
  const layoutState = useRef({ running: 0, runs: 0, seq: 0, fitted: false, last: null as LayoutTiming | null });

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({ container: container.current, style: STYLESHEET, wheelSensitivity: 0.3, maxZoom: 3 });
    cy.on('dbltap', 'node', (event) => handlers.current.onExpand(event.target.id()));
    cy.on('tap', 'node', (event) => handlers.current.onSelect(event.target.id()));
    // A click on a relation shows its sources.
    cy.on('tap', 'edge', (event) => handlers.current.onSelect(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    cy.on('cxttap', 'node', (event) => {
      const box = container.current?.getBoundingClientRect();
      const at = event.renderedPosition ?? event.target.renderedPosition();
      handlers.current.onSelect(event.target.id());
      handlers.current.onMenu(event.target.id(), { x: (box?.left ?? 0) + at.x, y: (box?.top ?? 0) + at.y });
    });
    cy.on('dragfree', 'node', () => {
      const moved: Positions = {};
      cy.nodes().forEach((n) => {
        moved[n.id()] = { x: Math.round(n.position().x), y: Math.round(n.position().y) };
      });
      handlers.current.onPositions(moved, 'drag');
    });
    cy.on('mouseover', 'node', (event) => {
      const near = event.target.closedNeighborhood();
      cy.batch(() => {
        cy.elements().not(near).addClass('faded');
        near.addClass('hover');
      });
    });
    cy.on('mouseout', 'node', () => cy.batch(() => cy.elements().removeClass('faded hover')));
    // The canvas area changes size with the window and when a banner comes or goes.
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container.current);
    cyRef.current = cy;
    if (canvasRef) {
      canvasRef.current = {
        png: () => cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob-promise' }),
        svg: () => cy.svg({ full: true, bg: '#ffffff' }),
      };
    }
    const state = layoutState.current;
    window.govgraphCanvas = {
      nodes: () =>
        cy.nodes().map((n) => ({
          id: n.id(),
          x: n.renderedPosition().x,
          y: n.renderedPosition().y,
          mx: n.position().x,
          my: n.position().y,
          visible: n.visible(),
          classes: n.classes(),
        })),
      edges: () => cy.edges().map((e) => e.id()),
      highlighted: () => cy.elements('.path').map((el) => el.id()),
      article: () => cy.elements('.article').map((el) => el.id()),
      midpoint: (edgeId) => {
        const edge = cy.getElementById(edgeId);
        if (edge.empty() || !edge.isEdge()) return null;
        const from = edge.source().renderedPosition();
        const to = edge.target().renderedPosition();
        const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
          const p = { x: from.x + t * (to.x - from.x), y: from.y + t * (to.y - from.y) };
          if (!boxes.some((b) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2)) return p;
        }
        return edge.renderedMidpoint();
      },
      settled: () => state.running === 0,
      layouts: () => state.runs,
      lastLayout: () => state.last,
      renderer: () => 'canvas',
    };
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
      if (canvasRef) canvasRef.current = null;
      delete window.govgraphCanvas;
    };
  }, [canvasRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const elements = toElements(graph, language, marks);
    const wanted = new Set(elements.map((el) => el.data.id));
    const unplaced = new Set([...graph.nodes.keys()].filter((id) => !positions[id]));
    const added: string[] = [];
    cy.batch(() => {
      cy.elements().forEach((el) => {
        if (!wanted.has(el.id())) el.remove();
      });
      for (const el of elements) {
        const existing = cy.getElementById(el.data.id ?? '');
        if (existing.nonempty()) {
          existing.data(el.data);
          existing.classes(el.classes ?? '');
          continue;
        }
        const at = positions[el.data.id ?? ''];
        if (el.group === 'nodes') added.push(el.data.id ?? '');
        cy.add(el.group === 'nodes' && at ? { ...el, position: { x: at[0], y: at[1] } } : el);
      }
      // Nodes stand where the view says (after an undo, a redo or a shared link).
      cy.nodes().forEach((n) => {
        const at = positions[n.id()];
        if (at && (n.position().x !== at[0] || n.position().y !== at[1])) n.position({ x: at[0], y: at[1] });
      });
      for (const id of added) {
        if (unplaced.has(id)) cy.getElementById(id).position(startingPoint(cy.getElementById(id), unplaced));
      }
      // The selected entity may only now have arrived on the canvas.
      showSelection(cy, selected.current);
    });
    const state = layoutState.current;
    if (unplaced.size === 0) {
      state.seq += 1;
      if (!state.fitted && cy.nodes().nonempty()) {
        fitToView(cy);
        state.fitted = true;
      }
      return;
    }
    const request: LayoutRequest = {
      layout,
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        x: n.position().x,
        y: n.position().y,
        fixed: pinned.has(n.id()) || (layout === 'fcose' && !unplaced.has(n.id())),
      })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
    state.seq += 1;
    const seq = state.seq;
    state.running += 1;
    const requestedAt = performance.now();
    void layoutOffThread(request)
      .then(({ positions: placed, ms, where }) => {
        // A newer graph came while this one was laid out: its own layout will report.
        if (seq !== state.seq || cy.destroyed()) return;
        const receivedAt = performance.now();
        cy.batch(() => {
          cy.nodes().forEach((n) => {
            const at = placed[n.id()];
            if (at) n.position(at);
          });
        });
        fitToView(cy);
        state.fitted = true;
        state.runs += 1;
        const timing: LayoutTiming = {
          layout,
          nodes: request.nodes.length,
          edges: request.edges.length,
          where,
          computeMs: ms,
          requestedAt,
          receivedAt,
          appliedAt: performance.now(),
          drawnAt: null,
        };
        state.last = timing;
        // Cytoscape draws in its own animation frame, which comes before this one.
        requestAnimationFrame(() => {
          timing.drawnAt = performance.now();
        });
        handlers.current.onPositions(placed, 'layout');
      })
      .finally(() => {
        state.running -= 1;
      });
  }, [graph, language, marks, positions, layout, pinned]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) cy.batch(() => showSelection(cy, selectedId));
  }, [selectedId]);

  return <div ref={container} className="canvas" data-testid="canvas" role="img" aria-label={t('canvas.label')} />;
}
