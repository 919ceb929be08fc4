import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../server/schema/index.js';

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(printedSchema()).toBe(committed);
  });

  it('keeps the public contract names', () => {
    const sdl = printedSchema();
    for (const name of [
      'interface Node',
      'interface Entity implements Node',
      'node(id: ID!): Node',
      'nodes(ids: [ID!]!): [Node]!',
      'search(',
      'neighborhood(',
      'type Relation implements Node',
      'type Citation',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
