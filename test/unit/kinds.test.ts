import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../shared/vocabulary.js';
import { KIND_STYLES } from '../../web/src/graph/kinds.js';

describe('the look of each kind', () => {
  it('gives every kind of the vocabulary its own colour, shape and a white SVG icon', () => {
    expect(Object.keys(KIND_STYLES).sort()).toEqual([...ENTITY_KINDS].sort());
    const styles = Object.values(KIND_STYLES);
    expect(new Set(styles.map((s) => s.color)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.icon)).size).toBe(styles.length);
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const { icon } of styles) {
      const prefix = 'data:image/svg+xml;utf8,';
      expect(icon.startsWith(prefix)).toBe(true);
      const svg = parser.parse(decodeURIComponent(icon.slice(prefix.length))).svg;
      expect(svg['@_stroke']).toBe('#ffffff');
      expect(svg['@_viewBox']).toBe('0 0 24 24');
    }
  });
});
