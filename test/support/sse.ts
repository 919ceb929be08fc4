import { expect } from 'vitest';

/** The `next` events of a server-sent event stream, parsed; returning from it closes the stream. */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<Record<string, unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .find((line) => line.startsWith('data: '))
          ?.slice(6);
        if (event.includes('event: next') && data) yield JSON.parse(data) as Record<string, unknown>;
      }
    }
  } finally {
    await reader.cancel();
  }
}

/**
 * Opens a subscription over HTTP as a browser's fetch would (`url` is the /graphql endpoint; `extraHeaders`
 * such as a cookie or an API token) and reads the server's opening ping. The subscription starts listening just after that ping.
 */
export async function openEventStream(
  url: string,
  query: string,
  method: 'GET' | 'POST' = 'GET',
  extraHeaders: Record<string, string> = {},
): Promise<AsyncGenerator<Record<string, unknown>>> {
  const headers = { accept: 'text/event-stream', 'x-govgraph-csrf': '1', ...extraHeaders };
  const response =
    method === 'GET'
      ? await fetch(`${url}?query=${encodeURIComponent(query)}`, { headers })
      : await fetch(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const body = response.body as ReadableStream<Uint8Array>;
  const reader = body.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toBe(':\n\n');
  reader.releaseLock();
  return sseEvents(body);
}
