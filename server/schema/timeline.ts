import { BadInputError } from '../services/errors.js';
import { entityId } from './args.js';
import { builder, decodeId } from './builder.js';
import { EventTypeEnum } from './enums.js';
import { offsetPage } from './pagination.js';
import { KindRefs } from './refs.js';
import { DateScalar } from './scalars.js';

builder.queryField('timeline', (t) =>
  t.connection(
    {
      type: KindRefs.EVENT,
      description:
        'Events in date order (by the earliest day their date can mean). Optionally only those an entity takes ' +
        'part in, in a region (or a place inside it), of some types, or between two days.',
      args: {
        entityId: t.arg.id({ required: false, description: 'Only events this entity is related to.' }),
        regionId: t.arg.id({
          required: false,
          description: 'Only events that took place in this region or inside it.',
        }),
        eventTypes: t.arg({ type: [EventTypeEnum], required: false }),
        from: t.arg({
          type: DateScalar,
          required: false,
          description: 'Only events that may have happened on or after.',
        }),
        to: t.arg({
          type: DateScalar,
          required: false,
          description: 'Only events that may have happened on or before.',
        }),
      },
      resolve: (_root, args, ctx) => {
        const entity = args.entityId == null ? null : entityId('entityId', args.entityId);
        const region = args.regionId == null ? null : String(args.regionId);
        if (region !== null && decodeId(region).typename !== 'Region') {
          throw new BadInputError(`"${region}" is not a region id; region ids start with "region:".`, {
            argument: 'regionId',
          });
        }
        if (args.from && args.to && args.to < args.from) {
          throw new BadInputError(`"to" (${args.to}) is before "from" (${args.from}).`, { argument: 'to' });
        }
        return offsetPage(args, ({ offset, limit }) =>
          ctx.graph.timeline({
            entityId: entity,
            regionId: region,
            eventTypes: args.eventTypes ?? null,
            from: args.from ?? null,
            to: args.to ?? null,
            offset,
            limit,
          }),
        );
      },
    },
    { name: 'TimelineConnection' },
    { name: 'TimelineEdge' },
  ),
);
