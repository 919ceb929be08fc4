import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.js';
import { edgeClickPoint } from './clickPoint.js';
import { type GraphData, type Marks, toElements } from './elements.js';
import type { LayoutRequest, Positions } from './layout.js';
import { type LayoutResult, runLayout, warmLayoutWorker } from './layoutClient.js';
import { layoutRequest, patchElements } from './patch.js';
import { LARGE_CANVAS, layoutEngine } from './scale.js';
import { LARGE_STYLESHEET, STYLESHEET } from './style.js';
import type { LayoutName, Position } from './types.js';

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
    /** Read-only view of the canvas for end-to-end tests and benchmarks: only in a test build (mode `test`). */
    govgraphCanvas?: {
      nodes(): Array<{ id: string; x: number; y: number; mx: number; my: number; visible: boolean; classes: string[] }>;
      edges(): string[];
      /** The text Cytoscape draws beside each entity and relation (empty where it draws none). */
      labels(): Record<string, string>;
      highlighted(): string[];
      /** Elements marked as said by the highlighted article. */
      article(): string[];
      /** A point on the relation's drawn line where a click selects it and nothing else (clickPoint.ts). */
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
  /** The algorithm that ran: the force layout of many new nodes is d3-force (scale.ts). */
  readonly engine: ReturnType<typeof layoutEngine>;
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
/** Held-back elements added per frame once their layout is back (see patchElements). */
const HELD_SLICE = 1500;

/** After the canvas has drawn its next frame and the page has had a turn for input. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
/** Half a node and a line of its label, around each node's centre when fitting a big graph. */
const NODE_MARGIN = 30;

function showSelection(cy: Core, id: string | null): void {
  cy.elements(':selected').unselect();
  if (id) cy.getElementById(id).select();
}

/**
 * A layout in the worker; where workers are missing or fail, on this thread (loaded only then).
 * Null when a newer layout superseded it.
 */
async function layoutOffThread(request: LayoutRequest): Promise<(LayoutResult & { where: 'worker' | 'main' }) | null> {
  if (typeof Worker !== 'undefined') {
    try {
      const result = await runLayout(request);
      return result && { ...result, where: 'worker' };
    } catch {
      // Falls through to the main thread.
    }
  }
  const { computeLayout } = await import('./layout.js');
  const started = performance.now();
  const positions = computeLayout(request);
  return { positions, ms: performance.now() - started, where: 'main' };
}

/**
 * Fits the view to the graph. A big one is fitted around its nodes' centres (`points`, by default where
 * the canvas's nodes stand): the exact box with every label and relation would first measure them all.
 */
function fitToView(cy: Core, points?: ReadonlyArray<{ x: number; y: number }>): void {
  const centres = points ?? (cy.nodes().length > LARGE_CANVAS ? cy.nodes().map((n) => n.position()) : null);
  if (centres && centres.length > 0) {
    const box = { x1: Number.POSITIVE_INFINITY, y1: Number.POSITIVE_INFINITY, x2: -Infinity, y2: -Infinity };
    for (const { x, y } of centres) {
      box.x1 = Math.min(box.x1, x - NODE_MARGIN);
      box.y1 = Math.min(box.y1, y - NODE_MARGIN);
      box.x2 = Math.max(box.x2, x + NODE_MARGIN);
      box.y2 = Math.max(box.y2, y + NODE_MARGIN);
    }
    const zoom = Math.min((cy.width() - 80) / (box.x2 - box.x1), (cy.height() - 80) / (box.y2 - box.y1));
    const z = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), zoom));
    cy.viewport({
      zoom: z,
      pan: { x: (cy.width() - z * (box.x1 + box.x2)) / 2, y: (cy.height() - z * (box.y1 + box.y2)) / 2 },
    });
  } else cy.fit(undefined, 40);
  // A handful of nodes would otherwise be blown up to fill the screen.
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
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
  const layoutState = useRef({
    running: 0,
    runs: 0,
    seq: 0,
    fitted: false,
    last: null as LayoutTiming | null,
    /** New elements held back until their layout places them (see patchElements). */
    held: [] as ElementDefinition[],
  });
  /** Whether the canvas draws for a big graph (scale.ts). */
  const large = useRef(false);
  /** What the canvas last showed, to tell a change of positions only from one of elements. */
  const shownInput = useRef<{ graph: GraphData | null; language: Language; marks: Marks | null }>({
    graph: null,
    language,
    marks: null,
  });

  useEffect(() => {
    if (!container.current) return;
    warmLayoutWorker();
    large.current = false;
    shownInput.current = { graph: null, language: 'de', marks: null };
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
        // Fading thousands of elements would restyle them all on every hover.
        if (!large.current) cy.elements().not(near).addClass('faded');
        near.addClass('hover');
      });
    });
    cy.on('mouseout', 'node', () =>
      cy.batch(() => (large.current ? cy.elements('.hover') : cy.elements()).removeClass('faded hover')),
    );
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
    // Vite replaces the mode when it builds: the production bundle holds none of this.
    if (import.meta.env.MODE === 'test') {
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
        labels: () => Object.fromEntries(cy.elements().map((el) => [el.id(), String(el.style('label') ?? '')])),
        highlighted: () => cy.elements('.path').map((el) => el.id()),
        article: () => cy.elements('.article').map((el) => el.id()),
        midpoint: (edgeId) => edgeClickPoint(cy, edgeId),
        settled: () => state.running === 0,
        layouts: () => state.runs,
        lastLayout: () => state.last,
        renderer: () => 'canvas',
      };
    }
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
      if (canvasRef) canvasRef.current = null;
      if (import.meta.env.MODE === 'test') delete window.govgraphCanvas;
    };
  }, [canvasRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Only positions changed (a layout's result came back through the view): no element needs patching.
    const shown = shownInput.current;
    const same = shown.graph === graph && shown.language === language && shown.marks === marks;
    shownInput.current = { graph, language, marks };
    const unplaced = new Set([...graph.nodes.keys()].filter((id) => !positions[id]));
    const state = layoutState.current;
    cy.batch(() => {
      const nowLarge = graph.nodes.size > LARGE_CANVAS;
      if (nowLarge !== large.current) {
        large.current = nowLarge;
        cy.style(nowLarge ? LARGE_STYLESHEET : STYLESHEET);
        // Panning and zooming a big graph move a picture of its entities, drawn once, rather than drawing
        // thousands of elements every frame; everything is drawn again when the movement ends.
        const drawing = cy.renderer();
        drawing.textureOnViewport = nowLarge;
        drawing.hideEdgesOnViewport = nowLarge;
      }
      if (!same) state.held = patchElements(cy, toElements(graph, language, marks), positions, unplaced).held;
      // The selected entity may only now have arrived on the canvas.
      showSelection(cy, selected.current);
    });
    if (unplaced.size === 0) {
      state.seq += 1;
      if (!state.fitted && cy.nodes().nonempty()) {
        fitToView(cy);
        state.fitted = true;
      }
      return;
    }
    const held = state.held;
    const request = layoutRequest(cy, held, layout, pinned, unplaced);
    state.seq += 1;
    const seq = state.seq;
    state.running += 1;
    const requestedAt = performance.now();
    void layoutOffThread(request)
      .then(async (result) => {
        // A newer graph came while this one was laid out: its own layout will report.
        if (!result || seq !== state.seq || cy.destroyed()) return;
        const { positions: placed, ms, where } = result;
        const receivedAt = performance.now();
        cy.batch(() => {
          cy.nodes().forEach((n) => {
            const at = placed[n.id()];
            if (at) n.position(at);
          });
        });
        // Held-back newcomers arrive where the layout put them, a slice per frame: styling thousands of
        // elements at once would freeze the page for seconds; this way it draws and answers in between.
        fitToView(cy, held.length > 0 ? Object.values(placed) : undefined);
        for (let from = 0; from < held.length; from += HELD_SLICE) {
          if (from > 0) await nextFrame();
          if (seq !== state.seq || cy.destroyed()) return;
          const slice = held.slice(from, from + HELD_SLICE);
          cy.add(slice.map((el) => (el.group === 'nodes' ? { ...el, position: placed[el.data.id ?? ''] } : el)));
        }
        state.held = [];
        cy.batch(() => showSelection(cy, selected.current));
        if (held.length === 0) fitToView(cy);
        state.fitted = true;
        state.runs += 1;
        const timing: LayoutTiming = {
          layout,
          engine: layoutEngine(layout, request.nodes),
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
