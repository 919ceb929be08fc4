import { XMLBuilder } from 'fast-xml-parser';
import Papa from 'papaparse';
import { xmlSafe } from '../../../shared/xml-text.js';
import type { GraphData } from './elements.js';

/**
 * Files of what the canvas shows, for other tools: JSON (the API's shapes),
 * GraphML (Gephi, yEd, Cytoscape desktop) and CSV (spreadsheets). Pure
 * functions of the graph, so they are tested without a browser.
 */

export function toJsonExport(graph: GraphData): string {
  const nodes = [...graph.nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  const edges = [...graph.edges.values()].sort((a, b) => a.id.localeCompare(b.id));
  return `${JSON.stringify({ format: 'govgraph-view', nodes, edges }, null, 2)}\n`;
}

/**
 * A spreadsheet must not run what a source wrote. A cell that starts like a formula (OWASP: = + - @ tab CR;
 * ASVS 1.2.10 adds NUL; LF for good measure) gets a leading ' and quotes, which spreadsheets read as text.
 * Papa Parse's own pattern for `escapeFormulae` ends in `.*$` and so misses a cell with a line break.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

const CSV_COLUMNS = [
  'id',
  'from_id',
  'from',
  'type',
  'role',
  'to_id',
  'to',
  'valid_from',
  'valid_to',
  'sources',
  'quotes',
] as const;

/** One row per fact: who, how, whom, with validity and sources. */
export function toCsv(graph: GraphData): string {
  const name = (id: string) => graph.nodes.get(id)?.name ?? id;
  const rows = [...graph.edges.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (edge): Record<(typeof CSV_COLUMNS)[number], string> => ({
        id: edge.id,
        from_id: edge.from.id,
        from: name(edge.from.id),
        type: edge.type,
        role: edge.role ?? '',
        to_id: edge.to.id,
        to: name(edge.to.id),
        valid_from: edge.validFrom?.date ?? '',
        valid_to: edge.validTo?.date ?? '',
        sources: edge.citations
          .map((c) => `${c.article.title}${c.article.publishedOn ? ` (${c.article.publishedOn})` : ''}`)
          .join(' | '),
        quotes: edge.citations
          .map((c) => c.quote ?? '')
          .filter((q) => q !== '')
          .join(' | '),
      }),
    );
  const data = rows.map((row) => CSV_COLUMNS.map((column) => row[column]));
  // Rows end in CRLF (RFC 4180), the last one too: a lone LF there would be read as part of its last cell.
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

const xml = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
});

export function toGraphML(graph: GraphData): string {
  const key = (id: string, target: 'node' | 'edge', name: string) => ({
    '@id': id,
    '@for': target,
    '@attr.name': name,
    '@attr.type': 'string',
  });
  const data = (values: Record<string, string | null | undefined>) =>
    Object.entries(values)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
      .map(([k, v]) => ({ '@key': k, '#text': v }));
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    graphml: {
      '@xmlns': 'http://graphml.graphdrawing.org/xmlns',
      key: [
        key('label', 'node', 'label'),
        key('kind', 'node', 'kind'),
        key('description', 'node', 'description'),
        key('type', 'edge', 'type'),
        key('role', 'edge', 'role'),
        key('sources', 'edge', 'sources'),
      ],
      graph: {
        '@id': 'govgraph-view',
        '@edgedefault': 'directed',
        node: [...graph.nodes.values()].map((n) => ({
          '@id': n.id,
          data: data({ label: n.name, kind: n.kind, description: n.description }),
        })),
        edge: [...graph.edges.values()].map((e) => ({
          '@id': e.id,
          '@source': e.from.id,
          '@target': e.to.id,
          data: data({ type: e.type, role: e.role, sources: e.citations.map((c) => c.article.title).join(' | ') }),
        })),
      },
    },
  };
  return xmlSafe(xml.build(document) as string);
}

/** The canvas's picture as SVG (cytoscape-svg), readable whatever the labels hold (see xmlSafe). */
export function toSvgExport(serialized: string): string {
  return xmlSafe(serialized);
}

/** Hands a file to the browser's download. */
export function download(filename: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
