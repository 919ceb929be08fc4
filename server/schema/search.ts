import { type SearchMatch, searchMatch, searchTerms } from '../../shared/fold.js';
import { BadInputError } from '../services/errors.js';
import { builder } from './builder.js';
import { EntityKindEnum, OrgTypeEnum } from './enums.js';
import { offsetPage } from './pagination.js';
import { EntityRef } from './refs.js';

const MAX_QUERY_LENGTH = 200;

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'Where a search hit matched.',
  values: {
    NAME: { value: 'NAME', description: 'In its name.' },
    ALIAS: { value: 'ALIAS', description: 'In one of its aliases or abbreviations.' },
  } as const,
});

const SearchMatchRef = builder.objectRef<SearchMatch>('SearchMatch').implement({
  description: 'Why a search hit matched, e.g. for an autocomplete hint ("MID" for the ministry).',
  fields: (t) => ({
    field: t.field({ type: SearchFieldEnum, resolve: (m) => m.field }),
    text: t.exposeString('text', {
      description: 'The name, or the alias as written (not folded) that matches best.',
    }),
  }),
});

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
        orgTypes: t.arg({
          type: [OrgTypeEnum],
          required: false,
          description: 'Only organisations of these types (a ministry, a public IT service provider …).',
        }),
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
        if (args.orgTypes?.length === 0) {
          throw new BadInputError('"orgTypes" must name at least one type of organisation, or be left out.', {
            argument: 'orgTypes',
          });
        }
        return offsetPage(
          args,
          async ({ offset, limit }) => {
            const page = await ctx.graph.search({
              terms,
              kinds: args.kinds ?? null,
              orgTypes: args.orgTypes ?? null,
              offset,
              limit,
            });
            return { total: page.total, items: page.items };
          },
          (hit) => ({ score: hit.score, matched: searchMatch(terms, hit.entity.name, hit.entity.aliases) }),
        ).then((page) => ({ ...page, edges: page.edges.map((edge) => ({ ...edge, node: edge.node.entity })) }));
      },
    },
    { name: 'SearchConnection' },
    {
      name: 'SearchEdge',
      fields: (edge) => ({
        score: edge.float({
          description: 'Relevance; higher is better.',
          // Pothos types a relay edge as cursor and node; offsetPage added these extras to each edge.
          resolve: (e) => (e as typeof e & { score: number }).score,
        }),
        matched: edge.field({
          type: SearchMatchRef,
          description:
            'NAME when every word of the search matches the name (the last also as a prefix), else ALIAS with the ' +
            'alias that matches best; where Lucene matched words across both, the one that holds more of them.',
          resolve: (e) => (e as typeof e & { matched: SearchMatch }).matched,
        }),
      }),
    },
  ),
);
