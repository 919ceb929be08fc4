import { BadInputError, NotFoundError } from '../services/errors.js';
import type { PathsResult } from '../services/graph/graph.js';
import { entityId, inRange } from './args.js';
import { builder } from './builder.js';
import { RelationTypeEnum } from './enums.js';
import { EntityRef, RelationRef } from './refs.js';
import { DateScalar } from './scalars.js';

export const PATH_LIMITS = { maxLength: 6, maxPaths: 50 } as const;

/** How much more a longer path costs to find: the search fans out at every step. */
const LENGTH_WEIGHT: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 5, 4: 15, 5: 40, 6: 100 };

/** The database work a path search asks for (builder.ts: MAX_WORK): the paths it may return, weighted by length. */
export function pathsWork(args: { maxLength?: number | null; maxPaths?: number | null }) {
  const length = Math.min(Math.max(args.maxLength ?? 4, 1), PATH_LIMITS.maxLength);
  const paths = Math.min(Math.max(args.maxPaths ?? 10, 1), PATH_LIMITS.maxPaths);
  return paths * (LENGTH_WEIGHT[length] ?? 100);
}

type PathShape = PathsResult['paths'][number];

const PathRef = builder.objectRef<PathShape>('Path').implement({
  description: 'One shortest connection: the entities and relations along it, in order.',
  fields: (t) => ({
    nodeIds: t.idList({ resolve: (p) => p.nodes }),
    edgeIds: t.idList({ resolve: (p) => p.edges }),
    length: t.int({ description: 'Number of relations.', resolve: (p) => p.edges.length }),
  }),
});

const PathsRef = builder.objectRef<PathsResult>('Paths').implement({
  description: 'The shortest connections between two entities.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], description: 'Every entity on any of the paths.', resolve: (p) => p.nodes }),
    edges: t.field({
      type: [RelationRef],
      description: 'Every relation on any of the paths.',
      resolve: (p) => p.edges,
    }),
    paths: t.field({ type: [PathRef], resolve: (p) => [...p.paths] }),
    length: t.int({
      nullable: true,
      description: 'Length of the shortest connection; null when there is none within maxLength.',
      resolve: (p) => p.paths[0]?.edges.length ?? null,
    }),
  }),
});

builder.queryField('paths', (t) =>
  t.field({
    type: PathsRef,
    description: 'How two entities connect: all shortest paths up to `maxLength` relations.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxLength: t.arg.int({ defaultValue: 4, description: `1 to ${PATH_LIMITS.maxLength}.` }),
      maxPaths: t.arg.int({ defaultValue: 10, description: `How many paths at most (up to ${PATH_LIMITS.maxPaths}).` }),
      relationTypes: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only follow these relations.' }),
      asOf: t.arg({ type: DateScalar, required: false, description: 'Only facts valid on that day.' }),
    },
    complexity: (args) => pathsWork(args),
    resolve: async (_root, args, ctx) => {
      const from = entityId('from', args.from);
      const to = entityId('to', args.to);
      if (from === to) throw new BadInputError('"from" and "to" are the same entity.', { argument: 'to' });
      const maxLength = inRange('maxLength', args.maxLength ?? 4, 1, PATH_LIMITS.maxLength);
      const maxPaths = inRange('maxPaths', args.maxPaths ?? 10, 1, PATH_LIMITS.maxPaths);
      const result = await ctx.heavyWork.run(ctx.client, pathsWork(args), () =>
        ctx.graph.paths({ from, to, maxLength, maxPaths, types: args.relationTypes ?? null, asOf: args.asOf ?? null }),
      );
      // A path found has both ends; only without one is it worth a second round trip to tell why.
      if (result.paths.length === 0) {
        const [a, b] = await ctx.loaders.entity.loadMany([from, to]);
        const missing = [a ? null : from, b ? null : to].filter((id): id is string => id !== null);
        if (missing.length > 0) throw new NotFoundError(`No entity with id ${missing.join(', ')}.`, missing);
      }
      ctx.loaders.remember(result.nodes);
      return result;
    },
  }),
);
