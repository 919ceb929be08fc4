import type { InputFieldBuilder } from '@pothos/core';
import { BadInputError } from '../services/errors.js';
import { entityId } from './args.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import {
  DateQualifierEnum,
  EntityKindEnum,
  EventTypeEnum,
  InitiativeTypeEnum,
  OrgTypeEnum,
  RegionLevelEnum,
} from './enums.js';
import { EntityRef } from './refs.js';

/** The kind-specific properties, each optional; the model says which kind may have which. */
function attributeFields(t: InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<never>, 'InputObject'>) {
  return {
    orgType: t.field({ type: OrgTypeEnum }),
    website: t.string(),
    address: t.string(),
    level: t.field({ type: RegionLevelEnum }),
    ags: t.string(),
    nuts: t.string(),
    kreisType: t.string(),
    areaKm2: t.float(),
    population: t.int(),
    populationDate: t.string(),
    abbreviation: t.string(),
    eventType: t.field({ type: EventTypeEnum }),
    date: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    dateQualifier: t.field({ type: DateQualifierEnum }),
    initiativeType: t.field({ type: InitiativeTypeEnum }),
    publisher: t.string(),
    publishedOn: t.string(),
    url: t.string(),
    tags: t.stringList(),
    license: t.string(),
    author: t.string(),
    source: t.string(),
  };
}

export const CreateEntityInput = builder.inputType('CreateEntityInput', {
  description: 'A new entity. Without an id, one is made from the kind and name (person:lydia-hueskens).',
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, required: true }),
    id: t.id(),
    name: t.string({ required: true }),
    aliases: t.stringList(),
    description: t.string(),
    // biome-ignore lint/suspicious/noExplicitAny: Pothos' input field builder type is internal
    ...attributeFields(t as any),
  }),
});

const EntityPatch = builder.inputType('EntityPatch', {
  description: 'What to change; fields left out stay as they are, null clears an optional one.',
  fields: (t) => ({
    name: t.string(),
    aliases: t.stringList(),
    description: t.string(),
    // biome-ignore lint/suspicious/noExplicitAny: Pothos' input field builder type is internal
    ...attributeFields(t as any),
  }),
});

/** Who the change is recorded as done by. */
export const editorOf = (ctx: Context): string => ctx.user?.email ?? 'unknown';

/** GraphQL leaves absent fields out; null means "clear" (the model treats a missing property as cleared). */
export function cleaned(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null && (key === 'name' || key === 'aliases')) {
      throw new BadInputError(`"${key}" cannot be cleared.`, { argument: key });
    }
    out[key] = value;
  }
  return out;
}

builder.mutationField('createEntity', (t) =>
  t.field({
    type: EntityRef,
    authScopes: { editor: true },
    description: 'Creates an entity (editor); recorded in its history.',
    args: { input: t.arg({ type: CreateEntityInput, required: true }) },
    resolve: (_root, args, ctx) =>
      ctx.editing.entities.create(
        cleaned(args.input as Record<string, unknown>) as Parameters<typeof ctx.editing.entities.create>[0],
        editorOf(ctx),
      ),
  }),
);

builder.mutationField('updateEntity', (t) =>
  t.field({
    type: EntityRef,
    authScopes: { editor: true },
    description:
      'Changes an entity (editor), based on the version you read; if it changed since, nothing is changed and the error has code CONFLICT with the current state.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      patch: t.arg({ type: EntityPatch, required: true }),
    },
    resolve: (_root, args, ctx) => {
      const patch = cleaned(args.patch as Record<string, unknown>);
      // A cleared optional property is simply not stored.
      for (const [key, value] of Object.entries(patch)) if (value === null && key !== 'description') delete patch[key];
      return ctx.editing.entities.update(entityId('id', args.id), args.version, patch, editorOf(ctx));
    },
  }),
);

builder.mutationField('deleteEntity', (t) =>
  t.id({
    authScopes: { editor: true },
    description:
      'Deletes an entity without relations (editor), based on the version you read; its last state stays in its history.',
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (_root, args, ctx) => ctx.editing.entities.delete(entityId('id', args.id), args.version, editorOf(ctx)),
  }),
);

builder.mutationField('mergeEntities', (t) =>
  t.field({
    type: EntityRef,
    authScopes: { editor: true },
    description:
      'Merges a duplicate into the survivor (editor), both of the same kind and at the versions you read: every fact of the ' +
      'duplicate moves to the survivor with its id, properties and citations, the articles mentioning it mention the ' +
      'survivor, its name and aliases become aliases, and it is deleted — in one transaction, recorded as one batch. ' +
      'Refused when a fact connects the two.',
    args: {
      survivor: t.arg.id({ required: true }),
      survivorVersion: t.arg.int({ required: true }),
      duplicate: t.arg.id({ required: true }),
      duplicateVersion: t.arg.int({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      ctx.editing.merge(
        {
          survivor: String(args.survivor),
          survivorVersion: args.survivorVersion,
          duplicate: String(args.duplicate),
          duplicateVersion: args.duplicateVersion,
        },
        editorOf(ctx),
      ),
  }),
);
