import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import helmet from 'helmet';
import sirv from 'sirv';
import type { GovGraphYoga } from './yoga.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface AppOptions {
  readonly yoga: GovGraphYoga;
  /** Serves the explorer; defaults to the built files in web/dist. */
  readonly web?: Handler;
  /**
   * Whether the instance can serve now, for `/readyz`: true, or false (Neo4j does not answer), or why not in words;
   * without it, an instance is ready while it runs.
   */
  readonly ready?: () => Promise<boolean | string>;
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

const CLIENT_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are larger than this server reads.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request did not arrive in time.'],
};

/**
 * What Node's HTTP parser refuses before any handler sees it (headers too large, a request that is not HTTP) gets
 * a status and a JSON body with a code, like every other refusal, and the connection is closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'The request is not well-formed HTTP.',
  ];
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nx-govgraph-error-code: BAD_REQUEST\r\nconnection: close\r\n\r\n${body}`,
  );
}

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
  // TLS); the content-security policy for the explorer's pages. The API answers JSON and events; GraphiQL
  // there is one page with its scripts inline (from the installed package, nothing from elsewhere).
  const pageHeaders = helmet({ contentSecurityPolicy: options.csp === false ? false : EXPLORER_CSP });
  const apiHeaders = helmet({ contentSecurityPolicy: false });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/graphql' || url.startsWith('/graphql?')) {
      apiHeaders(req, res, () => void options.yoga.handle(req, res));
      return;
    }
    pageHeaders(req, res, () => route(url, req, res));
  });
  server.on('clientError', answerClientError);
  return server;

  function route(url: string, req: IncomingMessage, res: ServerResponse): void {
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok\n');
      return;
    }
    if (url === '/readyz') {
      void (options.ready?.() ?? Promise.resolve(true)).then((answer) => {
        const ready = answer === true;
        res.writeHead(ready ? 200 : 503, {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
          ...(ready ? {} : { 'retry-after': '5' }),
        });
        res.end(ready ? 'ready\n' : `not ready: ${answer === false ? 'Neo4j does not answer' : answer}\n`);
      });
      return;
    }
    web(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  }
}
