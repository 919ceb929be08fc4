import type { ChangeRecord } from '../services/editing/index.js';
import { BadInputError } from '../services/errors.js';
import { graphId, recordId } from './args.js';
import { builder } from './builder.js';
import { editorOf } from './editing.js';

/**
 * Who changed something, and the values before and after, are for editors: an account's email is
 * personal data, and an earlier value may be one that was corrected for good reason. What changed
 * when stays public.
 */
const AUDIT = { authScopes: { editor: true } } as const;

export const ChangeRef = builder.objectRef<ChangeRecord>('Change').implement({
  description:
    'One recorded change: what, when, and (for editors) who and the values before and after (as JSON of the model; ' +
    'a relation’s with its type, from and to).',
  fields: (t) => ({
    id: t.exposeID('id'),
    batch: t.exposeID('batch', {
      description: 'All changes one mutation made share a batch; revertChange reverts the whole batch.',
    }),
    operation: t.exposeString('operation', { description: 'The mutation that made the batch, e.g. mergeEntities.' }),
    target: t.exposeID('target', { description: 'The entity or relation changed.' }),
    action: t.exposeString('action', { description: 'CREATE, UPDATE or DELETE.' }),
    at: t.exposeString('at'),
    by: t.exposeString('by', {
      ...AUDIT,
      nullable: true,
      description: 'The email of the account that made it (editor; others get FORBIDDEN or UNAUTHENTICATED).',
    }),
    before: t.exposeString('before', { ...AUDIT, nullable: true, description: 'The state before (editor).' }),
    after: t.exposeString('after', { ...AUDIT, nullable: true, description: 'The state after (editor).' }),
    fromVersion: t.exposeInt('fromVersion', { nullable: true }),
    toVersion: t.exposeInt('toVersion', {
      nullable: true,
      description: 'The version after the change; null after a deletion.',
    }),
    reverts: t.exposeID('reverts', { nullable: true, description: 'The batch this change’s batch reverted.' }),
    revertedBy: t.exposeID('revertedBy', { nullable: true, description: 'The batch that reverted this one.' }),
  }),
});

function limit(first: number | null | undefined): number {
  const n = first ?? 50;
  if (n < 1 || n > 200) throw new BadInputError('"first" must be 1 to 200.', { argument: 'first' });
  return n;
}

builder.queryField('history', (t) =>
  t.field({
    type: [ChangeRef],
    description: 'The recorded changes of an entity or relation, newest first (also of deleted ones).',
    args: { id: t.arg.id({ required: true }), first: t.arg.int({ defaultValue: 50 }) },
    resolve: (_root, args, ctx) => ctx.editing.changes.of(graphId('id', args.id), limit(args.first)),
  }),
);

builder.queryField('recentChanges', (t) =>
  t.field({
    type: [ChangeRef],
    description: 'The newest changes to the graph, newest first.',
    args: { first: t.arg.int({ defaultValue: 50 }) },
    resolve: (_root, args, ctx) => ctx.editing.changes.recent(limit(args.first)),
  }),
);

builder.mutationField('revertChange', (t) =>
  t.field({
    type: [ChangeRef],
    authScopes: { editor: true },
    description:
      'Reverts the whole batch the change belongs to (editor), in one transaction, recorded as a new batch that names ' +
      'the one it reverts. Refused with CONFLICT when anything in it changed since (saying what and by whom), and with ' +
      'BAD_USER_INPUT when it was already reverted.',
    args: { id: t.arg.id({ required: true, description: 'Any change of the batch.' }) },
    resolve: (_root, args, ctx) => ctx.editing.changes.revert(recordId('id', args.id, 'change'), editorOf(ctx)),
  }),
);
