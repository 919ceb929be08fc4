import { foldGerman } from '../../shared/fold.js';
import type { GraphContent } from '../../shared/integrity.js';
import {
  ATTRIBUTE_NAMES,
  type Citation,
  dateBounds,
  type Entity,
  type Figure,
  type Mention,
  precisionOf,
  type Relation,
} from '../../shared/model.js';
import { KIND_INFO } from '../../shared/vocabulary.js';
import type { Plain } from './plain.js';

/**
 * How the model is stored in Neo4j, in both directions. Seed, import and
 * editors write through `entityProps`/`relationProps`; export reads back
 * through `entityFromProps`/`relationFromProps`. Derived properties (folded
 * search text, date precision and bounds) are computed here and never
 * exported, so they cannot drift from what they derive from.
 */

export type StoredValue = string | number | boolean | string[] | number[] | null;
export type Props = Record<string, StoredValue>;

/** Bookkeeping every stored entity and relation has. */
export interface Recorded {
  readonly version: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

const DERIVED_ENTITY = new Set(['searchName', 'searchAliases', 'datePrecision', 'dateStart', 'dateEnd']);
const DERIVED_RELATION = new Set([
  'validFromPrecision',
  'validFromStart',
  'validToPrecision',
  'validToEnd',
  'citeArticles',
  'citeQuotes',
  'citeNotes',
]);

function dateProps(prefix: string, date: string | null | undefined, edge: 'start' | 'end' | 'both'): Props {
  if (!date) return {};
  const bounds = dateBounds(date);
  const props: Props = { [`${prefix}Precision`]: precisionOf(date) };
  if (edge !== 'end') props[`${prefix}Start`] = bounds.start;
  if (edge !== 'start') props[`${prefix}End`] = bounds.end;
  return props;
}

export function entityProps(entity: Entity): Props {
  const props: Props = {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases: [...entity.aliases],
    description: entity.description,
    searchName: foldGerman(entity.name),
    searchAliases: entity.aliases.map(foldGerman).join(' | '),
    // Figures are shown, not queried: one JSON property keeps label, value, unit and source together.
    figures: entity.figures.length > 0 ? JSON.stringify(entity.figures) : null,
    ...dateProps('date', entity.date, 'both'),
  };
  for (const key of ATTRIBUTE_NAMES) {
    const value = entity[key];
    if (value !== undefined) props[key] = Array.isArray(value) ? [...value] : value;
  }
  return props;
}

export function entityLabel(entity: Pick<Entity, 'kind'>): string {
  return KIND_INFO[entity.kind].typename;
}

export function relationProps(relation: Relation): Omit<Props, 'from' | 'to' | 'type'> {
  return {
    id: relation.id,
    role: relation.role,
    validFrom: relation.validFrom,
    validFromQualifier: relation.validFromQualifier,
    validTo: relation.validTo,
    validToQualifier: relation.validToQualifier,
    ...dateProps('validFrom', relation.validFrom, 'start'),
    ...dateProps('validTo', relation.validTo, 'end'),
    // Parallel lists, because Neo4j properties hold no maps and the article ids must stay queryable.
    citeArticles: relation.citations.map((c) => c.article),
    citeQuotes: relation.citations.map((c) => c.quote ?? ''),
    citeNotes: relation.citations.map((c) => c.note ?? ''),
  };
}

type Row = Readonly<Record<string, Plain>>;

/** A stored string, or null for a missing or empty one. */
export const text = (value: Plain | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
/** The strings of a stored list. */
export const texts = (value: Plain | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function citationsFromProps(row: Row): Citation[] {
  const quotes = texts(row.citeQuotes);
  const notes = texts(row.citeNotes);
  return texts(row.citeArticles).map((article, i) => ({ article, quote: text(quotes[i]), note: text(notes[i]) }));
}

export function figuresFromProps(row: Row): Figure[] {
  const raw = text(row.figures);
  return raw ? (JSON.parse(raw) as Figure[]) : [];
}

/** The stored entity as the model (plus bookkeeping), without derived properties. */
export function entityFromProps(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (DERIVED_ENTITY.has(key) || value === null) continue;
    out[key] = key === 'figures' ? figuresFromProps(row) : value;
  }
  out.aliases = texts(row.aliases);
  out.description = text(row.description);
  return out;
}

/** The stored relation as the model (plus bookkeeping), without derived properties. */
export function relationFromProps(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (DERIVED_RELATION.has(key)) continue;
    out[key] = value;
  }
  out.citations = citationsFromProps(row);
  return out;
}

/** A graph as the bulk writes (the seed, the benchmark) send it to Neo4j: labels and stored properties. */
export interface WritePayload {
  readonly entities: Array<{ id: string; label: string; props: Props }>;
  readonly relations: Array<{ id: string; type: string; from: string; to: string; props: Props }>;
  readonly mentions: readonly Mention[];
}

export function toPayload(content: GraphContent): WritePayload {
  return {
    entities: content.entities.map((entity) => ({
      id: entity.id,
      label: entityLabel(entity),
      props: entityProps(entity),
    })),
    relations: content.relations.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      props: relationProps(r),
    })),
    mentions: content.mentions,
  };
}
