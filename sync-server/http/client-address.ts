/**
 * Who is asking, for rate limits, and whether they came over TLS, for HSTS and Secure cookies.
 *
 * Behind `TRUST_PROXY=n` reverse proxies the socket address is the nearest proxy's. Each proxy
 * appends the address it was connected from to `X-Forwarded-For`, so only the last n entries were
 * written by proxies we trust; anything left of them is whatever the client sent, and a client that
 * sends `X-Forwarded-For: 1.2.3.4` reaches us as `1.2.3.4, <its real address>`. So the client is the
 * nth entry from the right, the one the outermost trusted proxy wrote (what Express's `trust proxy`
 * does with a hop count: https://expressjs.com/en/guide/behind-proxies.html). With no proxy
 * (`TRUST_PROXY=0`) the headers are the client's own words and are ignored.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The entries of a comma-separated forwarding header, in order, blanks dropped. */
function hops(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
}

/**
 * The client in `X-Forwarded-For` behind `trustedProxies` proxies: the nth hop from the right, or
 * the leftmost when the header is shorter (every entry was then written by a trusted proxy).
 * Null when there is no proxy to trust or no header.
 */
export function forwardedClient(header: string | undefined, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const entries = hops(header);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - trustedProxies)]!;
}

/**
 * The scheme in `X-Forwarded-Proto`: the last entry, which the nearest trusted proxy set (or passed
 * on); anything before it may be the client's. Null when there is no proxy to trust or no header.
 */
export function forwardedProto(header: string | undefined, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  return hops(header).at(-1)?.toLowerCase() ?? null;
}

export function clientAddress(c: Context, trustedProxies: number): string {
  const forwarded = forwardedClient(c.req.header('X-Forwarded-For'), trustedProxies);
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not running on a Node socket (e.g. `app.request()`): every caller shares one bucket.
    return 'unknown';
  }
}

export function isTlsRequest(c: Context, trustedProxies: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return forwardedProto(c.req.header('X-Forwarded-Proto'), trustedProxies) === 'https';
}
