import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeedData } from '../../seed/format.js';
import { buildSeed, type NamedSeedFile, parseSeedText, readSeedFiles, SEED_DIR, SeedError } from '../../seed/load.js';
import { regionSeed } from '../../seed/regions.js';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('regions from landkreise-deutschland', () => {
  const regions = regionSeed();
  const byLevel = (level: string) => regions.entities.filter((e) => e.level === level);

  it('has the Bund, the 16 Länder and all 401 Kreise and kreisfreie Städte', () => {
    expect(byLevel('BUND')).toHaveLength(1);
    expect(byLevel('LAND')).toHaveLength(16);
    expect(byLevel('KREIS')).toHaveLength(401);
  });

  it('keeps AGS, NUTS-3, area and population, e.g. for the Salzlandkreis', () => {
    expect(regions.entities.find((e) => e.id === 'region:15089')).toMatchObject({
      name: 'Salzlandkreis',
      ags: '15089',
      nuts: 'DEE0C',
      areaKm2: 1427.33,
      population: 190560,
    });
  });

  it('places every Kreis in its Land and every Land in the Bund', () => {
    const partOf = new Map(regions.relations.map((r) => [r.from, r.to]));
    for (const kreis of byLevel('KREIS')) expect(partOf.get(kreis.id)).toBe(`region:${kreis.ags?.slice(0, 2)}`);
    for (const land of byLevel('LAND')) expect(partOf.get(land.id)).toBe('region:de');
  });

  it('tells apart a Landkreis and a kreisfreie Stadt of the same name', () => {
    const kassel = regions.entities.filter((e) => e.name.startsWith('Kassel'));
    expect(kassel.map((e) => e.name).sort()).toEqual(['Kassel (Kreisfreie Stadt)', 'Kassel (Landkreis)']);
  });
});

describe('seed article files', () => {
  const files = readSeedFiles();

  it('are valid and consistent with each other and the regions', () => {
    const content = buildSeed(files);
    expect(content.entities.length).toBeGreaterThanOrEqual(418 + 40);
    expect(content.relations.every((r) => r.citations.length > 0)).toBe(true);
  });

  it('quote their source verbatim', () => {
    let quotes = 0;
    for (const { file, data } of files) {
      const source = data.article.source;
      expect(source, `${file} names its captured page`).toBeDefined();
      const text = normalise(readFileSync(path.join(SEED_DIR, source ?? ''), 'utf8'));
      const cited = [
        ...data.relations.flatMap((r) => r.citations),
        ...data.entities.flatMap((e) => e.figures.map((f) => f.citation)),
      ];
      for (const citation of cited) {
        if (!citation.quote) continue;
        quotes += 1;
        expect(text, `${file}: ${citation.quote}`).toContain(normalise(citation.quote));
      }
    }
    expect(quotes).toBeGreaterThan(40);
  });

  it('cover the whole page: the main article, five teasers and three advertisers', () => {
    const content = buildSeed(files);
    const byId = new Map(content.entities.map((e) => [e.id, e]));
    const articles = content.entities.filter((e) => e.kind === 'ARTICLE' && e.publisher === 'Kommune21');
    expect(articles.map((a) => a.publishedOn).sort()).toEqual([
      '2022-08-31',
      '2024-03-06',
      '2024-03-28',
      '2024-03-28',
      '2024-04-03',
      '2024-04-09',
    ]);
    for (const name of [
      'Lydia Hüskens',
      'Bernd Schlömer',
      'Markus Bauer',
      'Ministerium für Infrastruktur und Digitales',
      'Digitalrat Sachsen-Anhalt',
      'Kreativraum',
      'Smart Region Salzlandkreis',
      'Bernburg (Saale)',
      'Onlinezugangsgesetz',
      'OZG-Änderungsgesetz',
      'Nationaler Normenkontrollrat',
      'Bundesrat',
      'Bitkom',
      'Chief Digital Officer',
      'Lecos GmbH',
      'Axians Infoma GmbH',
      'NOLIS GmbH',
    ]) {
      expect(content.entities.map((e) => e.name)).toContain(name);
    }
    const rel = (id: string) => content.relations.find((r) => r.id === id);
    expect(rel('rel:schleswig-holstein-lehnt-ozg-novelle-ab')).toMatchObject({ type: 'OPPOSES', from: 'region:01' });
    expect(rel('rel:thueringen-zentrale-loesungen')).toMatchObject({ type: 'SUPPORTS', from: 'region:16' });
    expect(rel('rel:bw-foerdert-e-government-koordinatoren')).toMatchObject({ validTo: '2025-06' });
    expect(byId.get('initiative:e-government-koordinatoren-bw')?.figures[0]).toMatchObject({ value: 38 });
    // "recently, as reported on 31.8.2022" is not "on 31.8.2022".
    expect(byId.get('event:digitalrat-sachsen-anhalt-2022-sitzung-2')).toMatchObject({
      date: '2022-08-31',
      dateQualifier: 'ON_OR_BEFORE',
    });
  });
});

describe('bad seed data', () => {
  const file = (text: string) => parseSeedText('articles/bad.yaml', text);
  const header = `article:
  id: article:test
  title: Test
  publisher: P
  publishedOn: 2024-01-02
`;

  it('is refused with the file, the line and what is wrong', () => {
    const { data, problems } = file(`${header}entities:
  - id: Person A
    kind: PERSON
    name: A
  - id: org:x
    kind: ORGANISATION
    name: X
relations:
  - id: rel:x
    type: KNOWS
    from: person:a
    to: org:b
    validFrom: 2024-02-30
    citations: []
`);
    expect(data).toBeUndefined();
    expect(problems).toEqual([
      'articles/bad.yaml:7: entities.0.id must be an id like person:lydia-hueskens (lower case, no spaces)',
      'articles/bad.yaml:11: entities.1.kind Invalid option: expected one of "PERSON"|"ORGANIZATION"|"REGION"|"LAW"|"EVENT"|"INITIATIVE"|"ARTICLE"',
      'articles/bad.yaml:15: relations.0.type Invalid option: expected one of ' +
        '"HOLDS_OFFICE_AT"|"MEMBER_OF"|"ADVISES"|"PART_OF"|"LOCATED_IN"|"RESPONSIBLE_FOR"|"PARTICIPATED_IN"|"HOSTED"|' +
        '"TOOK_PLACE_IN"|"CONCERNS"|"IMPLEMENTS"|"AMENDS"|"SUPPORTS"|"OPPOSES"|"REFERS_TO"|"SPOKE_ABOUT"',
      'articles/bad.yaml:18: relations.0.validFrom is not a real date',
      'articles/bad.yaml:19: relations.0.citations every fact needs at least one citation',
    ]);
  });

  it('is refused when the YAML itself is broken', () => {
    expect(file(`${header}entities: [\n`).problems[0]).toMatch(/^articles\/bad.yaml:\d+: not valid YAML: /);
  });

  it('is refused when a relation points nowhere or joins kinds the vocabulary does not allow', () => {
    const parsed = file(`${header}entities:
  - { id: "person:a", kind: PERSON, name: A }
relations:
  - { id: "rel:1", type: ADVISES, from: "person:a", to: "org:missing", citations: [{ quote: x }] }
  - { id: "rel:2", type: TOOK_PLACE_IN, from: "person:a", to: "region:15", citations: [{ quote: x }] }
`);
    expect(parsed.problems).toEqual([]);
    const named: NamedSeedFile = { file: 'articles/bad.yaml', data: parsed.data as SeedData };
    expect(() => buildSeed([named])).toThrow(SeedError);
    expect(() => buildSeed([named])).toThrow('articles/bad.yaml: relation rel:1: to org:missing is not a known entity');
    expect(() => buildSeed([named])).toThrow(
      'articles/bad.yaml: relation rel:2: TOOK_PLACE_IN goes from EVENT to REGION, not PERSON to REGION',
    );
  });

  it('is refused when an id is defined twice', () => {
    const parsed = file(`${header}entities:
  - { id: "region:15", kind: REGION, level: LAND, name: Doppelt }
`);
    const named: NamedSeedFile = { file: 'articles/bad.yaml', data: parsed.data as SeedData };
    expect(() => buildSeed([named])).toThrow(
      'articles/bad.yaml: entity region:15 is already defined in landkreise-deutschland',
    );
  });
});
