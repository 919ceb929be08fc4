import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { GovGraphYoga } from '../yoga.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface AppOptions {
  readonly yoga: GovGraphYoga;
  /** Serves the explorer; defaults to the built files in web/dist. */
  readonly web?: Handler;
}

function notBuilt(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('The explorer has not been built yet. Run `npm start` (it builds it) or `npx vite build`.\n');
}

/** One HTTP server: GraphQL at /graphql, a health check, and the explorer everywhere else. */
export function createApp(options: AppOptions): Server {
  const web: Handler =
    options.web ?? (existsSync(WEB_DIST) ? sirv(WEB_DIST, { single: true, etag: true, gzip: false }) : notBuilt);
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/graphql' || url.startsWith('/graphql?')) {
      void options.yoga.handle(req, res);
      return;
    }
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok\n');
      return;
    }
    web(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  });
}
