import type { IntakeRecord, IntakeResult } from '../services/intake/apply.js';
import { recordId } from './args.js';
import { builder } from './builder.js';
import { CreateEntityInput, editorOf } from './editing.js';
import { DateQualifierEnum, RelationTypeEnum } from './enums.js';
import { KindRefs, RelationRef } from './refs.js';

const IntakeStatusEnum = builder.enumType('IntakeStatus', {
  description: 'PENDING waits for a second editor (GOVGRAPH_FOUR_EYES); APPLIED is in the graph; REJECTED is not.',
  values: ['PENDING', 'APPLIED', 'REJECTED'] as const,
});

const IntakeRef = builder.objectRef<IntakeRecord>('Intake').implement({
  description: 'An article with the facts an editor confirmed from it, as submitted, and what became of it (editor).',
  // Who submitted and who decided, the pasted text and why it was refused: for editors only, on every
  // field that returns an intake, now or later.
  authScopes: { editor: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: IntakeStatusEnum, resolve: (i) => i.status }),
    title: t.exposeString('title', { description: 'The article’s title.' }),
    text: t.exposeString('text', { nullable: true, description: 'The pasted text of the article.' }),
    payload: t.exposeString('payload', { description: 'The submitted IntakeInput as JSON.' }),
    submittedBy: t.exposeString('submittedBy'),
    submittedAt: t.exposeString('submittedAt'),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Who applied or rejected it.' }),
    decidedAt: t.exposeString('decidedAt', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it was rejected.' }),
    batch: t.exposeID('batch', { nullable: true, description: 'The batch of changes that applied it.' }),
    article: t.field({
      type: KindRefs.ARTICLE,
      nullable: true,
      description: 'The article, once applied (null if it has since been deleted).',
      resolve: (i, _args, ctx) => (i.articleId ? ctx.loaders.entity.load(i.articleId) : null),
    }),
  }),
});

const IntakeResultRef = builder.objectRef<IntakeResult>('IntakeResult').implement({
  description: 'What an intake did: applied (the article and its facts) or pending a second editor.',
  fields: (t) => ({
    status: t.field({ type: IntakeStatusEnum, resolve: (r) => r.status }),
    intake: t.field({ type: IntakeRef, nullable: true, resolve: (r) => r.intake }),
    article: t.field({
      type: KindRefs.ARTICLE,
      nullable: true,
      description: 'Null while pending.',
      resolve: (r) => r.article,
    }),
    relations: t.field({ type: [RelationRef], resolve: (r) => [...r.relations] }),
  }),
});

const IntakeArticleInput = builder.inputType('IntakeArticleInput', {
  description: 'The article. Without an id, one is made from the title (article:…).',
  fields: (t) => ({
    id: t.id(),
    title: t.string({ required: true }),
    publisher: t.string({ required: true }),
    publishedOn: t.string({ required: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    url: t.string(),
    tags: t.stringList(),
    author: t.string(),
  }),
});

const IntakeFactInput = builder.inputType('IntakeFactInput', {
  description:
    'A fact the article states, cited to it with the quote that says so. from/to: ids in the graph or of newEntities.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, required: true }),
    from: t.id({ required: true }),
    to: t.id({ required: true }),
    role: t.string(),
    validFrom: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    validFromQualifier: t.field({ type: DateQualifierEnum }),
    validTo: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    validToQualifier: t.field({ type: DateQualifierEnum }),
    quote: t.string({ required: true, description: 'Verbatim from the article.' }),
    note: t.string({ description: 'How the fact follows from the quote, where it is implied.' }),
    existing: t.id({
      description:
        'The fact of the graph with this type and these ends (FactProposal.existing): the article is added as a further source of it instead of a second fact; its role and dates stay.',
    }),
  }),
});

const IntakeInput = builder.inputType('IntakeInput', {
  description: 'An article and what an editor confirmed from it; applied all or nothing.',
  fields: (t) => ({
    article: t.field({ type: IntakeArticleInput, required: true }),
    text: t.string({ description: 'The pasted text, kept with the intake.' }),
    newEntities: t.field({ type: [CreateEntityInput], description: 'Entities the graph does not have yet.' }),
    facts: t.field({ type: [IntakeFactInput], required: true }),
    mentions: t.idList({ description: 'Further entities the article mentions (without a fact).' }),
  }),
});

builder.mutationField('submitIntake', (t) =>
  t.field({
    type: IntakeResultRef,
    authScopes: { editor: true },
    description:
      'Adds an article with new entities, its facts (each cited to it with its quote) and mentions, in one transaction ' +
      'and one batch (editor); any problem refuses all of it, naming where (facts[2].validFrom …). With ' +
      'GOVGRAPH_FOUR_EYES it is checked and kept PENDING until another editor approves it.',
    args: { input: t.arg({ type: IntakeInput, required: true }) },
    resolve: (_root, args, ctx) => ctx.editing.intake.submit(args.input, editorOf(ctx)),
  }),
);

builder.queryField('pendingIntakes', (t) =>
  t.field({
    type: [IntakeRef],
    authScopes: { editor: true },
    description: 'Intakes waiting for a second editor, oldest first (editor).',
    resolve: (_root, _args, ctx) => ctx.editing.intake.pending(),
  }),
);

builder.mutationField('approveIntake', (t) =>
  t.field({
    type: IntakeResultRef,
    authScopes: { editor: true },
    description:
      'Applies a pending intake, checked again against the graph as it is now (editor other than the one who submitted it).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.editing.intake.approve(recordId('id', args.id, 'intake'), editorOf(ctx)),
  }),
);

builder.mutationField('rejectIntake', (t) =>
  t.field({
    type: IntakeRef,
    authScopes: { editor: true },
    description: 'Rejects a pending intake, with the reason (editor; its author may withdraw it this way).',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.editing.intake.reject(recordId('id', args.id, 'intake'), args.reason, editorOf(ctx)),
  }),
);
