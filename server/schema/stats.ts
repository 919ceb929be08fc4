import type { GraphStats } from '../services/graph/graph.js';
import { builder } from './builder.js';
import { EntityKindEnum, RegionLevelEnum, RelationTypeEnum } from './enums.js';
import { RelationTypeCountRef } from './refs.js';

type KindCount = GraphStats['kinds'][number];
type LevelCount = GraphStats['regionLevels'][number];

const KindCountRef = builder.objectRef<KindCount>('KindCount').implement({
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, resolve: (c) => c.kind }),
    count: t.exposeInt('count'),
  }),
});

RelationTypeCountRef.implement({
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, resolve: (c) => c.type }),
    count: t.exposeInt('count'),
  }),
});

const LevelCountRef = builder.objectRef<LevelCount>('RegionLevelCount').implement({
  fields: (t) => ({
    level: t.field({ type: RegionLevelEnum, resolve: (c) => c.level as never }),
    count: t.exposeInt('count'),
  }),
});

const StatsRef = builder.objectRef<GraphStats>('Stats').implement({
  description: 'How much the graph holds.',
  fields: (t) => ({
    entities: t.int({ resolve: (s) => s.kinds.reduce((sum, c) => sum + c.count, 0) }),
    relations: t.int({ resolve: (s) => s.relationTypes.reduce((sum, c) => sum + c.count, 0) }),
    kinds: t.field({ type: [KindCountRef], description: 'Entities per kind.', resolve: (s) => [...s.kinds] }),
    relationTypes: t.field({
      type: [RelationTypeCountRef],
      description: 'Relations per type.',
      resolve: (s) => [...s.relationTypes],
    }),
    regionLevels: t.field({
      type: [LevelCountRef],
      description: 'Regions per level (Bund, Länder, Kreise, Gemeinden).',
      resolve: (s) => [...s.regionLevels],
    }),
    newestArticleDate: t.string({
      nullable: true,
      description: 'Publication date of the newest source.',
      resolve: (s) => s.newestArticleDate,
    }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    description: 'Counts per kind and relation type.',
    resolve: (_root, _args, ctx) => ctx.graph.stats(),
  }),
);
