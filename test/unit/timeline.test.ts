import { describe, expect, it } from 'vitest';
import type { Neighborhood } from '../../web/src/api.js';
import { EMPTY_GRAPH, mergeNeighborhood } from '../../web/src/graph/elements.js';
import { timelineOf } from '../../web/src/graph/timeline.js';

const event = (id: string, name: string, date: string | null) => ({
  id,
  kind: 'EVENT' as const,
  name,
  description: null,
  date: date ? { date, precision: 'DAY' as const, qualifier: 'ON_OR_BEFORE' as const } : null,
});

describe('timeline of the canvas', () => {
  it('lists only events, by date, undated ones last', () => {
    const hood: Neighborhood = {
      truncated: false,
      hiddenNeighbors: [],
      edges: [],
      nodes: [
        event('event:c', 'C', null),
        event('event:b', 'B', '2024-03-28'),
        { id: 'person:x', kind: 'PERSON', name: 'X', description: null },
        event('event:a', 'A', '2022-08-31'),
      ],
    };
    expect(timelineOf(mergeNeighborhood(EMPTY_GRAPH, hood)).map((i) => [i.id, i.date?.date ?? null])).toEqual([
      ['event:a', '2022-08-31'],
      ['event:b', '2024-03-28'],
      ['event:c', null],
    ]);
  });
});
