import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import helmet from 'helmet';
import sirv from 'sirv';
import type { GovGraphYoga } from '../yoga.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface AppOptions {
  readonly yoga: GovGraphYoga;
  /** Serves the explorer; defaults to the built files in web/dist. */
  readonly web?: Handler;
  /** Whether Neo4j answers now, for `/readyz`; without it, an instance is ready while it runs. */
  readonly ready?: () => Promise<boolean>;
  /** The explorer's content-security policy; off only for Vite's dev server (inline scripts, websocket). */
  readonly csp?: boolean;
}

/**
 * What the explorer may load: its own scripts, workers and API only. Styles may be inline (Cytoscape adds a
 * style element); pictures may be data: and blob: URLs (the kinds' icons, exported PNGs). No frames,
 * plugins or foreign forms.
 */
export const EXPLORER_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

function notBuilt(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('The explorer has not been built yet. Run `npm start` (it builds it) or `npx vite build`.\n');
}

/**
 * One HTTP server: GraphQL at /graphql, the explorer everywhere else, and two checks for whatever runs it:
 * `/healthz` (the process serves: restart it if not) and `/readyz` (Neo4j answers too: send it requests).
 */
export function createApp(options: AppOptions): Server {
  const web: Handler =
    options.web ?? (existsSync(WEB_DIST) ? sirv(WEB_DIST, { single: true, etag: true, gzip: false }) : notBuilt);
  // Helmet's headers on every response (no sniffing, no framing, no referrer across sites, HSTS behind
  // TLS); the content-security policy for the explorer's pages. The API answers JSON and events, and
  // GraphiQL loads its assets from a CDN, so /graphql keeps helmet's other headers only.
  const pageHeaders = helmet({ contentSecurityPolicy: options.csp === false ? false : EXPLORER_CSP });
  const apiHeaders = helmet({ contentSecurityPolicy: false });
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/graphql' || url.startsWith('/graphql?')) {
      apiHeaders(req, res, () => void options.yoga.handle(req, res));
      return;
    }
    pageHeaders(req, res, () => route(url, req, res));
  });

  function route(url: string, req: IncomingMessage, res: ServerResponse): void {
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok\n');
      return;
    }
    if (url === '/readyz') {
      void (options.ready?.() ?? Promise.resolve(true)).then((ready) => {
        res.writeHead(ready ? 200 : 503, {
          'content-type': 'text/plain',
          'cache-control': 'no-store',
          ...(ready ? {} : { 'retry-after': '5' }),
        });
        res.end(ready ? 'ready\n' : 'not ready: Neo4j does not answer\n');
      });
      return;
    }
    web(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  }
}
