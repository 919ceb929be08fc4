import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type ExportFile, toGraphML as toFullGraphML } from '../../server/services/transfer/transfer.js';
import type { Neighborhood } from '../../web/src/api.js';
import { webAddress } from '../../web/src/components/links.js';
import { EMPTY_GRAPH, mergeNeighborhood } from '../../web/src/graph/elements.js';
import { toCsv, toGraphML, toSvgExport } from '../../web/src/graph/exports.js';
import { HOSTILE, inXml, looksLikeFormula, readXml } from '../support/hostile.js';

const cases = Object.entries(HOSTILE);

/** One fact whose every text field holds the same hostile text. */
function viewWith(text: string) {
  const hood: Neighborhood = {
    truncated: false,
    hiddenNeighbors: [],
    nodes: [
      { id: 'person:a', kind: 'PERSON', name: text, description: text },
      { id: 'org:b', kind: 'ORGANIZATION', name: `Amt ${text}`, description: null },
    ],
    edges: [
      {
        id: 'rel:ab',
        type: 'HOLDS_OFFICE_AT',
        role: text,
        from: { id: 'person:a' },
        to: { id: 'org:b' },
        validFrom: null,
        validTo: null,
        citations: [
          { quote: text, note: null, article: { id: 'article:x', title: text, publishedOn: null, url: null } },
        ],
      },
    ],
  };
  return mergeNeighborhood(EMPTY_GRAPH, hood);
}

describe('CSV export of hostile text', () => {
  it.each(cases)('keeps %s as one text cell per field, a formula only as quoted text', (_, text) => {
    const parsed = Papa.parse<string[]>(toCsv(viewWith(text)), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    // No quote, comma or line break split a cell or a row.
    expect(parsed.data).toHaveLength(2);
    const [header, row] = parsed.data as [string[], string[]];
    expect(row).toHaveLength(header.length);
    const cell = (column: string) => row[header.indexOf(column)];
    const asText = looksLikeFormula(text) ? `'${text}` : text;
    for (const column of ['from', 'role', 'sources', 'quotes']) expect(cell(column)).toBe(asText);
    expect(cell('to')).toBe(`Amt ${text}`);
    // No cell of the file would start a formula in a spreadsheet.
    for (const value of [...header, ...row]) expect(looksLikeFormula(value)).toBe(false);
  });

  it("quotes a formula cell with ' even when a line break follows it (Papa Parse's own pattern misses that)", () => {
    const text = '=1+1\nnext line';
    const row = Papa.parse<string[]>(toCsv(viewWith(text)), { skipEmptyLines: true }).data[1];
    expect(row?.[2]).toBe(`'${text}`);
  });
});

describe('GraphML export of what the canvas shows, with hostile text', () => {
  it.each(cases)('keeps %s as the text of its data element, no markup made of it', (_, text) => {
    const elements = readXml(toGraphML(viewWith(text)));
    expect(new Set(elements.map((e) => e.name))).toEqual(new Set(['graphml', 'key', 'graph', 'node', 'edge', 'data']));
    for (const element of elements) {
      for (const name of Object.keys(element.attributes)) {
        expect(['xmlns', 'id', 'for', 'attr.name', 'attr.type', 'edgedefault', 'source', 'target', 'key']).toContain(
          name,
        );
      }
    }
    const data = (key: string) => elements.filter((e) => e.name === 'data' && e.attributes.key === key);
    expect(data('label').map((d) => d.text)).toEqual([inXml(text), inXml(`Amt ${text}`)]);
    expect(data('description').map((d) => d.text)).toEqual([inXml(text)]);
    expect(data('role').map((d) => d.text)).toEqual([inXml(text)]);
    expect(data('sources').map((d) => d.text)).toEqual([inXml(text)]);
  });
});

describe('GraphML export of the whole graph (npm run export), with hostile text', () => {
  const fileWith = (text: string): ExportFile => ({
    format: 'govgraph',
    formatVersion: 1,
    entities: [
      {
        id: 'person:a',
        kind: 'PERSON',
        name: text,
        aliases: [text],
        description: text,
        figures: [],
        version: 1,
        recordedAt: null,
        recordedBy: text,
      },
    ],
    relations: [
      {
        id: 'rel:ab',
        type: 'MEMBER_OF',
        from: 'person:a',
        to: 'org:b',
        role: text,
        validFrom: null,
        validFromQualifier: null,
        validTo: null,
        validToQualifier: null,
        citations: [{ article: 'article:x', quote: text, note: text }],
        version: 1,
        recordedAt: null,
        recordedBy: null,
      },
    ],
    mentions: [],
  });

  it.each(cases)('keeps %s as text in labels, aliases, roles and the citations JSON', (_, text) => {
    const elements = readXml(toFullGraphML(fileWith(text)));
    expect(new Set(elements.map((e) => e.name))).toEqual(new Set(['graphml', 'key', 'graph', 'node', 'edge', 'data']));
    const data = (key: string) => elements.find((e) => e.name === 'data' && e.attributes.key === key)?.text;
    expect(data('n_label')).toBe(inXml(text));
    expect(data('n_aliases')).toBe(inXml(text));
    expect(data('n_description')).toBe(inXml(text));
    expect(data('e_role')).toBe(inXml(text));
    // The citations are JSON, which escapes control characters; only the non-characters U+FFFE and U+FFFF,
    // which JSON writes as they are, cannot be kept.
    const kept = text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
    expect(JSON.parse(data('e_citations') ?? 'null')).toEqual([{ article: 'article:x', quote: kept, note: kept }]);
  });
});

describe('SVG export of the canvas', () => {
  // What the browser's XMLSerializer makes of a label: markup escaped, control characters and CR left raw.
  const serialized = (label: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg"><g><text x="1" y="2">${label
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')}</text></g></svg>`;

  it.each(cases)('is a well-formed SVG whose label %s is text', (_, text) => {
    const elements = readXml(toSvgExport(serialized(text)));
    expect(elements.map((e) => e.name)).toEqual(['svg', 'g', 'text']);
    expect(elements[2]?.text).toBe(inXml(text));
  });

  it('needs the mending: the serializer alone writes a file XML readers refuse', () => {
    expect(() => readXml(serialized(HOSTILE.nul))).toThrow(/not well-formed/);
  });
});

describe('links to sources', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    'not a url',
    '',
  ])('are not made of %j', (url) => {
    expect(webAddress(url)).toBeNull();
  });

  it('are made of http and https addresses, as the browser reads them', () => {
    expect(webAddress(null)).toBeNull();
    expect(webAddress('https://www.kommune21.de/a?b=1')).toBe('https://www.kommune21.de/a?b=1');
    expect(webAddress('http://example.org/"><img src=x>')).toBe('http://example.org/%22%3E%3Cimg%20src=x%3E');
  });
});
