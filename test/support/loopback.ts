import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from '../../server/http/app.js';

/** The HTTP servers one test file starts on loopback, as `npm start` serves, closed together at its end. */
export function loopbackServers() {
  const servers: Server[] = [];
  return {
    /** Starts one; returns its origin (http://127.0.0.1:port). */
    async serve(options: AppOptions): Promise<string> {
      const server = createApp(options);
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async closeAll(): Promise<void> {
      for (const server of servers.splice(0)) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
