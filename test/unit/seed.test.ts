import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeedFile } from '../../seed/format.js';
import { buildSeed, type NamedSeedFile, readSeedFiles, SEED_DIR, SeedError } from '../../seed/load.js';
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
    const payload = buildSeed(files);
    expect(payload.entities.length).toBeGreaterThan(418);
    expect(payload.relations.every((r) => (r.props.citeArticles as string[]).length > 0)).toBe(true);
  });

  it('quote their source verbatim', () => {
    for (const { file, data } of files) {
      if (!data.article.source) continue;
      const source = normalise(readFileSync(path.join(SEED_DIR, data.article.source), 'utf8'));
      for (const relation of data.relations) {
        for (const citation of relation.citations) {
          if (citation.quote) expect(source, `${file} ${relation.id}`).toContain(normalise(citation.quote));
        }
      }
    }
  });

  it('name the people, bodies, places and law of the Digitalrat article', () => {
    const payload = buildSeed(files);
    const names = new Set(payload.entities.map((e) => e.props.name));
    for (const name of [
      'Lydia Hüskens',
      'Bernd Schlömer',
      'Markus Bauer',
      'Ministerium für Infrastruktur und Digitales',
      'Digitalrat Sachsen-Anhalt',
      'Bernburg (Saale)',
      'Onlinezugangsgesetz',
      'Sachsen-Anhalt: Digitalrat tritt erneut zusammen',
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe('bad seed data', () => {
  const base = (): NamedSeedFile => ({
    file: 'articles/test.yaml',
    data: SeedFile.parse({
      article: { id: 'article:test', title: 'Test', publisher: 'P', publishedOn: '2024-01-02' },
      entities: [{ id: 'person:a', kind: 'PERSON', name: 'A' }],
      relations: [],
    }),
  });

  it('is refused with the file, the place and what is wrong', () => {
    const parsed = SeedFile.safeParse({
      article: { id: 'article:x', title: 'T', publisher: 'P', publishedOn: '2024-02-30' },
      entities: [{ id: 'Person A', kind: 'PERSON', name: 'A' }],
      relations: [{ id: 'rel:x', type: 'ADVISES', from: 'person:a', to: 'org:b', citations: [] }],
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];
    expect(messages).toContain('article.publishedOn is not a real date');
    expect(messages).toContain('entities.0.id must be an id like person:lydia-hueskens (lower case, no spaces)');
    expect(messages).toContain('relations.0.citations every fact needs at least one citation');
  });

  it('is refused when a relation points nowhere or joins kinds the vocabulary does not allow', () => {
    const file = base();
    file.data.relations.push(
      { id: 'rel:1', type: 'ADVISES', from: 'person:a', to: 'org:missing', citations: [{ quote: 'x' }] },
      { id: 'rel:2', type: 'TOOK_PLACE_IN', from: 'person:a', to: 'region:15', citations: [{ quote: 'x' }] },
    );
    expect(() => buildSeed([file])).toThrow(SeedError);
    expect(() => buildSeed([file])).toThrow(
      /articles\/test.yaml: relations\[0\] \(rel:1\): to org:missing is not a known entity/,
    );
    expect(() => buildSeed([file])).toThrow(/TOOK_PLACE_IN goes from EVENT to REGION, not PERSON to REGION/);
  });

  it('is refused when an id is defined twice', () => {
    const file = base();
    file.data.entities.push({ id: 'region:15', kind: 'REGION', level: 'LAND', name: 'Doppelt', aliases: [] });
    expect(() => buildSeed([file])).toThrow(/entity region:15 is already defined in landkreise-deutschland/);
  });
});
