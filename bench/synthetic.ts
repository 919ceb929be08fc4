import { de, Faker } from '@faker-js/faker';
import type { Entity, Relation } from '../shared/model.js';
import { type EntityKind, ORG_TYPES, type RelationType } from '../shared/vocabulary.js';

/**
 * A synthetic graph for benchmarks, the same for the same seed and scale:
 * German people, organisations, regions (Länder → Kreise → Gemeinden),
 * laws, initiatives, events and articles, and facts between them with
 * citations and validity dates. It is produced in chunks, so a million
 * relations never sit in memory at once, and its ids (`person:syn-000042`)
 * never collide with the real graph's.
 */

export interface Scale {
  readonly people: number;
  readonly organisations: number;
  readonly regions: number;
  readonly laws: number;
  readonly initiatives: number;
  readonly articles: number;
  readonly events: number;
  readonly relations: number;
}

/** The scale: 200k entities (100k of them events) and 1M relations. */
export const FULL: Scale = {
  people: 60_000,
  organisations: 20_000,
  regions: 10_000,
  laws: 1_000,
  initiatives: 5_000,
  articles: 4_000,
  events: 100_000,
  relations: 1_000_000,
};

/** A tenth of it, for `npm run bench -- --quick`. */
export const QUICK: Scale = Object.fromEntries(
  Object.entries(FULL).map(([key, value]) => [key, Math.ceil(value / 10)]),
) as unknown as Scale;

const PREFIX: Record<EntityKind, string> = {
  PERSON: 'person',
  ORGANIZATION: 'org',
  REGION: 'region',
  LAW: 'law',
  EVENT: 'event',
  INITIATIVE: 'initiative',
  ARTICLE: 'article',
};

export const synId = (kind: EntityKind, n: number) => `${PREFIX[kind]}:syn-${String(n).padStart(7, '0')}`;

const countOf = (scale: Scale, kind: EntityKind): number =>
  ({
    PERSON: scale.people,
    ORGANIZATION: scale.organisations,
    REGION: scale.regions,
    LAW: scale.laws,
    EVENT: scale.events,
    INITIATIVE: scale.initiatives,
    ARTICLE: scale.articles,
  })[kind];

const KINDS: readonly EntityKind[] = ['REGION', 'ARTICLE', 'PERSON', 'ORGANIZATION', 'LAW', 'INITIATIVE', 'EVENT'];

const TOPICS = [
  'Digitalisierung',
  'Onlinezugang',
  'Breitband',
  'E-Akte',
  'Cloud',
  'Open Data',
  'KI',
  'Registermodernisierung',
];
const BODIES = ['Ministerium für', 'Landesamt für', 'Zweckverband', 'Digitalrat', 'Kompetenzzentrum', 'Amt für'];

function isoDay(from: string, to: string): string {
  return faker.date.between({ from, to }).toISOString().slice(0, 10);
}

/**
 * One German faker, seeded anew at the start of every block of items. Items are always made in order, so
 * each is the same whatever the chunk size; seeding per item would cost more than making it.
 */
const faker = new Faker({ locale: [de] });
const BLOCK = 1000;

/** One entity of a kind, its n-th (made in order of n). */
function entityOf(kind: EntityKind, n: number, seed: number, scale: Scale): Entity {
  if (n % BLOCK === 0) faker.seed([seed, KINDS.indexOf(kind), n / BLOCK]);
  const id = synId(kind, n);
  const base = { id, kind, aliases: [] as string[], description: null, figures: [] };
  switch (kind) {
    case 'PERSON':
      return { ...base, name: `${faker.person.firstName()} ${faker.person.lastName()}` };
    case 'ORGANIZATION': {
      const name = `${faker.helpers.arrayElement(BODIES)} ${faker.helpers.arrayElement(TOPICS)} ${faker.location.city()}`;
      return {
        ...base,
        name,
        orgType: faker.helpers.arrayElement(ORG_TYPES),
        aliases: [
          name
            .split(' ')
            .map((w) => w[0])
            .join(''),
        ],
      };
    }
    case 'REGION': {
      // 16 Länder, then Kreise, then Gemeinden.
      const level = n < 16 ? 'LAND' : n < Math.max(17, scale.regions / 20) ? 'KREIS' : 'GEMEINDE';
      const name = level === 'KREIS' ? `Landkreis ${faker.location.city()}` : faker.location.city();
      return { ...base, name: level === 'LAND' ? `Land ${faker.location.state()} ${n}` : name, level };
    }
    case 'LAW':
      return {
        ...base,
        name: `Gesetz über ${faker.helpers.arrayElement(TOPICS)} ${n}`,
        abbreviation: `G${faker.string.alpha({ length: 3, casing: 'upper' })}${n}`,
      };
    case 'INITIATIVE':
      return {
        ...base,
        name: `${faker.helpers.arrayElement(TOPICS)}-Initiative ${faker.location.city()}`,
        initiativeType: 'PROJECT',
      };
    case 'EVENT':
      return {
        ...base,
        name: `${faker.helpers.arrayElement(['Sitzung', 'Fachtag', 'Kongress', 'Beschluss'])} ${faker.helpers.arrayElement(TOPICS)} ${faker.location.city()}`,
        eventType: faker.helpers.arrayElement(['MEETING', 'DECISION', 'OTHER'] as const),
        date: isoDay('2018-01-01', '2026-06-30'),
      };
    case 'ARTICLE':
      return {
        ...base,
        name: faker.lorem.sentence({ min: 4, max: 9 }),
        publisher: faker.helpers.arrayElement(['Kommune21', 'Behörden Spiegel', 'eGovernment', 'heise']),
        publishedOn: isoDay('2018-01-01', '2026-06-30'),
        url: `https://example.org/syn/${n}`,
        tags: [],
      };
  }
}

/** Relation types with the kinds at both ends, and how often each is drawn. */
const SHAPES: ReadonlyArray<{ type: RelationType; from: EntityKind; to: EntityKind; weight: number; role?: string }> = [
  { type: 'PARTICIPATED_IN', from: 'PERSON', to: 'EVENT', weight: 30 },
  { type: 'TOOK_PLACE_IN', from: 'EVENT', to: 'REGION', weight: 10 },
  { type: 'HOLDS_OFFICE_AT', from: 'PERSON', to: 'ORGANIZATION', weight: 12, role: 'Referatsleitung' },
  { type: 'MEMBER_OF', from: 'PERSON', to: 'ORGANIZATION', weight: 12 },
  { type: 'LOCATED_IN', from: 'ORGANIZATION', to: 'REGION', weight: 4 },
  { type: 'SPOKE_ABOUT', from: 'PERSON', to: 'INITIATIVE', weight: 10 },
  { type: 'SUPPORTS', from: 'ORGANIZATION', to: 'LAW', weight: 5 },
  { type: 'CONCERNS', from: 'EVENT', to: 'INITIATIVE', weight: 8 },
  { type: 'ADVISES', from: 'ORGANIZATION', to: 'ORGANIZATION', weight: 4 },
  { type: 'PART_OF', from: 'REGION', to: 'REGION', weight: 1 },
  { type: 'HOSTED', from: 'ORGANIZATION', to: 'EVENT', weight: 4 },
];
const WEIGHTED = SHAPES.map((shape) => ({ weight: shape.weight, value: shape }));

/** The n-th relation: its type by weight, its ends by a skewed draw (a few hubs, many leaves), one citation. */
function relationOf(n: number, seed: number, scale: Scale): Relation {
  if (n % BLOCK === 0) faker.seed([seed, 99, n / BLOCK]);
  const shape = faker.helpers.weightedArrayElement(WEIGHTED);
  // Squaring a uniform draw favours low numbers: some entities gather many facts, as ministries do.
  const end = (kind: EntityKind) => Math.floor(faker.number.float({ min: 0, max: 1 }) ** 2 * countOf(scale, kind));
  const from = end(shape.from);
  let to = end(shape.to);
  if (shape.from === shape.to && to === from) to = (to + 1) % countOf(scale, shape.to);
  const validFrom = faker.datatype.boolean(0.7)
    ? isoDay('2015-01-01', '2025-12-31').slice(0, faker.helpers.arrayElement([4, 7, 10]))
    : null;
  return {
    id: `rel:syn-${String(n).padStart(8, '0')}`,
    type: shape.type,
    from: synId(shape.from, from),
    to: synId(shape.to, to),
    role: shape.role ?? null,
    validFrom,
    validFromQualifier: validFrom ? faker.helpers.arrayElement(['EXACT', 'ON_OR_BEFORE'] as const) : null,
    validTo: null,
    validToQualifier: null,
    citations: [
      {
        article: synId('ARTICLE', faker.number.int({ min: 0, max: scale.articles - 1 })),
        quote: faker.lorem.sentence({ min: 6, max: 14 }),
        note: null,
      },
    ],
  };
}

/** The entities, in chunks of `size`, kinds in an order that loads articles and regions first. */
export function* syntheticEntities(scale: Scale, seed: number, size = 10_000): Generator<Entity[]> {
  for (const kind of KINDS) {
    const count = countOf(scale, kind);
    for (let start = 0; start < count; start += size) {
      const chunk: Entity[] = [];
      for (let n = start; n < Math.min(count, start + size); n++) chunk.push(entityOf(kind, n, seed, scale));
      yield chunk;
    }
  }
}

/** The relations, in chunks of `size`; every end and cited article is one of `syntheticEntities`. */
export function* syntheticRelations(scale: Scale, seed: number, size = 10_000): Generator<Relation[]> {
  for (let start = 0; start < scale.relations; start += size) {
    const chunk: Relation[] = [];
    for (let n = start; n < Math.min(scale.relations, start + size); n++) chunk.push(relationOf(n, seed, scale));
    yield chunk;
  }
}
