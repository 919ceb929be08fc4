import { type EntityKind, KIND_INFO } from './vocabulary.js';

/**
 * A readable id from the name: "Lydia Hüskens" → person:lydia-hueskens, as the seed spells ids. Not through
 * foldGerman, which folds "ue" back to "u" for search.
 */
export function idFor(kind: EntityKind, name: string): string {
  const slug = name
    .normalize('NFC')
    .replace(/ä/gi, 'ae')
    .replace(/ö/gi, 'oe')
    .replace(/ü/gi, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${KIND_INFO[kind].idPrefix}:${slug || 'ohne-namen'}`;
}
