import SchemaBuilder from '@pothos/core';
import ComplexityPlugin, { ComplexityErrorKind } from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { isWellFormedId, KIND_INFO, kindOfId } from '../../shared/vocabulary.js';
import { atLeast } from '../services/accounts/accounts.js';
import { BadInputError, ForbiddenError, QueryLimitError, UnauthenticatedError } from '../services/errors.js';
import type { Context } from './context.js';

/**
 * GovGraph ids are already global (`person:lydia-hueskens`, `rel:…`): the kind
 * is the prefix. So the global ID is the id itself, readable in URLs and
 * stable across exports, and decoding only checks it and names its type.
 */
export function decodeId(globalID: string): { typename: string; id: string } {
  if (/^rel:[a-z0-9][a-z0-9._-]{0,199}$/.test(globalID)) return { typename: 'Relation', id: globalID };
  const kind = isWellFormedId(globalID) ? kindOfId(globalID) : undefined;
  if (!kind) {
    throw new BadInputError(
      `"${globalID.slice(0, 100)}" is not a GovGraph id; ids look like person:lydia-hueskens or region:15089.`,
      { argument: 'id' },
    );
  }
  return { typename: KIND_INFO[kind].typename, id: globalID };
}

/**
 * How much database work one request may ask for, in the units of the fields that cost it (`work` in their
 * options: a neighbourhood by depth and limit, paths by length and number; see neighborhood.ts and paths.ts).
 * Every other field costs nothing here: graphql-armor limits depth, aliases and tokens of any query.
 */
export const MAX_WORK = 15_000;

/** As many as a neighbourhood may hold: the explorer asks for what its canvas shows. */
export const MAX_NODE_IDS = 1000;

/** Global ids are the graph's own ids (person:lydia-hueskens, rel:…): they name their kind already. */
export const encodeGlobalId = (_typename: string, id: string | number | bigint): string => String(id);

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Connection: { totalCount: number };
  Scalars: { Date: { Input: string; Output: string } };
  AuthScopes: { reader: boolean; viewer: boolean; editor: boolean; admin: boolean };
}>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  complexity: {
    // Only the fields that declare what they cost count (the rest is limited by graphql-armor).
    defaultComplexity: 0,
    defaultListMultiplier: 1,
    limit: { complexity: MAX_WORK },
    complexityError: (kind, result) =>
      new QueryLimitError(
        kind === ComplexityErrorKind.Complexity
          ? `The query asks for more database work than one request may (${result.complexity} units, at most ` +
              `${MAX_WORK}): a neighbourhood costs (limit + 10 × ids) × 1, 4 or 10 by depth, paths maxPaths × 1 to 100 ` +
              'by maxLength. Send fewer or smaller ones, or split them over several requests.'
          : `The query is too ${kind === ComplexityErrorKind.Depth ? 'deep' : 'broad'}.`,
      ),
  },
  scopeAuth: {
    // A subscription is refused when it is opened, not silently kept open to fail at each event.
    authorizeOnSubscribe: true,
    // Every mutation names the role it needs; an anonymous caller is asked to log in, a logged-in one is refused.
    authScopes: (ctx) => ({
      // Reading is public unless GOVGRAPH_PUBLIC_READ=false; then it needs an account.
      reader: ctx.settings.publicRead || atLeast(ctx.user, 'viewer'),
      viewer: atLeast(ctx.user, 'viewer'),
      editor: atLeast(ctx.user, 'editor'),
      admin: atLeast(ctx.user, 'admin'),
    }),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.user
        ? new ForbiddenError(`Your role (${ctx.user.role}) may not use ${info.fieldName}.`)
        : new UnauthenticatedError(`Please log in (or send an API token) to use ${info.fieldName}.`),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: (globalID) => decodeId(globalID),
    nodesQueryOptions: {
      description: `Several entities or relations by id (at most ${MAX_NODE_IDS}), null where an id is unknown.`,
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS) {
          throw new BadInputError(`"ids" may name at most ${MAX_NODE_IDS} ids, got ${args.ids.length}.`, {
            argument: 'ids',
          });
        }
        return resolveNodes(args.ids);
      },
    },
    nodeQueryOptions: { description: 'One entity or relation by id, null when the id is unknown.' },
  },
});

// Every query needs the reader scope (everyone, unless reading is restricted); `me` opts out.
builder.queryType({ description: 'Read the GovGraph knowledge graph.', authScopes: { reader: true } });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items there are in all pages together.', resolve: (parent) => parent.totalCount }),
);
