import { GraphQLError, Kind } from 'graphql';
import { PartialDate } from '../../shared/model.js';
import { builder } from './builder.js';

function parseDay(value: unknown): string {
  if (typeof value === 'string' && value.length === 10 && PartialDate.safeParse(value).success) return value;
  throw new GraphQLError(
    `A Date is a calendar day written YYYY-MM-DD, e.g. 2022-09-01; got ${JSON.stringify(value)}.`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** A calendar day, YYYY-MM-DD: the "as of" and "from/to" of queries. */
export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar day as YYYY-MM-DD, e.g. 2022-09-01.',
  serialize: (value) => parseDay(value),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
