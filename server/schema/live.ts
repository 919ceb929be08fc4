import type { GraphChange } from '../services/editing/index.js';
import { builder } from './builder.js';

const GraphChangeRef = builder.objectRef<GraphChange>('GraphChange').implement({
  description: 'What one committed batch of changes (a mutation, a revert, a merge, an applied intake) touched.',
  fields: (t) => ({
    batch: t.exposeID('batch', { description: 'Its changes are listed by recentChanges and history.' }),
    at: t.exposeString('at'),
    by: t.exposeString('by', {
      // An editor's email is for editors; everyone else still hears what changed, without it.
      authScopes: { editor: true },
      nullable: true,
      description: 'The email of the account that made it (editor; others get null and FORBIDDEN or UNAUTHENTICATED).',
    }),
    entityIds: t.exposeIDList('entityIds', { description: 'Entities created or changed.' }),
    relationIds: t.exposeIDList('relationIds', { description: 'Relations created or changed (or moved).' }),
    deletedIds: t.exposeIDList('deletedIds', { description: 'Entities and relations deleted.' }),
  }),
});

builder.subscriptionType({ description: 'Live updates, served as server-sent events.', authScopes: { reader: true } });

builder.subscriptionField('graphChanged', (t) =>
  t.field({
    type: GraphChangeRef,
    description:
      'One event after each committed batch of changes, so open explorers can refresh what they show. At most ' +
      '10 streams per client (RATE_LIMITED beyond); a stream opened with a login ends when that login ends or ' +
      'changes role (checked before each event and every minute).',
    subscribe: (_root, _args, ctx) =>
      ctx.liveStreams.open(
        { client: ctx.client, user: ctx.user, current: () => ctx.accounts.currentUser(ctx.request, ctx.cookie) },
        ctx.pubsub.subscribe(),
      ),
    resolve: (change) => change,
  }),
);
