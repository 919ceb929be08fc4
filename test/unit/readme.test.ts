import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_INFO, RELATION_INFO, RELATION_TYPES } from '../../shared/vocabulary.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('documents every relation type of the vocabulary with its ends', () => {
    for (const type of RELATION_TYPES) {
      const info = RELATION_INFO[type];
      const kinds = (list: readonly (keyof typeof KIND_INFO)[]) => list.map((k) => KIND_INFO[k].typename).join(', ');
      expect(readme).toContain(`| \`${type}\` | ${info.de} / ${info.en} | ${kinds(info.from)} | ${kinds(info.to)} |`);
    }
  });

  it('shows the two commands of the quick start', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
