import { describe, expect, it } from 'vitest';
import type { Neighborhood } from '../../web/src/api.js';
import {
  composeGraph,
  EMPTY_GRAPH,
  edgeLabel,
  filterGraph,
  mergeNeighborhood,
  toElements,
} from '../../web/src/graph/elements.js';

const hood: Neighborhood = {
  truncated: false,
  nodes: [
    { id: 'person:a', kind: 'PERSON', name: 'Anna', description: null },
    { id: 'org:b', kind: 'ORGANIZATION', name: 'Behörde', description: null },
  ],
  edges: [
    {
      id: 'rel:ab',
      type: 'HOLDS_OFFICE_AT',
      role: 'Leiterin',
      from: { id: 'person:a' },
      to: { id: 'org:b' },
      validFrom: null,
      validTo: null,
      citations: [],
    },
  ],
  hiddenNeighbors: [],
};

describe('API data to canvas elements', () => {
  it('maps entities to nodes and relations to labelled edges', () => {
    const elements = toElements(mergeNeighborhood(EMPTY_GRAPH, hood));
    expect(elements).toEqual([
      { group: 'nodes', data: { id: 'person:a', label: 'Anna', kind: 'PERSON' }, classes: '' },
      { group: 'nodes', data: { id: 'org:b', label: 'Behörde', kind: 'ORGANIZATION' }, classes: '' },
      {
        group: 'edges',
        data: {
          id: 'rel:ab',
          source: 'person:a',
          target: 'org:b',
          label: 'hat Amt inne bei (Leiterin)',
          type: 'HOLDS_OFFICE_AT',
        },
        classes: '',
      },
    ]);
  });

  it('labels a fact with its role', () => {
    expect(edgeLabel(hood.edges[0] as Neighborhood['edges'][number])).toBe('hat Amt inne bei (Leiterin)');
  });

  it("marks a found path, an article's facts, pinned and expanded entities, in the language asked for", () => {
    const elements = toElements(mergeNeighborhood(EMPTY_GRAPH, hood), 'en', {
      path: new Set(['person:a', 'rel:ab']),
      article: new Set(['rel:ab', 'org:b']),
      pinned: new Set(['org:b']),
      expanded: new Set(['person:a']),
    });
    expect(elements.map((e) => [e.data.id, e.classes])).toEqual([
      ['person:a', 'path expanded'],
      ['org:b', 'article pinned'],
      ['rel:ab', 'path article'],
    ]);
    expect(elements[2]?.data.label).toBe('holds office at (Leiterin)');
    // A long role is cut short on the canvas; the details panel has it whole.
    const long = mergeNeighborhood(EMPTY_GRAPH, {
      ...hood,
      edges: [
        {
          ...(hood.edges[0] as Neighborhood['edges'][number]),
          role: 'Staatssekretär und Landes-CIO (Chief Information Officer)',
        },
      ],
    });
    const label = String(toElements(long)[2]?.data.label);
    expect(label).toHaveLength(40);
    expect(label.endsWith('…')).toBe(true);
  });

  it('merges expansions without duplicating what is already shown', () => {
    const once = mergeNeighborhood(EMPTY_GRAPH, hood);
    const twice = mergeNeighborhood(once, hood);
    expect(twice.nodes.size).toBe(2);
    expect(twice.edges.size).toBe(1);
  });

  it('drops edges whose ends are not on the canvas', () => {
    const dangling: Neighborhood = { ...hood, nodes: [hood.nodes[0] as Neighborhood['nodes'][number]] };
    expect(mergeNeighborhood(EMPTY_GRAPH, dangling).edges.size).toBe(0);
  });
});

describe('filters', () => {
  const graph = mergeNeighborhood(EMPTY_GRAPH, hood);

  it('hide entities of a kind together with their relations', () => {
    const filtered = filterGraph(graph, ['ORGANIZATION'], []);
    expect([...filtered.nodes.keys()]).toEqual(['person:a']);
    expect(filtered.edges.size).toBe(0);
  });

  it('hide relations of a type but keep the entities', () => {
    const filtered = filterGraph(graph, [], ['HOLDS_OFFICE_AT']);
    expect(filtered.nodes.size).toBe(2);
    expect(filtered.edges.size).toBe(0);
  });

  it('hide single entities together with their relations', () => {
    const filtered = filterGraph(graph, [], [], ['org:b']);
    expect([...filtered.nodes.keys()]).toEqual(['person:a']);
    expect(filtered.edges.size).toBe(0);
  });

  it('change nothing when nothing is hidden', () => {
    expect(filterGraph(graph, [], [])).toBe(graph);
  });

  it('composes the canvas from expansions and entities placed alone, without removed ones', () => {
    const other: Neighborhood = {
      truncated: true,
      nodes: [
        { id: 'org:b', kind: 'ORGANIZATION', name: 'Behörde', description: null },
        { id: 'region:c', kind: 'REGION', name: 'Land', description: null },
      ],
      edges: [
        {
          ...(hood.edges[0] as Neighborhood['edges'][number]),
          id: 'rel:bc',
          from: { id: 'org:b' },
          to: { id: 'region:c' },
        },
      ],
      hiddenNeighbors: [
        { entity: { id: 'org:b' }, count: 7 },
        { entity: { id: 'region:c' }, count: 400 },
      ],
    };
    const alone = { id: 'law:d', kind: 'LAW' as const, name: 'OZG', description: null };
    const all = composeGraph(
      [
        { id: 'person:a', allTypes: true, hood: { ...hood, hiddenNeighbors: [{ entity: { id: 'org:b' }, count: 9 }] } },
        { id: 'org:b', allTypes: true, hood: other },
      ],
      [alone],
      new Set(),
    );
    expect([...all.graph.nodes.keys()].sort()).toEqual(['law:d', 'org:b', 'person:a', 'region:c']);
    expect([...all.graph.edges.keys()].sort()).toEqual(['rel:ab', 'rel:bc']);
    expect(all.truncated).toBe(true);
    // org:b's own neighbourhood reports 7 left out; the Land's 400 stay.
    expect(Object.fromEntries(all.hidden)).toEqual({ 'org:b': 7, 'region:c': 400 });

    const without = composeGraph([{ id: 'org:b', allTypes: true, hood: other }], [], new Set(['region:c']));
    expect([...without.graph.nodes.keys()]).toEqual(['org:b']);
    expect(without.graph.edges.size).toBe(0);
    expect(without.hidden.has('region:c')).toBe(false);
  });
});
