import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
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

export const schema = builder.toSchema();

/** The SDL as committed in schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
