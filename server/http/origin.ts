/**
 * Where a request came from, as far as cookies and CORS are concerned. A browser sends an editor's session
 * cookie with requests that a page of another origin makes (SameSite counts another port of the same host as
 * the same site), so the server itself decides which pages may act with it: the explorer's own origin, and the
 * origins listed in GOVGRAPH_CORS_ORIGINS. Any other page may read the public graph without cookies.
 */

export interface OriginPolicy {
  /** How many proxies in front of GovGraph to believe about X-Forwarded-Proto and X-Forwarded-Host. */
  readonly trustProxy: number;
  /** Origins besides the explorer's own whose pages may act with the session cookie (scheme://host[:port]). */
  readonly allowedOrigins: ReadonlySet<string>;
}

export interface RequestOrigin {
  /** The origin the browser addressed: the explorer's own (scheme from the trusted proxy, else the socket's). */
  readonly own: string;
  /** The Origin header, if the browser sent one. */
  readonly from: string | null;
  /** The page that sent it may act with the session cookie: the explorer's own origin or a listed one. */
  readonly trusted: boolean;
  /** The original request was https (here, or at the trusted proxy): cookies are Secure. */
  readonly secure: boolean;
}

/** The value the outermost trusted proxy wrote into a comma-separated forwarding header, if it is trusted. */
function forwarded(value: string | null, trustProxy: number): string | undefined {
  if (trustProxy <= 0 || !value) return undefined;
  const hops = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustProxy)];
}

export function requestOrigin(request: Request, policy: OriginPolicy): RequestOrigin {
  const url = new URL(request.url);
  const proto = forwarded(request.headers.get('x-forwarded-proto'), policy.trustProxy)?.toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : url.protocol;
  const host = forwarded(request.headers.get('x-forwarded-host'), policy.trustProxy) ?? url.host;
  const own = `${scheme}//${host}`.toLowerCase();
  const from = request.headers.get('origin');
  let trusted: boolean;
  if (from !== null) {
    const origin = from.toLowerCase();
    trusted = origin === own || policy.allowedOrigins.has(origin);
  } else {
    // Without an Origin header (a GET, say), the fetch metadata tells a page of another site or port apart.
    const site = request.headers.get('sec-fetch-site');
    trusted = site !== 'cross-site' && site !== 'same-site';
  }
  return { own, from, trusted, secure: scheme === 'https:' };
}

/** What an origin in GOVGRAPH_CORS_ORIGINS must look like: scheme, host and optional port, nothing else. */
export function normaliseOrigin(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
  if (value.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) return null;
  return url.origin.toLowerCase();
}
