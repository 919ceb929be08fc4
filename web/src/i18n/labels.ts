import {
  type EntityKind,
  KIND_INFO,
  ORG_TYPE,
  type OrgType,
  RELATION_INFO,
  type RelationType,
} from '../../../shared/vocabulary.js';
import type { Language } from './language.js';

/** Labels from the one vocabulary, in the reader's language. */
export function kindLabel(kind: EntityKind, language: Language): string {
  return KIND_INFO[kind][language];
}

export function orgTypeLabel(type: OrgType, language: Language): string {
  return ORG_TYPE.labels[type][language === 'de' ? 0 : 1];
}

export function relationLabel(type: string, language: Language): string {
  return type in RELATION_INFO ? RELATION_INFO[type as RelationType][language] : type;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and precision: making one costs more than formatting with it. */
function dateFormat(language: Language, withDay: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withDay}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = withDay
      ? { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }
      : { month: 'long', year: 'numeric', timeZone: 'UTC' };
    format = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', options);
    formats.set(key, format);
  }
  return format;
}

/** A partial date in the reader's format: 31.8.2022 / 8/31/2022, Aug. 2022, 2022. */
export function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year) return iso;
  if (!month) return String(year);
  return dateFormat(language, Boolean(day)).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}
