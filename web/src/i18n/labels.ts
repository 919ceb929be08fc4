import { type EntityKind, KIND_INFO, RELATION_INFO, type RelationType } from '../../../server/domain/vocabulary.js';
import type { Language } from '../state/view.js';

/** Labels from the one vocabulary, in the reader's language. */
export function kindLabel(kind: EntityKind, language: Language): string {
  return KIND_INFO[kind][language];
}

export function relationLabel(type: string, language: Language): string {
  return type in RELATION_INFO ? RELATION_INFO[type as RelationType][language] : type;
}

/** A partial date in the reader's format: 31.8.2022 / 8/31/2022, Aug. 2022, 2022. */
export function formatDate(iso: string, language: Language): string {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const [year, month, day] = iso.split('-').map(Number);
  if (!year) return iso;
  if (!month) return String(year);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day
    ? { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
