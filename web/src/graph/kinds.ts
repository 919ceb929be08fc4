import { Calendar, Landmark, MapPin, Newspaper, Rocket, Scale, User } from 'lucide-static';
import type { EntityKind } from '../../../shared/vocabulary.js';

interface KindStyle {
  readonly color: string;
  readonly shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'star' | 'round-triangle' | 'rectangle';
  /** A white line icon (Lucide) as a data URI, drawn on the node and in the legend. */
  readonly icon: string;
}

const white = (svg: string) =>
  `data:image/svg+xml;utf8,${encodeURIComponent(svg.trim().replace('stroke="currentColor"', 'stroke="#ffffff"'))}`;

/** Per-kind look, shared by canvas, legend and search results. Colours keep 4.5:1 contrast with white text. */
export const KIND_STYLES: Readonly<Record<EntityKind, KindStyle>> = {
  PERSON: { color: '#1f5fa8', shape: 'ellipse', icon: white(User) },
  ORGANIZATION: { color: '#8a3b12', shape: 'round-rectangle', icon: white(Landmark) },
  REGION: { color: '#2d6a2e', shape: 'hexagon', icon: white(MapPin) },
  LAW: { color: '#6b2d86', shape: 'diamond', icon: white(Scale) },
  EVENT: { color: '#a3153f', shape: 'star', icon: white(Calendar) },
  INITIATIVE: { color: '#5c5c00', shape: 'round-triangle', icon: white(Rocket) },
  ARTICLE: { color: '#4a4a4a', shape: 'rectangle', icon: white(Newspaper) },
};

export const KINDS = Object.keys(KIND_STYLES) as EntityKind[];
