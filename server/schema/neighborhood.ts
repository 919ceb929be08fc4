import type { EntityRecord, RelationRecord } from '../domain/records.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { builder, decodeId } from './builder.js';
import { EntityKindEnum, RelationTypeEnum } from './enums.js';
import { EntityRef, RelationRef } from './refs.js';

export const LIMITS = { maxIds: 50, maxDepth: 3, maxLimit: 1000 } as const;

interface NeighborhoodShape {
  readonly nodes: EntityRecord[];
  readonly edges: RelationRecord[];
  readonly truncated: boolean;
}

const NeighborhoodRef = builder.objectRef<NeighborhoodShape>('Neighborhood').implement({
  description: 'What the canvas draws: entities and every relation among them.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], resolve: (n) => n.nodes }),
    edges: t.field({ type: [RelationRef], resolve: (n) => n.edges }),
    truncated: t.exposeBoolean('truncated', { description: 'True when more neighbours exist than `limit` allowed.' }),
  }),
});

function inRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`"${name}" must be between ${min} and ${max}, got ${value}.`, { argument: name });
  }
  return value;
}

builder.queryField('neighborhood', (t) =>
  t.field({
    type: NeighborhoodRef,
    description:
      'The given entities and their neighbours up to `depth` hops (nearest first, at most `limit` of them), ' +
      'with every relation among them, in one database round trip.',
    args: {
      ids: t.arg.idList({ required: true }),
      depth: t.arg.int({ defaultValue: 1 }),
      limit: t.arg.int({ defaultValue: 100, description: `How many neighbours at most (up to ${LIMITS.maxLimit}).` }),
      kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only reach entities of these kinds.' }),
      relationTypes: t.arg({ type: [RelationTypeEnum], required: false, description: 'Only follow these relations.' }),
    },
    resolve: async (_root, args, ctx) => {
      const ids = [...new Set(args.ids.map(String))];
      inRange('ids', ids.length, 1, LIMITS.maxIds);
      for (const id of ids) {
        if (decodeId(id).typename === 'Relation') {
          throw new BadInputError(`"${id}" is a relation; the neighbourhood starts from entities.`, {
            argument: 'ids',
          });
        }
      }
      const depth = inRange('depth', args.depth ?? 1, 1, LIMITS.maxDepth);
      const limit = inRange('limit', args.limit ?? 100, 0, LIMITS.maxLimit);
      const result = await ctx.graph.neighborhood({
        ids,
        depth,
        limit,
        kinds: args.kinds ?? null,
        types: args.relationTypes ?? null,
      });
      const found = new Set(result.nodes.map((n) => n.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw new NotFoundError(`No entity with id ${missing.join(', ')}.`, missing);
      for (const node of result.nodes) ctx.loaders.entity.prime(node.id, node);
      return result;
    },
  }),
);
