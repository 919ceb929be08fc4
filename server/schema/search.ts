import { searchTerms } from '../domain/fold.js';
import { BadInputError } from '../errors.js';
import { builder } from './builder.js';
import { EntityKindEnum } from './enums.js';
import { offsetPage } from './pagination.js';
import { EntityRef } from './refs.js';

const MAX_QUERY_LENGTH = 200;

builder.queryField('search', (t) =>
  t.connection(
    {
      type: EntityRef,
      description:
        'Ranked full-text search over names and aliases. Case, umlauts and ß fold (Hüskens = Hueskens = huskens); ' +
        'the last word also matches as a prefix, for autocomplete.',
      args: {
        query: t.arg.string({ required: true }),
        kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only entities of these kinds.' }),
      },
      resolve: (_root, args, ctx) => {
        if (args.query.length > MAX_QUERY_LENGTH) {
          throw new BadInputError(`The search text is too long (at most ${MAX_QUERY_LENGTH} characters).`, {
            argument: 'query',
          });
        }
        const terms = searchTerms(args.query);
        if (terms.length === 0) {
          throw new BadInputError('The search text needs at least one letter or digit.', { argument: 'query' });
        }
        if (args.kinds?.length === 0) {
          throw new BadInputError('"kinds" must name at least one kind, or be left out.', { argument: 'kinds' });
        }
        return offsetPage(
          args,
          async ({ offset, limit }) => {
            const page = await ctx.graph.search({ terms, kinds: args.kinds ?? null, offset, limit });
            return { total: page.total, items: page.items };
          },
          (hit) => ({ score: hit.score }),
        ).then((page) => ({ ...page, edges: page.edges.map((edge) => ({ ...edge, node: edge.node.entity })) }));
      },
    },
    { name: 'SearchConnection' },
    {
      name: 'SearchEdge',
      fields: (edge) => ({
        score: edge.float({
          description: 'Relevance; higher is better.',
          resolve: (e) => (e as unknown as { score: number }).score,
        }),
      }),
    },
  ),
);
