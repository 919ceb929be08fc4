import { type Citation, precisionOf } from '../../shared/model.js';
import type { DatePrecision, DateQualifier, EntityKind, RelationType } from '../../shared/vocabulary.js';
import { DATE_QUALIFIERS, ENTITY_KINDS, RELATION_TYPES } from '../../shared/vocabulary.js';
import type { Plain } from './plain.js';
import { citationsFromProps, text, texts } from './storage.js';

/** An entity as the API sees it: common fields plus the kind's own properties. */
export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly props: Readonly<Record<string, Plain>>;
  /**
   * Only the properties one query asked for were read (neighborhood's projection): good for that query's
   * answer, never cached for others in the same request.
   */
  readonly partial?: true;
}

export type CitationRecord = Citation;

export interface PartialDateRecord {
  readonly date: string;
  readonly precision: DatePrecision;
  readonly qualifier: DateQualifier;
}

export interface RelationRecord {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly role: string | null;
  readonly validFrom: PartialDateRecord | null;
  readonly validTo: PartialDateRecord | null;
  /** Null when the query left them out (the canvas needs none): load the relation by id for them. */
  readonly citations: readonly CitationRecord[] | null;
  readonly recordedAt: string | null;
  readonly recordedBy: string | null;
  readonly version: number;
  /** Its ends as the same query read them (partial entities, see EntityRecord.partial). */
  readonly ends?: ReadonlyMap<string, EntityRecord>;
}

type Row = Readonly<Record<string, Plain>>;

function oneOf<T extends string>(values: readonly T[], value: Plain | undefined, what: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new Error(`Stored ${what} ${JSON.stringify(value)} is not in the vocabulary`);
}

const COMMON = new Set(['id', 'kind', 'name', 'aliases', 'description', 'searchName', 'searchAliases']);

export function toEntity(row: Row): EntityRecord {
  const props: Record<string, Plain> = {};
  for (const [key, value] of Object.entries(row)) if (!COMMON.has(key)) props[key] = value;
  return {
    id: String(row.id),
    kind: oneOf(ENTITY_KINDS, row.kind, 'entity kind'),
    name: String(row.name ?? ''),
    aliases: texts(row.aliases),
    description: text(row.description),
    props,
  };
}

/** An entity from only some of its properties (the rest were not read). */
export function partialEntity(row: Row): EntityRecord {
  return { ...toEntity(row), partial: true };
}

export function partialDate(date: Plain | undefined, qualifier: Plain | undefined): PartialDateRecord | null {
  const value = text(date);
  if (value === null) return null;
  return {
    date: value,
    precision: precisionOf(value),
    qualifier: qualifier == null ? 'EXACT' : oneOf(DATE_QUALIFIERS, qualifier, 'date qualifier'),
  };
}

export function toRelation(row: Row): RelationRecord {
  return {
    id: String(row.id),
    type: oneOf(RELATION_TYPES, row.type, 'relation type'),
    from: String(row.from),
    to: String(row.to),
    role: text(row.role),
    validFrom: partialDate(row.validFrom, row.validFromQualifier),
    validTo: partialDate(row.validTo, row.validToQualifier),
    citations: row.withoutCitations === true ? null : citationsFromProps(row),
    recordedAt: text(row.recordedAt),
    recordedBy: text(row.recordedBy),
    version: typeof row.version === 'number' ? row.version : 1,
  };
}
