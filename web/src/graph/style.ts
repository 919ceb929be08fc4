import type { StylesheetJson } from 'cytoscape';
import type { EntityKind } from '../api.js';
import { KIND_STYLES } from './kinds.js';

const kindRules: StylesheetJson = (Object.keys(KIND_STYLES) as EntityKind[]).map((kind) => ({
  selector: `node[kind = "${kind}"]`,
  style: {
    'background-color': KIND_STYLES[kind].color,
    shape: KIND_STYLES[kind].shape,
    'background-image': KIND_STYLES[kind].icon,
  },
}));

const GOLD = '#d4a000';
const ARTICLE = '#0b7285';

export const STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      width: 34,
      height: 34,
      'background-width': '55%',
      'background-height': '55%',
      'background-clip': 'none',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 5,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      color: '#1b1b1b',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...kindRules,
  // An expanded entity is drawn a little larger: its neighbours are on the canvas.
  { selector: 'node.expanded', style: { width: 40, height: 40 } },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 6, 'border-color': '#1b1b1b' } },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': '#8c8c8c',
      'target-arrow-color': '#8c8c8c',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      color: '#444444',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
    },
  },
  // Hovering an entity brings it and its relations forward and lets the rest recede.
  { selector: '.faded', style: { opacity: 0.25 } },
  { selector: 'node.hover', style: { 'border-color': '#1b1b1b', 'border-width': 3, 'z-index': 10 } },
  { selector: 'edge.hover', style: { 'line-color': '#1b1b1b', 'target-arrow-color': '#1b1b1b', width: 2.5 } },
  { selector: 'node.article', style: { 'border-color': ARTICLE, 'border-width': 5 } },
  { selector: 'edge.article', style: { 'line-color': ARTICLE, 'target-arrow-color': ARTICLE, width: 4 } },
  { selector: 'node.path', style: { 'border-color': GOLD, 'border-width': 5 } },
  { selector: 'edge.path', style: { 'line-color': GOLD, 'target-arrow-color': GOLD, width: 4 } },
  { selector: 'node:selected', style: { 'border-color': '#ffbf00', 'border-width': 5 } },
  { selector: 'edge:selected', style: { 'line-color': '#ffbf00', 'target-arrow-color': '#ffbf00', width: 3 } },
];

/**
 * The stylesheet for big graphs (scale.ts). Labels only where they are legible: Cytoscape skips text
 * smaller on screen than `min-zoomed-font-size`, which at the overview of thousands of nodes is all of
 * it; names on one line (wrapping measures every word of every name). Relations as straight lines,
 * which spares the bundling of bezier curves, and named only when selected, hovered or marked:
 * thousands of relation names are unreadable, and measuring them costs seconds.
 */
export const LARGE_STYLESHEET: StylesheetJson = [
  ...STYLESHEET,
  { selector: 'node', style: { 'min-zoomed-font-size': 8, 'text-wrap': 'none' } },
  { selector: 'edge', style: { 'min-zoomed-font-size': 8, 'curve-style': 'straight', label: '' } },
  { selector: 'edge:selected, edge.hover, edge.path, edge.article', style: { label: 'data(label)' } },
];
