import { describe, expect, it } from 'vitest';
import { buildSeed, readSeedFiles } from '../../seed/load.js';
import { idFor } from '../../shared/ids.js';

describe('ids made from names', () => {
  it('spell umlauts and ß out, as the seed does: Hüskens → hueskens', () => {
    expect(idFor('PERSON', 'Lydia Hüskens')).toBe('person:lydia-hueskens');
    expect(idFor('PERSON', 'Bernd Schlömer')).toBe('person:bernd-schloemer');
    expect(idFor('PERSON', 'Anna Müller-Lüdenscheid')).toBe('person:anna-mueller-luedenscheid');
    expect(idFor('ORGANIZATION', 'Straßenbauamt Élan (Süd)')).toBe('org:strassenbauamt-elan-sued');
    // A decomposed ü (u + combining diaeresis) is the same letter.
    expect(idFor('PERSON', 'Lydia Hu\u0308skens')).toBe('person:lydia-hueskens');
    expect(idFor('PERSON', '  ')).toBe('person:ohne-namen');
  });

  it('are the ids the seed gives its people', () => {
    for (const person of buildSeed(readSeedFiles()).entities.filter((e) => e.kind === 'PERSON')) {
      expect(idFor('PERSON', person.name)).toBe(person.id);
    }
  });
});
