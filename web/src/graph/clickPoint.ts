import type { Core, EdgeSingular, Position } from 'cytoscape';

const SAMPLES = 48;

/** Points along the relation as drawn: a straight line or Cytoscape's bezier through its control points. */
function drawnCurve(edge: EdgeSingular): Position[] {
  const from = edge.renderedSourceEndpoint();
  const to = edge.renderedTargetEndpoint();
  // renderedControlPoints() throws for a straight edge, which has none: convert the model's points here.
  const zoom = edge.cy().zoom();
  const pan = edge.cy().pan();
  const controls = (edge.controlPoints() ?? []).map((p) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y }));
  const points: Position[] = [];
  for (let i = 0; i <= SAMPLES; i += 1) {
    // De Casteljau over source, control points and target.
    const t = i / SAMPLES;
    let row = [from, ...controls, to];
    while (row.length > 1) {
      const [first, ...rest] = row;
      let previous = first as Position;
      row = rest.map((p) => {
        const q = { x: previous.x + t * (p.x - previous.x), y: previous.y + t * (p.y - previous.y) };
        previous = p;
        return q;
      });
    }
    points.push(row[0] as Position);
  }
  return points;
}

/**
 * A point (canvas pixels) where a click selects this relation: on its drawn line, inside the canvas, and
 * where Cytoscape's own hit test, the one its mouse handling uses, finds this relation and nothing in
 * front of it (a node, a label, another relation). The one nearest the middle; null when there is none.
 */
export function edgeClickPoint(cy: Core, edgeId: string): Position | null {
  const edge = cy.getElementById(edgeId);
  if (edge.empty() || !edge.isEdge() || !edge.visible()) return null;
  const renderer = cy.renderer();
  const zoom = cy.zoom();
  const pan = cy.pan();
  const candidates = drawnCurve(edge)
    .map((p, i) => ({ p, fromMiddle: Math.abs(i - SAMPLES / 2) }))
    .sort((a, b) => a.fromMiddle - b.fromMiddle);
  for (const { p } of candidates) {
    if (p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height()) continue;
    const hit = renderer.findNearestElement?.((p.x - pan.x) / zoom, (p.y - pan.y) / zoom, true, false);
    if (hit?.id() === edgeId) return p;
  }
  return null;
}
