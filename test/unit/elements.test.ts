import { describe, expect, it } from 'vitest';
import type { Neighborhood } from '../../web/src/api.js';
import { EMPTY_GRAPH, edgeLabel, filterGraph, mergeNeighborhood, toElements } from '../../web/src/graph/elements.js';

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
          label: 'hat Amt inne bei',
          type: 'HOLDS_OFFICE_AT',
        },
        classes: '',
      },
    ]);
  });

  it('labels a fact with its role where the details panel lists it', () => {
    expect(edgeLabel(hood.edges[0] as Neighborhood['edges'][number])).toBe('hat Amt inne bei (Leiterin)');
  });

  it('marks the entities and relations of a found path, in the language asked for', () => {
    const elements = toElements(mergeNeighborhood(EMPTY_GRAPH, hood), 'en', new Set(['person:a', 'rel:ab']));
    expect(elements.map((e) => [e.data.id, e.classes])).toEqual([
      ['person:a', 'path'],
      ['org:b', ''],
      ['rel:ab', 'path'],
    ]);
    expect(elements[2]?.data.label).toBe('holds office at');
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

  it('change nothing when nothing is hidden', () => {
    expect(filterGraph(graph, [], [])).toBe(graph);
  });
});
