import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../server/db/plain.js';

describe('driver values become plain values at the database edge', () => {
  it('turns Integers into numbers and temporal values into ISO strings, deeply', () => {
    const value = {
      count: neo4j.int(42),
      list: [neo4j.int(1), 'a', null],
      when: new neo4j.types.Date(2022, 8, 31),
      at: new neo4j.types.DateTime(2022, 8, 31, 10, 0, 0, 0, 0),
    };
    expect(toPlain(value)).toEqual({ count: 42, list: [1, 'a', null], when: '2022-08-31', at: '2022-08-31T10:00:00Z' });
  });
});
