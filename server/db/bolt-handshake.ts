import net from 'node:net';

/** Bolt's preamble and four version proposals (5.8 down to 5.0, then 4.4 … 4.2): what every driver sends first. */
const HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x08, 0x08, 0x05, 0x00, 0x02, 0x04, 0x04, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
  0x03,
]);

/**
 * Whether a Bolt server at `uri` (bolt:// or neo4j://, no TLS) answers the protocol handshake within `ms`.
 * Neo4j answers it on its network threads, not the ones that run queries: a server busy with queries answers
 * at once, one that is gone, hung or cut off does not. Undefined for TLS URIs (+s, +ssc), which this cannot ask.
 */
export function boltHandshake(uri: string, ms: number): Promise<boolean> | undefined {
  const parsed = /^(bolt|neo4j):\/\/([^/?#]+)/.exec(uri);
  if (!parsed?.[2]) return undefined;
  const { hostname, port } = new URL(`http://${parsed[2]}`);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 7687) });
    let answer = Buffer.alloc(0);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    timer.unref();
    socket.once('connect', () => socket.write(HANDSHAKE));
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      // Four bytes: the version the server chose (all zero when it speaks none of them, which still is an answer).
      if (answer.length >= 4) done(true);
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
