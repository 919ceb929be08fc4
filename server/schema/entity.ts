import type { Plain } from '../db/plain.js';
import { type EntityRecord, precisionOf } from '../domain/records.js';
import { ENTITY_KINDS, type EntityKind, KIND_INFO } from '../domain/vocabulary.js';
import { builder } from './builder.js';
import { DirectionEnum, EntityKindEnum, RegionLevelEnum, RelationTypeEnum } from './enums.js';
import { offsetPage } from './pagination.js';
import { EntityRef, KindRefs, PartialDateRef, RelationRef } from './refs.js';

const text = (e: EntityRecord, key: string): string | null => {
  const value = e.props[key];
  return typeof value === 'string' && value !== '' ? value : null;
};
const num = (e: EntityRecord, key: string): number | null => {
  const value: Plain | undefined = e.props[key];
  return typeof value === 'number' ? value : null;
};

EntityRef.implement({
  description: 'Anything the graph knows about: a person, body, region, law, event, initiative or article.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => KIND_INFO[entity.kind].typename,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Global id, e.g. person:lydia-hueskens.' }),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    name: t.exposeString('name'),
    aliases: t.exposeStringList('aliases', { description: 'Other names and abbreviations (e.g. MID, OZG).' }),
    description: t.exposeString('description', { nullable: true }),
    relations: t.connection(
      {
        type: RelationRef,
        description: 'Facts about this entity, in a stable order (by type, then id).',
        args: {
          types: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only these relation types.' }),
          direction: t.arg({ type: DirectionEnum, required: false, defaultValue: 'BOTH' }),
        },
        resolve: (entity, args, ctx) =>
          offsetPage(args, ({ offset, limit }) =>
            ctx.graph.relationsOf(entity.id, {
              types: args.types ?? null,
              direction: args.direction ?? 'BOTH',
              offset,
              limit,
            }),
          ),
      },
      { name: 'RelationConnection' },
      { name: 'RelationEdge' },
    ),
    mentionedIn: t.field({
      type: [KindRefs.ARTICLE],
      description: 'The articles that mention this entity, newest first.',
      resolve: (entity, _args, ctx) => ctx.loaders.mentionedIn.load(entity.id),
    }),
  }),
});

type ExtraFields = Parameters<typeof builder.node<[], typeof KindRefs.PERSON>>[1]['fields'];

const EXTRA_FIELDS: Record<EntityKind, ExtraFields> = {
  PERSON: undefined,
  ORGANIZATION: (t) => ({
    orgType: t.string({
      nullable: true,
      description: 'e.g. Ministerium, Beratungsgremium',
      resolve: (e) => text(e, 'orgType'),
    }),
  }),
  REGION: (t) => ({
    level: t.field({ type: RegionLevelEnum, nullable: true, resolve: (e) => text(e, 'level') as never }),
    ags: t.string({ nullable: true, description: 'Amtlicher Gemeindeschlüssel', resolve: (e) => text(e, 'ags') }),
    nuts: t.string({ nullable: true, description: 'NUTS code', resolve: (e) => text(e, 'nuts') }),
    kreisType: t.string({
      nullable: true,
      description: 'e.g. Landkreis, Kreisfreie Stadt',
      resolve: (e) => text(e, 'kreisType'),
    }),
    areaKm2: t.float({ nullable: true, resolve: (e) => num(e, 'areaKm2') }),
    population: t.int({ nullable: true, resolve: (e) => num(e, 'population') }),
    populationDate: t.string({ nullable: true, resolve: (e) => text(e, 'populationDate') }),
  }),
  LAW: (t) => ({
    abbreviation: t.string({ nullable: true, resolve: (e) => text(e, 'abbreviation') }),
  }),
  EVENT: (t) => ({
    date: t.field({
      type: PartialDateRef,
      nullable: true,
      description: 'When it happened, as exactly as the sources say.',
      resolve: (e) => {
        const date = text(e, 'date');
        if (date === null) return null;
        return { date, precision: precisionOf(date) };
      },
    }),
    reportedOn: t.string({
      nullable: true,
      description: 'When a source first reported it.',
      resolve: (e) => text(e, 'reportedOn'),
    }),
  }),
  INITIATIVE: undefined,
  ARTICLE: (t) => ({
    title: t.exposeString('name'),
    publisher: t.string({ nullable: true, resolve: (e) => text(e, 'publisher') }),
    publishedOn: t.string({ nullable: true, resolve: (e) => text(e, 'publishedOn') }),
    url: t.string({ nullable: true, resolve: (e) => text(e, 'url') }),
    license: t.string({ nullable: true, resolve: (e) => text(e, 'license') }),
    tags: t.stringList({
      resolve: (e) => {
        const tags = e.props.tags;
        return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
      },
    }),
  }),
};

for (const kind of ENTITY_KINDS) {
  builder.node(KindRefs[kind], {
    interfaces: [EntityRef],
    description: `${KIND_INFO[kind].en} (${KIND_INFO[kind].de}).`,
    id: { resolve: (entity) => entity.id },
    loadMany: async (ids, ctx) => {
      const found = await ctx.loaders.entity.loadMany(ids);
      return found.map((entity) => (entity instanceof Error || entity?.kind !== kind ? null : entity));
    },
    fields: EXTRA_FIELDS[kind],
  });
}
