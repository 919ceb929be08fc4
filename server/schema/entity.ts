import { ENTITY_KINDS, type EntityKind, KIND_INFO } from '../../shared/vocabulary.js';
import type { Plain } from '../db/plain.js';
import { type EntityRecord, partialDate } from '../db/records.js';
import { figuresFromProps } from '../db/storage.js';
import { BadInputError } from '../services/errors.js';
import { builder, decodeId } from './builder.js';
import {
  DirectionEnum,
  EntityKindEnum,
  EventTypeEnum,
  InitiativeTypeEnum,
  OrgTypeEnum,
  RegionLevelEnum,
  RelationTypeEnum,
} from './enums.js';
import { offsetPage } from './pagination.js';
import {
  CitationRef,
  EntityRef,
  FigureRef,
  KindRefs,
  PartialDateRef,
  RelationRef,
  RelationTypeCountRef,
} from './refs.js';
import { DateScalar } from './scalars.js';

const text = (e: EntityRecord, key: string): string | null => {
  const value = e.props[key];
  return typeof value === 'string' && value !== '' ? value : null;
};
const num = (e: EntityRecord, key: string): number | null => {
  const value: Plain | undefined = e.props[key];
  return typeof value === 'number' ? value : null;
};
/** A vocabulary value stored on the entity, typed as the enum it belongs to. */
const oneOf = <T extends string>(e: EntityRecord, key: string) => text(e, key) as T | null;

FigureRef.implement({
  description: 'A number an article states about an entity, with its source.',
  fields: (t) => ({
    label: t.exposeString('label'),
    value: t.exposeFloat('value'),
    unit: t.exposeString('unit', { nullable: true }),
    citation: t.field({ type: CitationRef, resolve: (f) => f.citation }),
  }),
});

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
    figures: t.field({
      type: [FigureRef],
      description: 'Numbers the sources state.',
      resolve: (e) => figuresFromProps(e.props),
    }),
    version: t.int({
      description: 'Increases with every edit; edits name the version they are based on.',
      resolve: (e) => num(e, 'version') ?? 1,
    }),
    recordedAt: t.string({
      nullable: true,
      description: 'When GovGraph recorded this.',
      resolve: (e) => text(e, 'recordedAt'),
    }),
    recordedBy: t.string({
      nullable: true,
      // An editor's email is for editors; when it was recorded (recordedAt) is public.
      authScopes: { editor: true },
      description: 'Who recorded it: an editor’s email, or "seed" (editor; others get FORBIDDEN or UNAUTHENTICATED).',
      resolve: (e) => text(e, 'recordedBy'),
    }),
    relations: t.connection(
      {
        type: RelationRef,
        description: 'Facts about this entity, in a stable order (by type, then id).',
        args: {
          types: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only these relation types.' }),
          direction: t.arg({ type: DirectionEnum, required: false, defaultValue: 'BOTH' }),
          asOf: t.arg({ type: DateScalar, required: false, description: 'Only facts valid on that day.' }),
        },
        resolve: (entity, args, ctx) =>
          offsetPage(args, (window) =>
            ctx.loaders
              .relations(
                { types: args.types ?? null, direction: args.direction ?? 'BOTH', asOf: args.asOf ?? null },
                window,
              )
              .load(entity.id),
          ),
      },
      { name: 'RelationConnection' },
      { name: 'RelationEdge' },
    ),
    region: t.field({
      type: KindRefs.REGION,
      nullable: true,
      description:
        'Where it belongs: a region’s parent; an organisation’s or initiative’s seat, else the region it is part ' +
        'of, else one it is responsible for; an event’s place; the region a person holds office at, else that of ' +
        'their organisation. Laws and articles: null. Of several, the closest rule first, then by name.',
      resolve: (e, _args, ctx) => ctx.loaders.region.load(e.id),
    }),
    relationCounts: t.field({
      type: [RelationTypeCountRef],
      description: 'How many facts of each type it has (both directions), by type; e.g. to expand by relation type.',
      args: {
        asOf: t.arg({ type: DateScalar, required: false, description: 'Only facts valid on that day.' }),
      },
      resolve: (e, args, ctx) => ctx.loaders.relationCounts(args.asOf ?? null).load(e.id),
    }),
    mentionedIn: t.connection(
      {
        type: KindRefs.ARTICLE,
        description: 'The articles that mention this entity, newest first.',
        resolve: (entity, args, ctx) =>
          offsetPage(args, async ({ offset, limit }) => {
            const all = await ctx.loaders.mentionedIn.load(entity.id);
            return { total: all.length, items: all.slice(offset, offset + limit) };
          }),
      },
      { name: 'ArticleConnection' },
      { name: 'ArticleEdge' },
    ),
  }),
});

type ExtraFields = Parameters<typeof builder.node<[], typeof KindRefs.PERSON>>[1]['fields'];

const EXTRA_FIELDS: Record<EntityKind, ExtraFields> = {
  PERSON: undefined,
  ORGANIZATION: (t) => ({
    orgType: t.field({ type: OrgTypeEnum, nullable: true, resolve: (e) => oneOf(e, 'orgType') }),
    website: t.string({ nullable: true, resolve: (e) => text(e, 'website') }),
    address: t.string({
      nullable: true,
      description: 'Postal address as the source gives it.',
      resolve: (e) => text(e, 'address'),
    }),
  }),
  REGION: (t) => ({
    level: t.field({ type: RegionLevelEnum, nullable: true, resolve: (e) => oneOf(e, 'level') }),
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
    eventType: t.field({ type: EventTypeEnum, nullable: true, resolve: (e) => oneOf(e, 'eventType') }),
    date: t.field({
      type: PartialDateRef,
      nullable: true,
      description: 'When it happened, as exactly as the sources say (e.g. on or before a report date).',
      resolve: (e) => partialDate(e.props.date, e.props.dateQualifier),
    }),
    place: t.field({
      type: [KindRefs.REGION],
      description: 'Where it took place.',
      resolve: (e, _args, ctx) => ctx.loaders.eventPlaces.load(e.id),
    }),
  }),
  INITIATIVE: (t) => ({
    initiativeType: t.field({ type: InitiativeTypeEnum, nullable: true, resolve: (e) => oneOf(e, 'initiativeType') }),
  }),
  ARTICLE: (t) => ({
    title: t.exposeString('name'),
    publisher: t.string({ nullable: true, resolve: (e) => text(e, 'publisher') }),
    publishedOn: t.string({ nullable: true, resolve: (e) => text(e, 'publishedOn') }),
    url: t.string({ nullable: true, resolve: (e) => text(e, 'url') }),
    author: t.string({ nullable: true, resolve: (e) => text(e, 'author') }),
    license: t.string({ nullable: true, resolve: (e) => text(e, 'license') }),
    tags: t.stringList({
      resolve: (e) => {
        const tags = e.props.tags;
        return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
      },
    }),
    facts: t.connection(
      {
        type: RelationRef,
        description: 'Everything known from this source: the relations that cite it.',
        resolve: (article, args, ctx) => offsetPage(args, (window) => ctx.graph.articleFacts(article.id, window)),
      },
      { name: 'ArticleFactConnection' },
      { name: 'ArticleFactEdge' },
    ),
  }),
};

for (const kind of ENTITY_KINDS) {
  builder.node(KindRefs[kind], {
    interfaces: [EntityRef],
    description: `${KIND_INFO[kind].en} (${KIND_INFO[kind].de}).`,
    id: { resolve: (entity) => entity.id },
    loadMany: async (ids, ctx) => {
      const found = await ctx.loaders.entity.loadMany(ids);
      // An unknown id is null; a failed read (Neo4j away) is an error, never a false "not found".
      const failed = found.find((entity) => entity instanceof Error);
      if (failed) throw failed;
      return found.map((entity) => (entity instanceof Error || entity?.kind !== kind ? null : entity));
    },
    fields: EXTRA_FIELDS[kind],
  });
}

builder.queryField('article', (t) =>
  t.field({
    type: KindRefs.ARTICLE,
    nullable: true,
    description: 'One source by id, with `facts`: everything known from it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      if (decodeId(id).typename !== 'Article') {
        throw new BadInputError(`"${id}" is not an article id; article ids start with "article:".`, { argument: 'id' });
      }
      return ctx.loaders.entity.load(id);
    },
  }),
);
