import { describe, expect, it } from 'vitest';
import type { GraphChange } from '../../server/services/editing/index.js';
import { createGraphPubSub, parseGraphChange } from '../../server/services/live/pubsub.js';

const change: GraphChange = {
  batch: 'batch:7f1c',
  at: '2024-03-28T10:15:00.123Z',
  by: 'editor@govgraph.test',
  entityIds: ['person:lydia-hueskens'],
  relationIds: ['rel:digitalrat-beraet-mid'],
  deletedIds: [],
};

describe('live updates on the wire', () => {
  it('arrive through JSON exactly as they were sent', () => {
    expect(parseGraphChange(JSON.stringify(change))).toEqual(change);
  });

  it('drop a message on the channel that is not a change', () => {
    expect(parseGraphChange('hello')).toBeNull();
    expect(parseGraphChange('{"batch":1}')).toBeNull();
    expect(parseGraphChange('')).toBeNull();
  });
});

describe('live updates within one instance', () => {
  it('reach every subscriber, from the subscription on', async () => {
    const pubsub = createGraphPubSub();
    const first = pubsub.subscribe()[Symbol.asyncIterator]();
    const second = pubsub.subscribe()[Symbol.asyncIterator]();
    // A subscription starts listening when it is first asked for a value.
    const [a, b] = [first.next(), second.next()];
    pubsub.publish(change);
    expect((await a).value).toEqual(change);
    expect((await b).value).toEqual(change);
    await first.return?.();
    await second.return?.();
  });
});
