import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Neighborhood } from '../../web/src/api.js';
import { EMPTY_GRAPH, mergeNeighborhood } from '../../web/src/graph/elements.js';
import { toCsv, toGraphML, toJsonExport } from '../../web/src/graph/exports.js';

const hood: Neighborhood = {
  truncated: false,
  hiddenNeighbors: [],
  nodes: [
    { id: 'person:a', kind: 'PERSON', name: '=HYPERLINK("http://evil")', description: '<script>alert(1)</script>' },
    { id: 'org:b', kind: 'ORGANIZATION', name: 'Behörde, "Amt" & Co', description: null },
  ],
  edges: [
    {
      id: 'rel:ab',
      type: 'HOLDS_OFFICE_AT',
      role: '+Leiterin',
      from: { id: 'person:a' },
      to: { id: 'org:b' },
      validFrom: { date: '2022-08-31', precision: 'DAY', qualifier: 'ON_OR_BEFORE' },
      validTo: null,
      citations: [
        {
          quote: 'Sie leitet, sagt man.',
          note: null,
          article: { id: 'article:x', title: 'Titel', publishedOn: '2022-08-31', url: null },
        },
      ],
    },
  ],
};
const graph = mergeNeighborhood(EMPTY_GRAPH, hood);

describe('exports of what the canvas shows', () => {
  it('CSV parses back to one row per fact, with formulas defused', () => {
    const parsed = Papa.parse<Record<string, string>>(toCsv(graph).trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      {
        id: 'rel:ab',
        from_id: 'person:a',
        from: `'=HYPERLINK("http://evil")`,
        type: 'HOLDS_OFFICE_AT',
        role: "'+Leiterin",
        to_id: 'org:b',
        to: 'Behörde, "Amt" & Co',
        valid_from: '2022-08-31',
        valid_to: '',
        sources: 'Titel (2022-08-31)',
        quotes: 'Sie leitet, sagt man.',
      },
    ]);
  });

  it('GraphML parses back with every node and edge, markup kept as text', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(toGraphML(graph)) as {
      graphml: {
        graph: {
          node: Array<{ id: string; data: Array<{ key: string; '#text': string }> }>;
          edge: { id: string; source: string };
        };
      };
    };
    expect(doc.graphml.graph.node.map((n) => n.id)).toEqual(['person:a', 'org:b']);
    expect(doc.graphml.graph.node[0]?.data.find((d) => d.key === 'description')?.['#text']).toBe(
      '<script>alert(1)</script>',
    );
    expect(doc.graphml.graph.edge).toMatchObject({ id: 'rel:ab', source: 'person:a' });
    expect(toGraphML(graph)).not.toContain('<script>');
  });

  it('JSON holds the entities and facts as the API gave them', () => {
    const json = JSON.parse(toJsonExport(graph)) as { format: string; nodes: unknown[]; edges: unknown[] };
    expect(json.format).toBe('govgraph-view');
    expect(json.nodes).toHaveLength(2);
    expect(json.edges).toEqual(hood.edges);
  });
});
