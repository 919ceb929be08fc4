import type { EntityRecord } from '../db/records.js';
import { NotFoundError } from '../services/errors.js';
import type { NeighborhoodResult } from '../services/graph/graph.js';
import { entityId, inRange } from './args.js';
import { builder } from './builder.js';
import { EntityKindEnum, RelationTypeEnum } from './enums.js';
import { neighborhoodProjection } from './projection.js';
import { EntityRef, RelationRef } from './refs.js';
import { DateScalar } from './scalars.js';

export const LIMITS = { maxIds: 50, maxDepth: 3, maxLimit: 1000 } as const;

/** How much more a hop further costs: each hop reaches the neighbours of all the last one reached. */
const DEPTH_WEIGHT: Readonly<Record<number, number>> = { 1: 1, 2: 4, 3: 10 };

/**
 * The database work a neighbourhood asks for (builder.ts: MAX_WORK per request): the neighbours it may return and
 * the start entities it expands, weighted by depth. The explorer's largest expansion, 1000 at depth 1, costs about
 * 1000; the largest allowed, 1000 around 50 ids at depth 3, 15,000.
 */
export function neighborhoodWork(args: { ids?: readonly unknown[]; depth?: number | null; limit?: number | null }) {
  const depth = Math.min(Math.max(args.depth ?? 1, 1), LIMITS.maxDepth);
  const limit = Math.min(Math.max(args.limit ?? 100, 0), LIMITS.maxLimit);
  const ids = Math.min(args.ids?.length ?? 1, LIMITS.maxIds);
  return (limit + 10 * ids) * (DEPTH_WEIGHT[depth] ?? 10);
}

interface Hidden {
  readonly entity: EntityRecord;
  readonly count: number;
}

const HiddenRef = builder.objectRef<Hidden>('HiddenNeighbors').implement({
  description: 'An entity on the canvas with neighbours that were not returned ("and 120 more").',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (h) => h.entity }),
    count: t.exposeInt('count', { description: 'How many of its neighbours were left out.' }),
  }),
});

const NeighborhoodRef = builder.objectRef<NeighborhoodResult>('Neighborhood').implement({
  description: 'What the canvas draws: entities and every relation among them.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], resolve: (n) => n.nodes }),
    edges: t.field({ type: [RelationRef], resolve: (n) => n.edges }),
    truncated: t.exposeBoolean('truncated', { description: 'True when more neighbours exist than `limit` allowed.' }),
    hiddenNeighbors: t.field({
      type: [HiddenRef],
      description: 'For each returned entity with neighbours not returned: how many (within the same filters).',
      resolve: (n) => {
        const byId = new Map(n.nodes.map((node) => [node.id, node]));
        return n.hidden.flatMap((h) => {
          const entity = byId.get(h.id);
          return entity ? [{ entity, count: h.count }] : [];
        });
      },
    }),
  }),
});

builder.queryField('neighborhood', (t) =>
  t.field({
    type: NeighborhoodRef,
    description:
      'The given entities and their neighbours up to `depth` hops (nearest first, at most `limit` of them), ' +
      'with every relation among them, in one database round trip. With `asOf`, the graph as it stood that day.',
    args: {
      ids: t.arg.idList({ required: true }),
      depth: t.arg.int({ defaultValue: 1, description: `1 to ${LIMITS.maxDepth}.` }),
      limit: t.arg.int({ defaultValue: 100, description: `How many neighbours at most (up to ${LIMITS.maxLimit}).` }),
      kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only reach entities of these kinds.' }),
      relationTypes: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only follow these relations.' }),
      asOf: t.arg({ type: DateScalar, required: false, description: 'Only facts valid on that day.' }),
    },
    complexity: (args) => neighborhoodWork(args),
    resolve: async (_root, args, ctx, info) => {
      const ids = [...new Set(args.ids.map((id) => entityId('ids', id)))];
      inRange('ids', ids.length, 1, LIMITS.maxIds);
      const depth = inRange('depth', args.depth ?? 1, 1, LIMITS.maxDepth);
      const limit = inRange('limit', args.limit ?? 100, 0, LIMITS.maxLimit);
      const result = await ctx.heavyWork.run(ctx.client, neighborhoodWork(args), () =>
        ctx.graph.neighborhood({
          ids,
          depth,
          limit,
          kinds: args.kinds ?? null,
          types: args.relationTypes ?? null,
          asOf: args.asOf ?? null,
          ...neighborhoodProjection(info),
        }),
      );
      const found = new Set(result.nodes.map((n) => n.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw new NotFoundError(`No entity with id ${missing.join(', ')}.`, missing);
      ctx.loaders.remember(result.nodes);
      return result;
    },
  }),
);
