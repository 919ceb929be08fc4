import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  entityCandidate,
  entityProblems,
  entityValues,
  fieldsOf,
  germanMessage,
  patchOf,
  type RelationDraft,
  relationProblems,
  typesBetween,
} from '../../web/src/editing/rules.js';

describe("the editors' forms check with the model's own rules", () => {
  it('has a German sentence for every message the model can give', () => {
    const source = readFileSync(new URL('../../shared/model.ts', import.meta.url), 'utf8');
    const messages = [...source.matchAll(/['`]((?:must|is|needs|every) [^'`]+)['`]/g)].map((m) =>
      (m[1] ?? '').replace(/\$\{[^}]+\}/g, 'X'),
    );
    expect(messages.length).toBeGreaterThan(15);
    for (const message of messages) expect(germanMessage(message), message).not.toBeNull();
  });

  it('says in German what is wrong with a new event, per field', () => {
    const problems = entityProblems('EVENT', entityCandidate('EVENT', { name: ' ', date: '31.08.2022' }), 'de');
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'Pflichtfeld.' },
        { field: 'date', message: 'Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT angeben, z. B. 2022-08-31.' },
        { field: 'eventType', message: 'Pflichtfeld für diese Art.' },
      ]),
    );
    expect(
      entityProblems('EVENT', entityCandidate('EVENT', { name: 'Sitzung', date: '2024-02-30' }), 'de'),
    ).toContainEqual({
      field: 'date',
      message: 'Dieses Datum gibt es nicht.',
    });
    expect(
      entityProblems(
        'EVENT',
        entityCandidate('EVENT', { name: 'Sitzung', eventType: 'MEETING', date: '2022-10' }),
        'de',
      ),
    ).toEqual([]);
  });

  it('checks URLs, lengths, numbers and required article fields', () => {
    const article = entityCandidate('ARTICLE', {
      name: 'Titel',
      publisher: 'Kommune21',
      publishedOn: '2022-08-31',
      url: 'ftp://x',
    });
    expect(entityProblems('ARTICLE', article, 'de')).toEqual([
      { field: 'url', message: 'Eine Adresse mit http:// oder https:// angeben.' },
    ]);
    expect(entityProblems('ARTICLE', { ...article, url: undefined }, 'de')).toEqual([
      { field: 'url', message: 'Pflichtfeld.' },
    ]);
    expect(entityProblems('PERSON', entityCandidate('PERSON', { name: 'x'.repeat(501) }), 'de')).toEqual([
      { field: 'name', message: 'Höchstens 500 Zeichen.' },
    ]);
    expect(
      entityProblems('REGION', entityCandidate('REGION', { name: 'Kreis', level: 'KREIS', population: '12,5' }), 'de'),
    ).toEqual([{ field: 'population', message: 'Eine ganze Zahl angeben.' }]);
    expect(
      entityProblems('REGION', entityCandidate('REGION', { name: 'Kreis', level: 'KREIS', population: 'viele' }), 'en'),
    ).toEqual([{ field: 'population', message: 'Must be a number.' }]);
  });

  it('turns form text into the model and back, and a patch holds only what changed', () => {
    const candidate = entityCandidate('ARTICLE', {
      name: ' Titel ',
      aliases: 'Eins\n\n Zwei ',
      description: '',
      tags: 'OZG, Digitalrat,',
      publisher: 'Kommune21',
    });
    expect(candidate).toEqual({
      kind: 'ARTICLE',
      name: 'Titel',
      aliases: ['Eins', 'Zwei'],
      description: null,
      tags: ['OZG', 'Digitalrat'],
      publisher: 'Kommune21',
    });
    expect(entityValues({ ...candidate, id: 'article:x' })).toMatchObject({
      aliases: 'Eins\nZwei',
      tags: 'OZG, Digitalrat',
    });
    const before = { id: 'article:x', ...candidate };
    expect(patchOf(before, { ...candidate, publisher: 'Behörden Spiegel', tags: [] })).toEqual({
      publisher: 'Behörden Spiegel',
      tags: [],
    });
    expect(patchOf(before, { ...candidate, description: null })).toEqual({});
  });

  it('offers each kind its own fields, with the choices of the vocabulary', () => {
    expect(fieldsOf('PERSON')).toEqual([]);
    const org = fieldsOf('ORGANIZATION');
    expect(org.map((f) => f.name)).toEqual(['orgType', 'website', 'address']);
    expect(org[0]).toMatchObject({ type: 'choice', required: true });
    expect(org[0]?.options).toContainEqual({ value: 'MINISTRY', de: 'Ministerium', en: 'Ministry' });
    expect(fieldsOf('EVENT').find((f) => f.name === 'date')?.type).toBe('date');
  });

  it('allows only relation types the vocabulary allows between the two kinds, and needs a source', () => {
    expect(typesBetween('PERSON', 'ORGANIZATION')).toContain('HOLDS_OFFICE_AT');
    expect(typesBetween('LAW', 'LAW')).toEqual(expect.arrayContaining(['AMENDS']));
    expect(typesBetween('PERSON', 'ORGANIZATION')).not.toContain('AMENDS');
    const draft: RelationDraft = {
      type: 'AMENDS',
      from: { id: 'person:x', kind: 'PERSON' },
      to: { id: 'org:y', kind: 'ORGANIZATION' },
      role: '',
      validFrom: '2023-01-01',
      validFromQualifier: '',
      validTo: '2022',
      validToQualifier: '',
      citations: [],
    };
    expect(relationProblems(draft, 'de')).toEqual([
      { field: 'type', message: 'Diese Beziehung ist zwischen diesen Arten nicht erlaubt.' },
      { field: 'citations', message: 'Jeder Fakt braucht mindestens eine Quelle.' },
      { field: 'validTo', message: 'Liegt vor dem Beginn (2023-01-01).' },
    ]);
    expect(
      relationProblems(
        { ...draft, type: 'HOLDS_OFFICE_AT', validTo: '', citations: [{ article: '', quote: '', note: '' }] },
        'de',
      ),
    ).toEqual([{ field: 'citations.0.article', message: 'Einen Artikel als Quelle wählen.' }]);
  });
});
