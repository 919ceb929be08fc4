import type { RelationPatch } from '../services/editing/relations.js';
import { relationId } from './args.js';
import { builder } from './builder.js';
import { cleaned, editorOf } from './editing.js';
import { DateQualifierEnum, RelationTypeEnum } from './enums.js';
import { RelationRef } from './refs.js';

export const CitationInput = builder.inputType('CitationInput', {
  description: 'Where a fact comes from: an article already in the graph and, where it says so in words, the quote.',
  fields: (t) => ({
    article: t.id({ required: true }),
    quote: t.string({ description: 'Verbatim from the article.' }),
    note: t.string({ description: 'How the fact follows from the article where it is implied rather than stated.' }),
  }),
});

const DATE = 'YYYY, YYYY-MM or YYYY-MM-DD; its form is its precision.';

const CreateRelationInput = builder.inputType('CreateRelationInput', {
  description:
    'A new fact. Without an id, one is made from its ends and type (rel:lydia-hueskens-holds-office-at-mid-sachsen-anhalt).',
  fields: (t) => ({
    id: t.id(),
    type: t.field({ type: RelationTypeEnum, required: true }),
    from: t.id({ required: true }),
    to: t.id({ required: true }),
    role: t.string({ description: 'e.g. Landrat, Gastgeber.' }),
    validFrom: t.string({ description: DATE }),
    validFromQualifier: t.field({ type: DateQualifierEnum }),
    validTo: t.string({ description: DATE }),
    validToQualifier: t.field({ type: DateQualifierEnum }),
    citations: t.field({ type: [CitationInput], required: true, description: 'At least one.' }),
  }),
});

const RelationPatchInput = builder.inputType('RelationPatch', {
  description:
    'What to change of a fact; fields left out stay as they are, null clears one (clearing a date clears its qualifier). ' +
    'Citations can be replaced but never emptied. Type and ends cannot change: delete the fact and create another.',
  fields: (t) => ({
    role: t.string(),
    validFrom: t.string({ description: DATE }),
    validFromQualifier: t.field({ type: DateQualifierEnum }),
    validTo: t.string({ description: DATE }),
    validToQualifier: t.field({ type: DateQualifierEnum }),
    citations: t.field({ type: [CitationInput] }),
  }),
});

builder.mutationField('createRelation', (t) =>
  t.field({
    type: RelationRef,
    authScopes: { editor: true },
    description:
      'Creates a fact (editor): its ends must exist and fit the relation type, and it must cite at least one article ' +
      'in the graph, which from then on mentions both ends. Recorded in its history.',
    args: { input: t.arg({ type: CreateRelationInput, required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.editing.relations.create(cleaned(args.input as Record<string, unknown>), editorOf(ctx)),
  }),
);

builder.mutationField('updateRelation', (t) =>
  t.field({
    type: RelationRef,
    authScopes: { editor: true },
    description:
      'Changes a fact (editor), based on the version you read; if it changed since, nothing is changed and the error has code CONFLICT with the current state.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      patch: t.arg({ type: RelationPatchInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      ctx.editing.relations.update(
        relationId('id', args.id),
        args.version,
        cleaned(args.patch as Record<string, unknown>) as RelationPatch,
        editorOf(ctx),
      ),
  }),
);

builder.mutationField('deleteRelation', (t) =>
  t.id({
    authScopes: { editor: true },
    description: 'Deletes a fact (editor), based on the version you read; its last state stays in its history.',
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => ctx.editing.relations.delete(relationId('id', args.id), args.version, editorOf(ctx)),
  }),
);
