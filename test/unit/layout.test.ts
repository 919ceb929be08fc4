import { describe, expect, it } from 'vitest';
import { canvasGraph } from '../../bench/canvasGraph.js';
import { computeLayout, type LayoutNode } from '../../web/src/graph/layout.js';
import { LARGE_LAYOUT } from '../../web/src/graph/scale.js';

// A Land with six Kreise, each part of it, and a ministry in the Land with two people.
const kreise = Array.from({ length: 6 }, (_, i) => `region:1500${i}`);
const nodes = ['region:15', ...kreise, 'org:mid', 'person:a', 'person:b'];
const edges = [
  ...kreise.map((k) => ({ id: `rel:part-of-${k}`, source: k, target: 'region:15' })),
  { id: 'rel:mid', source: 'org:mid', target: 'region:15' },
  { id: 'rel:a', source: 'person:a', target: 'org:mid' },
  { id: 'rel:b', source: 'person:b', target: 'org:mid' },
];
const atOrigin = (ids: readonly string[]): LayoutNode[] => ids.map((id) => ({ id, x: 0, y: 0, fixed: false }));
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

function minimumGap(positions: Record<string, { x: number; y: number }>): number {
  const points = Object.values(positions);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i += 1)
    for (let j = i + 1; j < points.length; j += 1)
      gap = Math.min(gap, distance(points[i] as { x: number; y: number }, points[j] as { x: number; y: number }));
  return gap;
}

describe('layouts (computed headless, as in the worker)', () => {
  it('spreads a new graph out with the force layout: no two nodes on top of each other', () => {
    const positions = computeLayout({ layout: 'fcose', nodes: atOrigin(nodes), edges });
    expect(Object.keys(positions).sort()).toEqual([...nodes].sort());
    expect(minimumGap(positions)).toBeGreaterThan(30);
  });

  it('places new nodes near the one they came with and leaves every placed node where it was', () => {
    const before = computeLayout({ layout: 'fcose', nodes: atOrigin(nodes), edges });
    const placed: LayoutNode[] = nodes.map((id) => ({ id, ...(before[id] as { x: number; y: number }), fixed: true }));
    const person = before['person:a'] as { x: number; y: number };
    const added = ['org:staatskanzlei', 'event:sitzung'];
    const after = computeLayout({
      layout: 'fcose',
      nodes: [...placed, ...added.map((id) => ({ id, x: person.x + 5, y: person.y + 5, fixed: false }))],
      edges: [
        ...edges,
        { id: 'rel:a-sk', source: 'person:a', target: 'org:staatskanzlei' },
        { id: 'rel:a-ev', source: 'person:a', target: 'event:sitzung' },
      ],
    });
    for (const id of nodes) expect(after[id]).toEqual(before[id]);
    // Within reach of the one they came with (the ideal edge is 110), and on top of nothing.
    for (const id of added) expect(distance(after[id] as { x: number; y: number }, person)).toBeLessThan(250);
    expect(minimumGap(after)).toBeGreaterThan(20);
  });

  it('draws a hierarchy with the whole above its parts', () => {
    const positions = computeLayout({ layout: 'dagre', nodes: atOrigin(nodes), edges });
    const land = positions['region:15'] as { x: number; y: number };
    for (const k of kreise) expect((positions[k] as { y: number }).y).toBeGreaterThan(land.y);
    expect((positions['person:a'] as { y: number }).y).toBeGreaterThan((positions['org:mid'] as { y: number }).y);
    expect(minimumGap(positions)).toBeGreaterThan(30);
  });

  it('puts the best connected node in the middle of the concentric layout', () => {
    const positions = computeLayout({ layout: 'concentric', nodes: atOrigin(nodes), edges });
    const points = Object.values(positions);
    const centre = {
      x: points.reduce((s, p) => s + p.x, 0) / points.length,
      y: points.reduce((s, p) => s + p.y, 0) / points.length,
    };
    const fromCentre = (id: string) => distance(positions[id] as { x: number; y: number }, centre);
    for (const id of nodes.filter((n) => n !== 'region:15'))
      expect(fromCentre('region:15')).toBeLessThan(fromCentre(id));
  });

  it('keeps pinned nodes where they are in every layout', () => {
    for (const layout of ['fcose', 'dagre', 'concentric'] as const) {
      const positions = computeLayout({
        layout,
        nodes: nodes
          .map((id) => ({ id, x: 0, y: 0, fixed: id === 'org:mid' }))
          .map((n) => (n.fixed ? { ...n, x: 777, y: -333 } : n)),
        edges,
      });
      expect(positions['org:mid']).toEqual({ x: 777, y: -333 });
    }
  });
});

describe('the force layout of a big graph (d3-force from a shaped start)', () => {
  const graph = canvasGraph(400);
  const request = {
    layout: 'fcose' as const,
    nodes: atOrigin([...graph.nodes.keys()]),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.from.id, target: e.to.id })),
  };

  it('places every node, none on top of another, neighbours closer than strangers', () => {
    expect(request.nodes.length).toBeGreaterThan(LARGE_LAYOUT);
    const positions = computeLayout(request);
    expect(Object.keys(positions).sort()).toEqual([...graph.nodes.keys()].sort());
    expect(minimumGap(positions)).toBeGreaterThan(20);
    const at = (id: string) => positions[id] as { x: number; y: number };
    const linked = graph.edges.map((e) => distance(at(e.from.id), at(e.to.id)));
    const ids = [...graph.nodes.keys()];
    const strangers = ids.slice(0, 200).map((id, i) => distance(at(id), at(ids[(i * 7 + 101) % ids.length] ?? id)));
    const mean = (list: number[]) => list.reduce((s, d) => s + d, 0) / list.length;
    expect(mean(linked)).toBeLessThan(mean(strangers));
  });

  it('leaves placed and pinned nodes where they are and settles new ones around them', () => {
    const before = computeLayout(request);
    const ids = [...graph.nodes.keys()];
    const [kept, added] = [ids.slice(0, 100), ids.slice(100)];
    const after = computeLayout({
      ...request,
      nodes: [
        ...kept.map((id) => ({ id, ...(before[id] as { x: number; y: number }), fixed: true })),
        ...added.map((id) => ({ id, x: 0, y: 0, fixed: false })),
      ],
    });
    for (const id of kept) expect(after[id]).toEqual(before[id]);
    expect(Object.keys(after)).toHaveLength(ids.length);
  });
});
