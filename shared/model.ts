import { z } from 'zod';
import {
  DATE_QUALIFIERS,
  type DatePrecision,
  ENTITY_KINDS,
  EVENT_TYPES,
  INITIATIVE_TYPES,
  isWellFormedId,
  KIND_INFO,
  kindOfId,
  ORG_TYPES,
  REGION_LEVELS,
  RELATION_TYPES,
} from './vocabulary.js';

/**
 * The model as data: what an entity and a relation consist of. Seed files,
 * imports and (later) editors' input are all checked against these schemas,
 * so the rules live in one place.
 */

/** A partial date whose form is its precision: 2022, 2022-08 or 2022-08-31. */
export const PartialDate = z
  .string({ error: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    if (value.length !== 10) return true;
    const parsed = new Date(`${value}T00:00:00Z`);
    // 2024-02-30 parses as 1 March; only a date that reads back the same is real.
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'is not a real date');

export const DateQualifier = z.enum(DATE_QUALIFIERS);

export const Id = z
  .string({ error: 'must be an id' })
  .refine(isWellFormedId, 'must be an id like person:lydia-hueskens (lower case, no spaces)');
export const RelationId = z
  .string({ error: 'must be a relation id' })
  .regex(/^rel:[a-z0-9][a-z0-9._-]{0,199}$/, 'must be an id like rel:hueskens-ministerin-mid');

/** Control characters (NUL, escape, line breaks …): never part of a name, a role or a label. */
const CONTROL = /\p{Cc}/u;
/** Control characters other than tab and line breaks, which a description or a quote may hold. */
const CONTROL_BUT_LINES = /(?![\t\n\r])\p{Cc}/u;
/** Half of a surrogate pair: UTF-16 that is no Unicode text, stored by Neo4j as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

const BaseText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => !LONE_SURROGATE.test(text), 'is not valid Unicode text (half of a surrogate pair)');
/** One line of text: no control characters. */
const Text = BaseText.refine(
  (text) => !CONTROL.test(text),
  'must not hold control characters (such as NUL, a tab or a line break)',
);
/** Text of several lines (a description, a quote): line breaks and tabs, no other control characters. */
const LongText = BaseText.refine(
  (text) => !CONTROL_BUT_LINES.test(text),
  'must not hold control characters other than line breaks and tabs (such as NUL)',
);
const Url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const Citation = z.object({
  article: Id.refine((id) => kindOfId(id) === 'ARTICLE', 'must be an article id (article:…)'),
  /** Verbatim from the article, where it says the fact in words. */
  quote: LongText.max(2000).nullable().default(null),
  /** How the fact follows from the article where it is implied rather than stated. */
  note: LongText.max(1000).nullable().default(null),
});
export type Citation = z.infer<typeof Citation>;

export const Figure = z.object({
  label: Text.max(300),
  value: z.number({ error: 'must be a number' }),
  unit: Text.max(50).nullable().default(null),
  citation: Citation,
});
export type Figure = z.infer<typeof Figure>;

/** Properties an entity of each kind may have besides id, kind, name, aliases and description. */
export const KIND_ATTRIBUTES = {
  PERSON: {},
  ORGANIZATION: { orgType: z.enum(ORG_TYPES), website: Url, address: Text.max(300) },
  REGION: {
    level: z.enum(REGION_LEVELS),
    ags: z.string().regex(/^\d{2,12}$/, 'must be digits'),
    nuts: z.string().regex(/^DE[0-9A-Z]{0,3}$/, 'must be a German NUTS code'),
    kreisType: Text.max(100),
    areaKm2: z.number().positive(),
    population: z.number().int().nonnegative(),
    populationDate: PartialDate,
  },
  LAW: { abbreviation: Text.max(50) },
  EVENT: { eventType: z.enum(EVENT_TYPES), date: PartialDate, dateQualifier: DateQualifier },
  INITIATIVE: { initiativeType: z.enum(INITIATIVE_TYPES) },
  ARTICLE: {
    publisher: Text.max(300),
    publishedOn: PartialDate,
    url: Url,
    tags: z.array(Text.max(100)),
    license: Text.max(500),
    author: Text.max(200),
    source: Text.max(300),
  },
} as const satisfies Record<(typeof ENTITY_KINDS)[number], Record<string, z.ZodType>>;

const ALL_ATTRIBUTES = {
  ...KIND_ATTRIBUTES.ORGANIZATION,
  ...KIND_ATTRIBUTES.REGION,
  ...KIND_ATTRIBUTES.LAW,
  ...KIND_ATTRIBUTES.EVENT,
  ...KIND_ATTRIBUTES.INITIATIVE,
  ...KIND_ATTRIBUTES.ARTICLE,
};
export const ATTRIBUTE_NAMES = Object.keys(ALL_ATTRIBUTES) as Array<keyof typeof ALL_ATTRIBUTES>;

/** Attributes every kind needs. */
const REQUIRED_ATTRIBUTES: Partial<Record<(typeof ENTITY_KINDS)[number], readonly string[]>> = {
  ORGANIZATION: ['orgType'],
  REGION: ['level'],
  EVENT: ['eventType'],
  INITIATIVE: ['initiativeType'],
  ARTICLE: ['publisher', 'publishedOn'],
};

export const Entity = z
  .object({
    id: Id,
    kind: z.enum(ENTITY_KINDS),
    name: Text.max(500),
    aliases: z.array(Text.max(300)).default([]),
    description: LongText.max(4000).nullable().default(null),
    figures: z.array(Figure).default([]),
    ...z.object(ALL_ATTRIBUTES).partial().shape,
  })
  .strict()
  .superRefine((entity, ctx) => {
    const expected = KIND_INFO[entity.kind].idPrefix;
    if (isWellFormedId(entity.id) && kindOfId(entity.id) !== entity.kind) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with "${expected}:" for kind ${entity.kind}` });
    }
    const own: Record<string, unknown> = KIND_ATTRIBUTES[entity.kind];
    for (const key of ATTRIBUTE_NAMES) {
      const value = entity[key];
      if (value !== undefined && !(key in own)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is not a property of kind ${entity.kind}` });
      }
    }
    for (const key of REQUIRED_ATTRIBUTES[entity.kind] ?? []) {
      if (entity[key as keyof Entity] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required for kind ${entity.kind}` });
      }
    }
    if (entity.dateQualifier !== undefined && entity.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dateQualifier'], message: 'needs a date' });
    }
  });
export type Entity = z.infer<typeof Entity>;

export const Relation = z
  .object({
    id: RelationId,
    type: z.enum(RELATION_TYPES),
    from: Id,
    to: Id,
    role: Text.max(500).nullable().default(null),
    validFrom: PartialDate.nullable().default(null),
    validFromQualifier: DateQualifier.nullable().default(null),
    validTo: PartialDate.nullable().default(null),
    validToQualifier: DateQualifier.nullable().default(null),
    citations: z.array(Citation).min(1, 'every fact needs at least one citation'),
  })
  .strict()
  .superRefine((relation, ctx) => {
    if (
      relation.validFrom &&
      relation.validTo &&
      dateBounds(relation.validTo).end < dateBounds(relation.validFrom).start
    ) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: `is before validFrom ${relation.validFrom}` });
    }
    if (relation.validFromQualifier && !relation.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validFromQualifier'], message: 'needs validFrom' });
    }
    if (relation.validToQualifier && !relation.validTo) {
      ctx.addIssue({ code: 'custom', path: ['validToQualifier'], message: 'needs validTo' });
    }
  });
export type Relation = z.infer<typeof Relation>;

export const Mention = z.object({ article: Id, entity: Id }).strict();
export type Mention = z.infer<typeof Mention>;

/** The form of a partial date is its precision: 2022, 2022-08 or 2022-08-31. */
export function precisionOf(date: string): DatePrecision {
  return date.length === 4 ? 'YEAR' : date.length === 7 ? 'MONTH' : 'DAY';
}

/** The first and last day a partial date can mean: 2022-08 → 2022-08-01 … 2022-08-31. */
export function dateBounds(date: string): { start: string; end: string } {
  if (date.length === 10) return { start: date, end: date };
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { start: `${date}-01`, end: `${date}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${date}-01-01`, end: `${date}-12-31` };
}
