import net from 'node:net';

/**
 * What the proxy does to the connections between GovGraph and Neo4j:
 * - `none`: passes everything through;
 * - `refuse`: stops listening (new connections are refused) and cuts the open ones, as when Neo4j is gone;
 * - `reset`: resets every connection, open or new (TCP RST);
 * - `blackhole`: keeps connections open but lets nothing through either way, as a hung server or a
 *   silent network partition;
 * - `{ delayMs }`: passes everything, each piece that much later.
 */
export type Fault = 'none' | 'refuse' | 'reset' | 'blackhole' | { readonly delayMs: number };

interface Pair {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
}

/** A TCP proxy in front of Neo4j's Bolt port whose faults a test switches at will. */
export class FaultProxy {
  readonly #target: { host: string; port: number };
  readonly #pairs = new Set<Pair>();
  #server: net.Server;
  #port = 0;
  #fault: Fault = 'none';

  private constructor(target: { host: string; port: number }) {
    this.#target = target;
    this.#server = this.#listener();
  }

  /** A proxy for the Neo4j at `uri` (bolt://host:port). */
  static async start(uri: string): Promise<FaultProxy> {
    const { hostname, port } = new URL(uri);
    const proxy = new FaultProxy({ host: hostname, port: Number(port) });
    await proxy.#listen(0);
    return proxy;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.#port}`;
  }

  /** Connections open through the proxy now. */
  get connections(): number {
    return this.#pairs.size;
  }

  async set(fault: Fault): Promise<void> {
    const was = this.#fault;
    this.#fault = fault;
    if (fault === 'refuse' || fault === 'reset') {
      for (const pair of this.#pairs) this.#cut(pair, fault === 'reset');
    }
    if (fault === 'refuse' && was !== 'refuse') {
      await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    } else if (fault !== 'refuse' && was === 'refuse') {
      this.#server = this.#listener();
      await this.#listen(this.#port);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.#pairs) this.#cut(pair, false);
    if (this.#fault !== 'refuse') await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #listener(): net.Server {
    return net.createServer((client) => {
      if (this.#fault === 'reset') {
        client.resetAndDestroy();
        return;
      }
      const upstream = net.connect(this.#target);
      const pair = { client, upstream };
      this.#pairs.add(pair);
      client.on('data', (chunk) => this.#forward(upstream, chunk));
      upstream.on('data', (chunk) => this.#forward(client, chunk));
      const end = () => this.#cut(pair, false);
      for (const socket of [client, upstream]) {
        socket.on('error', end);
        socket.on('close', end);
      }
    });
  }

  async #listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as net.AddressInfo).port;
  }

  #forward(to: net.Socket, chunk: Buffer): void {
    const fault = this.#fault;
    if (fault === 'blackhole' || fault === 'refuse' || fault === 'reset') return;
    if (fault === 'none') {
      if (!to.destroyed) to.write(chunk);
      return;
    }
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, fault.delayMs);
  }

  #cut(pair: Pair, reset: boolean): void {
    this.#pairs.delete(pair);
    if (reset && !pair.client.destroyed) pair.client.resetAndDestroy();
    else pair.client.destroy();
    pair.upstream.destroy();
  }
}
