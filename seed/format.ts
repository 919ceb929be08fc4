import { z } from 'zod';
import {
  ENTITY_KINDS,
  type EntityKind,
  isWellFormedId,
  KIND_INFO,
  kindOfId,
  REGION_LEVELS,
  RELATION_TYPES,
} from '../server/domain/vocabulary.js';

/** A partial date whose form is its precision: 2022, 2022-08 or 2022-08-31. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => value.length < 10 || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a real date')
  .refine(
    (value) => value.length < 10 || new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a real date',
  );

const Id = z.string().refine(isWellFormedId, 'must be an id like person:lydia-hueskens (lower case, no spaces)');

const Text = z.string().trim().min(1, 'must not be empty');

const EntityBase = z.object({
  id: Id,
  kind: z.enum(ENTITY_KINDS),
  name: Text.max(300),
  aliases: z.array(Text.max(300)).default([]),
  description: Text.max(2000).optional(),
});

export const SeedEntity = EntityBase.extend({
  orgType: Text.optional(),
  level: z.enum(REGION_LEVELS).optional(),
  ags: z
    .string()
    .regex(/^\d{2,12}$/, 'must be digits')
    .optional(),
  nuts: z
    .string()
    .regex(/^DE[0-9A-Z]{0,3}$/, 'must be a German NUTS code')
    .optional(),
  date: PartialDate.optional(),
  reportedOn: PartialDate.optional(),
  abbreviation: Text.optional(),
  kreisType: Text.optional(),
  areaKm2: z.number().positive().optional(),
  population: z.number().int().nonnegative().optional(),
  populationDate: PartialDate.optional(),
}).superRefine((entity, ctx) => {
  const expected = KIND_INFO[entity.kind].idPrefix;
  if (kindOfId(entity.id) !== entity.kind) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with "${expected}:" for kind ${entity.kind}` });
  }
  if (entity.kind === 'REGION' && entity.level === undefined) {
    ctx.addIssue({ code: 'custom', path: ['level'], message: 'is required for a region' });
  }
});
export type SeedEntity = z.infer<typeof SeedEntity>;

export const SeedCitation = z.object({
  /** Defaults to the article of the file the fact is in. */
  article: Id.optional(),
  /** Verbatim from the article, where it says the fact in words. */
  quote: Text.max(2000).optional(),
  /** How the fact follows from the article where it is implied rather than stated. */
  note: Text.max(1000).optional(),
});

export const SeedRelation = z.object({
  id: z.string().regex(/^rel:[a-z0-9][a-z0-9._-]{0,199}$/, 'must be an id like rel:hueskens-ministerin-mid'),
  type: z.enum(RELATION_TYPES),
  from: Id,
  to: Id,
  role: Text.max(300).optional(),
  validFrom: PartialDate.optional(),
  validTo: PartialDate.optional(),
  citations: z.array(SeedCitation).min(1, 'every fact needs at least one citation'),
});
export type SeedRelation = z.infer<typeof SeedRelation>;

export const SeedArticle = z.object({
  id: Id.refine((id) => id.startsWith('article:'), 'must start with "article:"'),
  title: Text.max(500),
  publisher: Text.max(200),
  publishedOn: PartialDate,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  tags: z.array(Text).default([]),
  license: Text.optional(),
  description: Text.max(2000).optional(),
  /** Seed text of the captured page, relative to seed/. */
  source: Text.optional(),
});
export type SeedArticle = z.infer<typeof SeedArticle>;

export const SeedFile = z.object({
  article: SeedArticle,
  entities: z.array(SeedEntity).default([]),
  relations: z.array(SeedRelation).default([]),
  /** Entities the article names without stating a fact about them. */
  mentions: z.array(Id).default([]),
});
export type SeedFile = z.infer<typeof SeedFile>;

export type EntityKindOf = EntityKind;
