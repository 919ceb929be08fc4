import type { EntityRecord, RelationRecord } from '../db/records.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { DatePrecisionEnum, DateQualifierEnum, RelationTypeEnum } from './enums.js';
import { CitationRef, EntityRef, KindRefs, PartialDateRef, RelationRef } from './refs.js';

PartialDateRef.implement({
  description: 'A date known to the day, the month or the year: 2022-08-31, 2022-08 or 2022.',
  fields: (t) => ({
    date: t.exposeString('date'),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.precision }),
    qualifier: t.field({ type: DateQualifierEnum, resolve: (d) => d.qualifier }),
  }),
});

CitationRef.implement({
  description: 'Where a fact comes from: the article and, where it says so in words, the verbatim quote.',
  fields: (t) => ({
    article: t.field({
      type: KindRefs.ARTICLE,
      resolve: async (c, _args, ctx) => {
        const article = await ctx.loaders.entity.load(c.article);
        if (!article) throw new Error(`Citation points at missing article ${c.article}`);
        return article;
      },
    }),
    quote: t.exposeString('quote', { nullable: true }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'How the fact follows from the article where it is implied.',
    }),
  }),
});

/**
 * A relation's end: at once when the query read it along with the relation (the canvas) or the request
 * already has it, else through the loader.
 */
function endpoint(r: RelationRecord, id: string, ctx: Context): EntityRecord | Promise<EntityRecord> {
  return (
    r.ends?.get(id) ??
    ctx.loaders.known.get(id) ??
    ctx.loaders.entity.load(id).then((entity) => {
      if (!entity) throw new Error(`Relation endpoint ${id} is missing`);
      return entity;
    })
  );
}

builder.node(RelationRef, {
  description: 'A fact: a typed, dated, cited relation from one entity to another.',
  id: { resolve: (r) => r.id },
  loadMany: async (ids, ctx) => {
    const found = await ctx.loaders.relation.loadMany(ids);
    // An unknown id is null; a failed read (Neo4j away) is an error, never a false "not found".
    const failed = found.find((r) => r instanceof Error);
    if (failed) throw failed;
    return found.map((r) => (r instanceof Error ? null : r));
  },
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, resolve: (r) => r.type }),
    from: t.field({ type: EntityRef, resolve: (r, _args, ctx) => endpoint(r, r.from, ctx) }),
    to: t.field({ type: EntityRef, resolve: (r, _args, ctx) => endpoint(r, r.to, ctx) }),
    role: t.exposeString('role', { nullable: true, description: 'e.g. Landrat, Gastgeber.' }),
    validFrom: t.field({ type: PartialDateRef, nullable: true, resolve: (r) => r.validFrom }),
    validTo: t.field({ type: PartialDateRef, nullable: true, resolve: (r) => r.validTo }),
    citations: t.field({
      type: [CitationRef],
      resolve: async (r, _args, ctx) => [...(r.citations ?? (await ctx.loaders.relation.load(r.id))?.citations ?? [])],
    }),
    recordedAt: t.exposeString('recordedAt', {
      nullable: true,
      description: 'When the fact was recorded in GovGraph.',
    }),
    version: t.exposeInt('version', {
      description: 'Increases with every edit; edits name the version they are based on.',
    }),
  }),
});
