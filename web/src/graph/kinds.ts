import type { EntityKind } from '../../../server/domain/vocabulary.js';

interface KindStyle {
  readonly color: string;
  readonly shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'star' | 'round-triangle' | 'rectangle';
}

/** Per-kind look, shared by canvas, legend and search results. Colours keep 4.5:1 contrast with white text. */
export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = {
  PERSON: { color: '#1f5fa8', shape: 'ellipse' },
  ORGANIZATION: { color: '#8a3b12', shape: 'round-rectangle' },
  REGION: { color: '#2d6a2e', shape: 'hexagon' },
  LAW: { color: '#6b2d86', shape: 'diamond' },
  EVENT: { color: '#a3153f', shape: 'star' },
  INITIATIVE: { color: '#5c5c00', shape: 'round-triangle' },
  ARTICLE: { color: '#4a4a4a', shape: 'rectangle' },
};

export const KINDS = Object.keys(KIND_STYLES) as EntityKind[];
