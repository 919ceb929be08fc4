import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../state/view.js';
import { type GraphData, toElements } from './elements.js';
import { STYLESHEET } from './style.js';

cytoscape.use(fcose);
cytoscape.use(cytoscapeSvg);

/** Pictures of the whole canvas, for export. */
export interface CanvasHandle {
  png(): Promise<Blob>;
  svg(): string;
}

interface Props {
  readonly graph: GraphData;
  readonly language: Language;
  /** Ids of entities and relations to highlight (a found path). */
  readonly highlight: ReadonlySet<string>;
  readonly selectedId: string | null;
  /** Where new nodes appear before the layout settles them: next to the node they were expanded from. */
  readonly anchorId: string | null;
  readonly onExpand: (id: string) => void;
  readonly onSelect: (id: string | null) => void;
  readonly canvasRef?: { current: CanvasHandle | null };
}

declare global {
  interface Window {
    /** Read-only view of the canvas for end-to-end tests and browser consoles. */
    govgraphCanvas?: {
      nodes(): Array<{ id: string; x: number; y: number; visible: boolean }>;
      edges(): string[];
      highlighted(): string[];
      midpoint(edgeId: string): { x: number; y: number } | null;
    };
  }
}

const MAX_FIT_ZOOM = 1.1;
const LAYOUT = {
  name: 'fcose',
  animate: false,
  randomize: false,
  nodeRepulsion: 9000,
  idealEdgeLength: 110,
} as LayoutOptions;

function showSelection(cy: Core, id: string | null): void {
  cy.elements(':selected').unselect();
  if (id) cy.getElementById(id).select();
}

/** Owns the Cytoscape instance: created once, patched by id, laid out when nodes are added. */
export function GraphCanvas({
  graph,
  language,
  highlight,
  selectedId,
  anchorId,
  onExpand,
  onSelect,
  canvasRef,
}: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onExpand, onSelect });
  handlers.current = { onExpand, onSelect };
  const selected = useRef(selectedId);
  selected.current = selectedId;

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
    cyRef.current = cy;
    if (canvasRef) {
      canvasRef.current = {
        png: () => cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob-promise' }),
        svg: () => cy.svg({ full: true, bg: '#ffffff' }),
      };
    }
    window.govgraphCanvas = {
      nodes: () =>
        cy
          .nodes()
          .map((n) => ({ id: n.id(), x: n.renderedPosition().x, y: n.renderedPosition().y, visible: n.visible() })),
      edges: () => cy.edges().map((e) => e.id()),
      highlighted: () => cy.elements('.path').map((el) => el.id()),
      midpoint: (edgeId) => {
        const edge = cy.getElementById(edgeId);
        return edge.nonempty() ? edge.renderedMidpoint() : null;
      },
    };
    return () => {
      cy.destroy();
      cyRef.current = null;
      if (canvasRef) canvasRef.current = null;
      delete window.govgraphCanvas;
    };
  }, [canvasRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const elements = toElements(graph, language, highlight);
    const wanted = new Set(elements.map((el) => el.data.id));
    const anchor = anchorId ? cy.getElementById(anchorId) : null;
    const origin = anchor?.nonempty() ? anchor.position() : { x: 0, y: 0 };
    let added = 0;
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
        added += 1;
        const jitter = () => (Math.random() - 0.5) * 80;
        cy.add(el.group === 'nodes' ? { ...el, position: { x: origin.x + jitter(), y: origin.y + jitter() } } : el);
      }
      // The selected entity may only now have arrived on the canvas.
      showSelection(cy, selected.current);
    });
    if (added > 0) {
      cy.layout(LAYOUT).run();
      cy.fit(undefined, 40);
      // A handful of nodes would otherwise be blown up to fill the screen.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
    }
  }, [graph, anchorId, language, highlight]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) cy.batch(() => showSelection(cy, selectedId));
  }, [selectedId]);

  return <div ref={container} className="canvas" data-testid="canvas" role="img" aria-label={t('canvas.label')} />;
}
