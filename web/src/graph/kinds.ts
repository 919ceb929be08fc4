import type { EntityKind } from '../api.js';

interface KindStyle {
  readonly label: string;
  readonly color: string;
  readonly shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'star' | 'round-triangle' | 'rectangle';
}

/** Per-kind look, shared by canvas, legend and search results. Colours keep 4.5:1 contrast on white text. */
export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = {
  PERSON: { label: 'Person', color: '#1f5fa8', shape: 'ellipse' },
  ORGANIZATION: { label: 'Organisation', color: '#8a3b12', shape: 'round-rectangle' },
  REGION: { label: 'Region', color: '#2d6a2e', shape: 'hexagon' },
  LAW: { label: 'Gesetz', color: '#6b2d86', shape: 'diamond' },
  EVENT: { label: 'Ereignis', color: '#a3153f', shape: 'star' },
  INITIATIVE: { label: 'Initiative', color: '#5c5c00', shape: 'round-triangle' },
  ARTICLE: { label: 'Artikel', color: '#4a4a4a', shape: 'rectangle' },
};

export const RELATION_LABELS: Readonly<Record<string, string>> = {
  HOLDS_OFFICE_AT: 'hat Amt inne bei',
  MEMBER_OF: 'ist Mitglied von',
  ADVISES: 'berät',
  PART_OF: 'ist Teil von',
  LOCATED_IN: 'hat Sitz in',
  RESPONSIBLE_FOR: 'ist zuständig für',
  PARTICIPATED_IN: 'nahm teil an',
  HOSTED: 'war Gastgeber von',
  TOOK_PLACE_IN: 'fand statt in',
  CONCERNS: 'betrifft',
  IMPLEMENTS: 'setzt um',
  AMENDS: 'ändert',
  SUPPORTS: 'unterstützt',
  OPPOSES: 'lehnt ab',
  REFERS_TO: 'verweist auf',
};
