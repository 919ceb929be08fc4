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

  it('meet the corpus targets: 60 pages, 400 entities besides regions, 1,200 facts, 15 events since 2017', () => {
    const content = buildSeed(files);
    const regionTree = (r: (typeof content.relations)[number]) =>
      r.type === 'PART_OF' && r.citations.every((c) => c.article === 'article:landkreise-deutschland');
    expect(content.entities.filter((e) => e.kind === 'ARTICLE').length).toBeGreaterThanOrEqual(60 + 1);
    expect(content.entities.filter((e) => e.kind !== 'REGION' && e.kind !== 'ARTICLE').length).toBeGreaterThanOrEqual(
      400,
    );
    expect(content.relations.filter((r) => !regionTree(r)).length).toBeGreaterThanOrEqual(1200);
    expect(content.entities.filter((e) => e.kind === 'EVENT' && (e.date ?? '') >= '2017').length).toBeGreaterThan(15);
  });

  it('name at least 14 of the 16 Länder with a sourced office of a digital minister or a CIO', () => {
    const content = buildSeed(files);
    const landOf = new Map<string, string>();
    for (const r of content.relations) {
      if ((r.type === 'PART_OF' || r.type === 'LOCATED_IN') && /^region:\d\d$/.test(r.to)) landOf.set(r.from, r.to);
    }
    const lands = new Set<string>();
    for (const r of content.relations) {
      if (r.type !== 'HOLDS_OFFICE_AT' || !/CIO|Minister|Beauftragte|Senator|CDO/i.test(r.role ?? '')) continue;
      const land = /^region:\d\d$/.test(r.to) ? r.to : landOf.get(r.to);
      if (land) lands.add(land);
    }
    expect(lands.size).toBeGreaterThanOrEqual(14);
  });

  it('give every third-party page its address, title, publisher and date, and quote it at most for an official name', () => {
    const articles = buildSeed(files).entities.filter(
      (e) => e.kind === 'ARTICLE' && e.id !== 'article:landkreise-deutschland',
    );
    for (const article of articles) {
      expect(article.url ?? article.source, article.id).toBeTruthy();
      expect(article.name.length, article.id).toBeGreaterThan(3);
      expect(article.publisher, article.id).toBeTruthy();
      expect(article.publishedOn, article.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    for (const { file, data } of files) {
      if (data.article.source) continue;
      for (const citation of data.relations.flatMap((r) => r.citations)) {
        // Their text is not ours: a short official name at most, and a note in our own words.
        if (citation.quote) expect(citation.quote.split(/\s+/).length, file).toBeLessThanOrEqual(10);
        expect(citation.note ?? citation.quote, file).toBeTruthy();
      }
    }
  });

  it('define one entity per real actor: no two of a kind share a name or an alias', () => {
    const content = buildSeed(files);
    const seen = new Map<string, string>();
    for (const entity of content.entities) {
      if (entity.kind === 'REGION' || entity.kind === 'ARTICLE') continue;
      for (const name of new Set([entity.name, ...entity.aliases])) {
        const key = `${entity.kind}|${name.toLowerCase().replace(/\s+/g, ' ')}`;
        const other = seen.get(key);
        expect(other === undefined || other === entity.id, `${key}: ${other} and ${entity.id}`).toBe(true);
        seen.set(key, entity.id);
      }
    }
  });

  it('quote their captured source verbatim', () => {
    let quotes = 0;
    for (const { file, data } of files) {
      const source = data.article.source;
      if (!source) continue;
      const text = normalise(readFileSync(path.join(SEED_DIR, source), 'utf8'));
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
    const articles = content.entities.filter((e) => e.kind === 'ARTICLE' && e.source !== undefined);
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
  url: https://example.org/test
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
      'articles/bad.yaml:8: entities.0.id must be an id like person:lydia-hueskens (lower case, no spaces)',
      'articles/bad.yaml:12: entities.1.kind Invalid option: expected one of "PERSON"|"ORGANIZATION"|"REGION"|"LAW"|"EVENT"|"INITIATIVE"|"ARTICLE"',
      'articles/bad.yaml:16: relations.0.type Invalid option: expected one of ' +
        '"HOLDS_OFFICE_AT"|"MEMBER_OF"|"ADVISES"|"PART_OF"|"LOCATED_IN"|"RESPONSIBLE_FOR"|"PARTICIPATED_IN"|"HOSTED"|' +
        '"TOOK_PLACE_IN"|"CONCERNS"|"IMPLEMENTS"|"AMENDS"|"SUPPORTS"|"OPPOSES"|"REFERS_TO"|"SPOKE_ABOUT"',
      'articles/bad.yaml:19: relations.0.validFrom is not a real date',
      'articles/bad.yaml:20: relations.0.citations every fact needs at least one citation',
    ]);
  });

  it("is refused when an article has no address, or a citation copies a sentence of someone else's page", () => {
    const problems = parseSeedText(
      'articles/bad.yaml',
      `article:
  id: article:test
  title: Test
  publisher: P
  publishedOn: 2024-01-02
relations:
  - id: rel:x
    type: ADVISES
    from: org:a
    to: org:b
    citations:
      - quote: Der Rat berät das Ministerium seit vielen Jahren in allen Fragen der digitalen Verwaltung.
`,
    ).problems;
    expect(problems).toEqual([
      'articles/bad.yaml:2: article.url every article needs its url (or source: for a captured page)',
      "articles/bad.yaml:12: relations.0.citations.0.quote quotes 14 words of someone else's page: quote at most an official name or title (10 words) and say the rest in a note in our own words",
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
