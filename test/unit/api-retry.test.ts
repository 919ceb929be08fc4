import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, MUTATION_RETRY_PAUSES_MS, request } from '../../web/src/api.js';
import { CreateRelationDocument, LoginDocument, SearchDocument } from '../../web/src/generated/graphql.js';

// The explorer's GraphQL client, with the network replaced by a script of answers: what it sends, and when
// it sends it again.

interface Sent {
  readonly key: string | null;
  readonly body: string;
}

function network(script: Array<'down' | number>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ key: headers['idempotency-key'] ?? null, body: String(init.body) });
    const next = script.shift() ?? 200;
    if (next === 'down') throw new TypeError('fetch failed');
    const payload =
      next === 503
        ? { errors: [{ message: 'away', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }
        : { data: { createRelation: { id: 'rel:x' }, search: { edges: [] } } };
    return new Response(JSON.stringify(payload), { status: next, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

const input = { type: 'ADVISES', from: 'person:a', to: 'org:b', citations: [{ article: 'article:c' }] };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the explorer sending a change', () => {
  it('sends it again with the same Idempotency-Key when the network fails or the server answers 503', async () => {
    vi.useFakeTimers();
    const sent = network(['down', 503, 200]);
    const answer = request(CreateRelationDocument, { input } as never);
    await vi.runAllTimersAsync();
    expect(await answer).toEqual({ createRelation: { id: 'rel:x' }, search: { edges: [] } });
    expect(sent).toHaveLength(3);
    expect(sent[0]?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
  });

  it('gives up after the last pause with the error, and a new change gets a new key', async () => {
    vi.useFakeTimers();
    const sent = network(Array(MUTATION_RETRY_PAUSES_MS.length + 1).fill(503));
    const answer = request(CreateRelationDocument, { input } as never).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = await answer;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('SERVICE_UNAVAILABLE');
    expect(sent).toHaveLength(MUTATION_RETRY_PAUSES_MS.length + 1);

    const next = network([200]);
    await request(CreateRelationDocument, { input } as never);
    expect(next[0]?.key).not.toBe(sent[0]?.key);
  });

  it('sends a login once: a second try would count as a second failure', async () => {
    const sent = network(['down']);
    await expect(request(LoginDocument, { email: 'a@b.de', password: 'x' })).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(sent).toHaveLength(1);
  });

  it('sends a read once and without a key', async () => {
    const sent = network(['down']);
    await expect(request(SearchDocument, { query: 'x', first: 8, kinds: null, orgTypes: null })).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(sent).toEqual([{ key: null, body: expect.stringContaining('search') }]);
  });
});
