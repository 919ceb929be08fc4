import { type EntityKind, KIND_INFO, RELATION_INFO, type RelationType } from '../../../server/domain/vocabulary.js';

interface KindStyle {
  readonly label: string;
  readonly color: string;
  readonly shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'star' | 'round-triangle' | 'rectangle';
}

const LOOK: Readonly<Record<EntityKind, Omit<KindStyle, 'label'>>> = {
  PERSON: { color: '#1f5fa8', shape: 'ellipse' },
  ORGANIZATION: { color: '#8a3b12', shape: 'round-rectangle' },
  REGION: { color: '#2d6a2e', shape: 'hexagon' },
  LAW: { color: '#6b2d86', shape: 'diamond' },
  EVENT: { color: '#a3153f', shape: 'star' },
  INITIATIVE: { color: '#5c5c00', shape: 'round-triangle' },
  ARTICLE: { color: '#4a4a4a', shape: 'rectangle' },
};

/** Per-kind look, shared by canvas, legend and search results; labels come from the one vocabulary. */
export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = Object.fromEntries(
  (Object.keys(LOOK) as EntityKind[]).map((kind) => [kind, { ...LOOK[kind], label: KIND_INFO[kind].de }]),
) as Record<EntityKind, KindStyle>;

export function relationLabel(type: string): string {
  return type in RELATION_INFO ? RELATION_INFO[type as RelationType].de : type;
}
