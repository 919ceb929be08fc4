import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Entity, Relation } from '../shared/model.js';

/**
 * Bund, Länder and Kreise. The 401 Kreise and kreisfreie Städte with AGS,
 * NUTS-3, area and population come from the npm package
 * landkreise-deutschland (Destatis Gemeindeverzeichnis, as of 31.12.2018,
 * CC-BY-4.0). The package's own entry point expects a JSON file it does not
 * ship, so its CSV is read directly.
 */
export const REGION_SOURCE: Entity = {
  id: 'article:destatis-kreise-2018',
  kind: 'ARTICLE',
  aliases: [],
  description: null,
  figures: [],
  name: 'Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte am 31.12.2018',
  publisher:
    'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys; via npm-Paket landkreise-deutschland 3.0.0',
  publishedOn: '2018-12-31',
  url: 'https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html',
  tags: ['Datensatz', 'Regionen'],
  license: 'CC-BY-4.0 (landkreise-deutschland, Alexander Wunschik); Daten: © Statistisches Bundesamt (Destatis)',
};

/** The Länder by their two-digit AGS, with NUTS-1 codes. */
const LAENDER: ReadonlyArray<readonly [ags: string, name: string, nuts: string]> = [
  ['01', 'Schleswig-Holstein', 'DEF'],
  ['02', 'Hamburg', 'DE6'],
  ['03', 'Niedersachsen', 'DE9'],
  ['04', 'Bremen', 'DE5'],
  ['05', 'Nordrhein-Westfalen', 'DEA'],
  ['06', 'Hessen', 'DE7'],
  ['07', 'Rheinland-Pfalz', 'DEB'],
  ['08', 'Baden-Württemberg', 'DE1'],
  ['09', 'Bayern', 'DE2'],
  ['10', 'Saarland', 'DEC'],
  ['11', 'Berlin', 'DE3'],
  ['12', 'Brandenburg', 'DE4'],
  ['13', 'Mecklenburg-Vorpommern', 'DE8'],
  ['14', 'Sachsen', 'DED'],
  ['15', 'Sachsen-Anhalt', 'DEE'],
  ['16', 'Thüringen', 'DEG'],
];

export interface District {
  readonly ags: string;
  readonly type: string;
  readonly officialName: string;
  readonly nuts3: string;
  readonly areaKm2: number;
  readonly population: number;
}

const COLUMNS = ['AGS', 'type', 'name', 'NUTS3', 'area_km2', 'population'] as const;

export function parseDistricts(csv: string): District[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const names = (header ?? '').split(';');
  const index = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  for (const column of COLUMNS) {
    if (index[column] < 0) throw new Error(`landkreise-deutschland: column ${column} is missing from districts.csv`);
  }
  return lines.map((line, n) => {
    const cells = line.split(';');
    const cell = (column: (typeof COLUMNS)[number]) => (cells[index[column]] ?? '').trim();
    const district: District = {
      ags: cell('AGS'),
      type: cell('type'),
      officialName: cell('name'),
      nuts3: cell('NUTS3'),
      areaKm2: Number(cell('area_km2')),
      population: Number(cell('population')),
    };
    if (!/^\d{5}$/.test(district.ags) || !Number.isFinite(district.areaKm2) || !Number.isInteger(district.population)) {
      throw new Error(`landkreise-deutschland: districts.csv line ${n + 2} is not a valid district: ${line}`);
    }
    return district;
  });
}

export function readDistricts(): District[] {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('landkreise-deutschland/package.json'));
  return parseDistricts(readFileSync(path.join(dir, 'data', 'districts.csv'), 'utf8'));
}

/** "Kiel, Landeshauptstadt" is known as Kiel; the official form stays an alias. */
function shortName(officialName: string): string {
  return officialName.split(',')[0]?.trim() ?? officialName;
}

export interface RegionSeed {
  readonly article: Entity;
  readonly entities: Entity[];
  readonly relations: Relation[];
}

const REGION_DEFAULTS: Pick<Entity, 'kind' | 'aliases' | 'description' | 'figures'> = {
  kind: 'REGION',
  aliases: [],
  description: null,
  figures: [],
};
const RELATION_DEFAULTS: Pick<Relation, 'role' | 'validFrom' | 'validFromQualifier' | 'validTo' | 'validToQualifier'> =
  {
    role: null,
    validFrom: null,
    validFromQualifier: null,
    validTo: null,
    validToQualifier: null,
  };

export function regionSeed(districts: readonly District[] = readDistricts()): RegionSeed {
  const citations = [{ article: REGION_SOURCE.id, quote: null, note: null }];
  const entities: Entity[] = [
    {
      ...REGION_DEFAULTS,
      id: 'region:de',
      name: 'Deutschland',
      aliases: ['Bund', 'Bundesrepublik Deutschland'],
      level: 'BUND',
      nuts: 'DE',
    },
  ];
  const relations: Relation[] = [];
  for (const [ags, name, nuts] of LAENDER) {
    const own = districts.filter((d) => d.ags.startsWith(ags));
    const population = own.reduce((sum, d) => sum + d.population, 0);
    const areaKm2 = Math.round(own.reduce((sum, d) => sum + d.areaKm2, 0) * 100) / 100;
    entities.push({
      ...REGION_DEFAULTS,
      id: `region:${ags}`,
      name,
      description: `Land, ${population.toLocaleString('de-DE')} Einwohner, ${areaKm2.toLocaleString('de-DE')} km² (31.12.2018, Summe der Kreise)`,
      level: 'LAND',
      ags,
      nuts,
      areaKm2,
      population,
      populationDate: '2018-12-31',
    });
    relations.push({
      ...RELATION_DEFAULTS,
      id: `rel:part-of-${ags}`,
      type: 'PART_OF',
      from: `region:${ags}`,
      to: 'region:de',
      citations,
    });
  }
  const names = new Map<string, number>();
  for (const d of districts) names.set(shortName(d.officialName), (names.get(shortName(d.officialName)) ?? 0) + 1);
  for (const d of districts) {
    const short = shortName(d.officialName);
    // Names shared by a Landkreis and its kreisfreie Stadt (e.g. Kassel) keep the type to tell them apart.
    const name = (names.get(short) ?? 0) > 1 ? `${short} (${d.type})` : short;
    const aliases = [...new Set([d.officialName, short].filter((alias) => alias !== name))];
    entities.push({
      ...REGION_DEFAULTS,
      id: `region:${d.ags}`,
      name,
      aliases,
      description: `${d.type}, ${d.population.toLocaleString('de-DE')} Einwohner, ${d.areaKm2.toLocaleString('de-DE')} km² (31.12.2018)`,
      level: 'KREIS',
      ags: d.ags,
      nuts: d.nuts3,
      kreisType: d.type,
      areaKm2: d.areaKm2,
      population: d.population,
      populationDate: '2018-12-31',
    });
    relations.push({
      ...RELATION_DEFAULTS,
      id: `rel:part-of-${d.ags}`,
      type: 'PART_OF',
      from: `region:${d.ags}`,
      to: `region:${d.ags.slice(0, 2)}`,
      citations,
    });
  }
  return { article: REGION_SOURCE, entities, relations };
}
