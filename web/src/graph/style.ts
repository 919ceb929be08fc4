import type { StylesheetJson } from 'cytoscape';
import type { EntityKind } from '../api.js';
import { KIND_STYLES } from './kinds.js';

const kindRules: StylesheetJson = (Object.keys(KIND_STYLES) as EntityKind[]).map((kind) => ({
  selector: `node[kind = "${kind}"]`,
  style: { 'background-color': KIND_STYLES[kind].color, shape: KIND_STYLES[kind].shape },
}));

export const STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      width: 34,
      height: 34,
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
  { selector: 'node:selected', style: { 'border-color': '#ffbf00', 'border-width': 5 } },
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
  { selector: 'node.path', style: { 'border-color': '#d4a000', 'border-width': 5 } },
  { selector: 'edge.path', style: { 'line-color': '#d4a000', 'target-arrow-color': '#d4a000', width: 4 } },
  { selector: 'edge:selected', style: { 'line-color': '#ffbf00', 'target-arrow-color': '#ffbf00', width: 3 } },
];
