import type { Core, EdgeSingular, Position } from 'cytoscape';

/** How far (screen pixels) a click point keeps from every other relation's line. */
const CLEARANCE = 8;
const SAMPLES = 24;

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

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function distanceToCurve(p: Position, curve: Position[]): number {
  let best = Number.POSITIVE_INFINITY;
  curve.reduce((a, b) => {
    best = Math.min(best, distanceToSegment(p, a, b));
    return b;
  });
  return best;
}

/**
 * A point on the relation's drawn line where a click selects it and nothing else: inside the canvas, off
 * every node and its label, off the other relations' labels and clear of their lines; the one nearest the
 * middle. Null when the relation is not on the canvas or no such point exists.
 */
export function edgeClickPoint(cy: Core, edgeId: string): Position | null {
  const edge = cy.getElementById(edgeId);
  if (edge.empty() || !edge.isEdge() || !edge.visible()) return null;
  const others = cy.edges(':visible').filter((e) => e.id() !== edgeId);
  const boxes = [
    ...cy.nodes(':visible').map((n) => n.renderedBoundingBox({ includeLabels: true })),
    ...others.map((e) => e.renderedBoundingBox({ includeEdges: false, includeLabels: true })).filter((b) => b.w > 0),
  ];
  const curves = others.map(drawnCurve);
  const width = cy.width();
  const height = cy.height();
  const curve = drawnCurve(edge);
  const candidates = curve
    .slice(2, -2)
    .map((p, i) => ({ p, fromMiddle: Math.abs(i + 2 - SAMPLES / 2) }))
    .sort((a, b) => a.fromMiddle - b.fromMiddle);
  for (const { p } of candidates) {
    if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
    if (boxes.some((b) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2)) continue;
    if (curves.some((c) => distanceToCurve(p, c) < CLEARANCE)) continue;
    return p;
  }
  return null;
}
