/**
 * Who is asking, for rate limits, and whether they came over TLS, for HSTS. Behind a reverse proxy
 * (`TRUST_PROXY=1`) the socket address is the proxy's, so the client is the first
 * `X-Forwarded-For` hop; without a proxy those headers are the client's own words and are ignored.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

function firstHop(header: string | undefined): string | null {
  const hop = header?.split(',')[0]?.trim();
  return hop ? hop : null;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = firstHop(c.req.header('X-Forwarded-For'));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not running on a Node socket (e.g. `app.request()`): every caller shares one bucket.
    return 'unknown';
  }
}

export function isTlsRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && firstHop(c.req.header('X-Forwarded-Proto'))?.toLowerCase() === 'https';
}
