import { GraphQLObjectType, type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { builder, encodeGlobalId } from './builder.js';
import './entity.js';
import './relation.js';
import './search.js';
import './neighborhood.js';
import './stats.js';
import './paths.js';
import './timeline.js';
import './accounts.js';
import './editing.js';
import './relation-editing.js';
import './changes.js';
import './live.js';
import './intake.js';
import './intake-apply.js';

/**
 * Pothos' relay plugin answers every node's id field through an async wrapper, which awaits the id
 * resolver and encodes a global id. GovGraph's global ids are its ids (builder.ts), and every node type
 * resolves its id as `record.id` (entity.ts, relation.ts), so the wrapper only adds a promise for every
 * entity and relation in an answer: 30 % of the CPU of a 2-hop neighbourhood (37 -> 26 ms a request,
 * in-process). Here each node type's id is read at once instead, with the same result.
 */
function withPlainNodeIds(built: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(built.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const id = type.getFields().id;
    if (!id) throw new Error(`${type.name} is a Node without an id field`);
    id.resolve = (record: { id: string }) => encodeGlobalId(type.name, record.id);
  }
  return built;
}

export const schema = withPlainNodeIds(builder.toSchema());

/** The SDL as committed in schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
