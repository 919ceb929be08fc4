import { z } from 'zod';
import { PartialDate } from '../../shared/model.js';
import { BadInputError } from '../services/errors.js';
import { FACT_BASIS_KINDS } from '../services/intake/facts.js';
import {
  type DateProposal,
  type EntityProposal,
  type FactProposal,
  type IntakeProposal,
  proposeFacts,
} from '../services/intake/read.js';
import { builder } from './builder.js';
import { DatePrecisionEnum, DateQualifierEnum, EntityKindEnum, RelationTypeEnum } from './enums.js';
import { EntityRef, RelationRef } from './refs.js';

export const MAX_ARTICLE_TEXT = 100_000;

const ArticleDraftInput = builder.inputType('ArticleDraft', {
  description: 'An article an editor pasted, for proposeFacts.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Not empty, at most 500 characters.' }),
    publishedOn: t.string({ required: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    url: t.string({ required: true, description: 'http(s).' }),
    publisher: t.string({ description: 'At most 300 characters.' }),
    text: t.string({ required: true, description: `1 to ${MAX_ARTICLE_TEXT.toLocaleString('en')} characters.` }),
  }),
});

const Draft = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  publishedOn: PartialDate,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  publisher: z.string().trim().max(300, 'must be at most 300 characters').nullish(),
  text: z
    .string()
    .refine((text) => text.trim() !== '', 'must not be empty')
    .refine((text) => text.length <= MAX_ARTICLE_TEXT, `must be at most ${MAX_ARTICLE_TEXT} characters`),
});

const ProposalReasonEnum = builder.enumType('ProposalReason', {
  description: 'How the intake found an entity in the text.',
  values: {
    NAME: {
      value: 'NAME',
      description: 'By its name (folded: Hueskens = Hüskens), or a surname named in full before.',
    },
    ALIAS: { value: 'ALIAS', description: 'By one of its aliases or abbreviations (MID, OZG, Digitalrat).' },
    TITLE_PATTERN: {
      value: 'TITLE_PATTERN',
      description: 'By a title before a name ("Landrätin Anna Muster"), or as the ministry a minister\'s title names.',
    },
    NAME_PATTERN: {
      value: 'NAME_PATTERN',
      description:
        'A new organisation by the form of its name: a body\'s head noun with what it is of ("Landesamt für Statistik"), or a legal form ("Esatus AG").',
    },
    REGION: { value: 'REGION', description: 'A Land, Kreis or Gemeinde of the graph, by its name or alias.' },
    FIRST_NAME: {
      value: 'FIRST_NAME',
      description: 'A new person named without a title, by a first name before the surname ("Katrin Suder").',
    },
  } as const,
});

const ArticleProposalRef = builder.objectRef<IntakeProposal['article']>('ArticleProposal').implement({
  description: 'The article itself.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'A suggested id for the new article (article:<publisher-date-title>).' }),
    existing: t.field({
      type: EntityRef,
      nullable: true,
      description: 'An article already in the graph with the same URL: then it should not be added again.',
      resolve: (a, _args, ctx) => (a.existingId ? ctx.loaders.entity.load(a.existingId) : null),
    }),
  }),
});

const EntityProposalRef = builder.objectRef<EntityProposal>('EntityProposal').implement({
  description: 'An entity the article names: one in the graph, or a new person found by a title.',
  fields: (t) => ({
    key: t.exposeID('key', { description: 'The existing id, or the proposed id of a new one (person:<slug>).' }),
    existing: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity in the graph; null when it is new.',
      resolve: (e, _args, ctx) => (e.existingId ? ctx.loaders.entity.load(e.existingId) : null),
    }),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    type: t.exposeString('type', {
      nullable: true,
      description:
        'For a new organisation, initiative or event: its orgType, initiativeType or eventType (MINISTRY, PROGRAMME, MEETING …) when the text tells it.',
    }),
    name: t.exposeString('name', { description: 'The name in the graph, or as written for a new one.' }),
    matched: t.exposeString('matched', { description: 'The text as it appears in the article.' }),
    reason: t.field({ type: ProposalReasonEnum, resolve: (e) => e.reason }),
    role: t.exposeString('role', {
      nullable: true,
      description: 'The titles or offices the article gives a person, e.g. "Landes-CIO, Staatssekretär".',
    }),
    quote: t.exposeString('quote', {
      description: 'The sentence it is named in, verbatim (white space as one space).',
    }),
  }),
});

const DateProposalRef = builder.objectRef<DateProposal>('DateProposal').implement({
  description: 'A date the article gives.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.precision }),
    text: t.exposeString('text', { description: 'As written, e.g. "31. August 2022".' }),
    quote: t.exposeString('quote'),
  }),
});

const ConfidenceEnum = builder.enumType('Confidence', {
  description: 'How sure the intake is of a proposed fact: HIGH where the words say it plainly.',
  values: ['HIGH', 'MEDIUM', 'LOW'] as const,
});

const FactBasisKindEnum = builder.enumType('FactBasisKind', {
  description:
    'What a proposed fact rests on: a title naming the body (TITLE_NAMES) or an office of it (TITLE_OFFICE_OF), a title and the only fitting place in the sentence (TITLE_ONLY_PLACE), a verb or noun (CUE; CUE_PASSIVE with the agent after "von"), quotation marks (QUOTATION), an event and a place (EVENT_PLACE), "X in Y" (LOCATED).',
  values: FACT_BASIS_KINDS,
});

const FactBasisRef = builder.objectRef<FactProposal['basis']>('FactBasis').implement({
  description: 'What a proposed fact rests on, for a client to say in its own language.',
  fields: (t) => ({
    kind: t.field({ type: FactBasisKindEnum, resolve: (b) => b.kind }),
    text: t.exposeString('text', { description: 'The words of the sentence it rests on.' }),
  }),
});

const FactProposalRef = builder.objectRef<FactProposal>('FactProposal').implement({
  description: 'A candidate fact between two proposed entities, stated by words in one sentence.',
  fields: (t) => ({
    key: t.exposeID('key', { description: 'A suggested relation id (rel:<from>-<type>-<to>).' }),
    type: t.field({ type: RelationTypeEnum, resolve: (f) => f.type }),
    from: t.exposeID('from', { description: 'The key of an EntityProposal.' }),
    to: t.exposeID('to', { description: 'The key of an EntityProposal.' }),
    role: t.exposeString('role', { nullable: true }),
    validFrom: t.exposeString('validFrom', {
      nullable: true,
      description:
        'A date in the same sentence (not one it gives as an end, "bis …"), else the publication date with ON_OR_BEFORE.',
    }),
    validFromQualifier: t.field({ type: DateQualifierEnum, nullable: true, resolve: (f) => f.validFromQualifier }),
    validTo: t.exposeString('validTo', {
      nullable: true,
      description: 'When it ended, where the sentence says so (a departure, "bis 2015", "ging 2022 in den Ruhestand").',
    }),
    validToQualifier: t.field({ type: DateQualifierEnum, nullable: true, resolve: (f) => f.validToQualifier }),
    existing: t.field({
      type: RelationRef,
      nullable: true,
      description:
        'The fact of this type between these two entities that the graph already holds: then the article is a further source of it, not a new fact.',
      resolve: (f, _args, ctx) => (f.existingId ? ctx.loaders.relation.load(f.existingId) : null),
    }),
    quote: t.exposeString('quote', { description: 'The sentence, verbatim.' }),
    reason: t.exposeString('reason', {
      description: 'Why it is proposed, in English, ending in "Confidence: high|medium|low."',
    }),
    basis: t.field({ type: FactBasisRef, resolve: (f) => f.basis }),
    confidence: t.field({
      type: ConfidenceEnum,
      resolve: (f) => f.confidence.toUpperCase() as 'HIGH' | 'MEDIUM' | 'LOW',
    }),
  }),
});

const IntakeProposalRef = builder.objectRef<IntakeProposal>('IntakeProposal').implement({
  description: 'What the intake proposes for an article; nothing is stored until an editor confirms it.',
  fields: (t) => ({
    article: t.field({ type: ArticleProposalRef, resolve: (p) => p.article }),
    entities: t.field({ type: [EntityProposalRef], resolve: (p) => p.entities }),
    dates: t.field({ type: [DateProposalRef], resolve: (p) => p.dates }),
    facts: t.field({ type: [FactProposalRef], resolve: (p) => p.facts }),
  }),
});

builder.queryField('proposeFacts', (t) =>
  t.field({
    type: IntakeProposalRef,
    authScopes: { editor: true },
    description:
      'Reads a pasted article and proposes the entities, dates and facts it states, each with its sentence (editor). ' +
      'Changes nothing.',
    args: { article: t.arg({ type: ArticleDraftInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const parsed = Draft.safeParse(args.article);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
        throw new BadInputError(`The article is not valid: ${problems.join('; ')}.`, {
          argument: `article.${String(parsed.error.issues[0]?.path[0] ?? '')}`,
        });
      }
      return proposeFacts(parsed.data, await ctx.intake.index());
    },
  }),
);
