/**
 * Headers every response carries. The Content-Security-Policy allows scripts from this origin and
 * the exact inline scripts of the page being served (their hashes), never `'unsafe-inline'`;
 * styles may be inline because Svelte transitions and Leaflet set `style` attributes.
 */
import type { MiddlewareHandler } from 'hono';
import { isTlsRequest } from './client-address.ts';

export function contentSecurityPolicy(
  scriptHashes: readonly string[] = [],
  imageOrigins: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    // The maps' tiles come from their own server (map/tile-source.ts). The service worker fetches
    // them to keep them offline, and the route page to keep those around a volunteer's stops,
    // so that origin is in `connect-src` too. It is the only other origin a page or the worker
    // may reach, which is how the worker tells a tile from anything else (src/lib/pwa/tile-cache.ts).
    ["img-src 'self' data: blob:", ...imageOrigins].join(' '),
    ["connect-src 'self'", ...imageOrigins].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const fixedHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self)',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Handlers that serve HTML set their own policy (with hashes); everything else gets the default. */
export function securityHeaders(
  trustedProxies: number,
  imageOrigins: readonly string[] = [],
): MiddlewareHandler {
  const defaultPolicy = contentSecurityPolicy([], imageOrigins);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('Content-Security-Policy'))
      headers.set('Content-Security-Policy', defaultPolicy);
    for (const [name, value] of Object.entries(fixedHeaders)) headers.set(name, value);
    // HSTS over plain HTTP is ignored by browsers and would be wrong for a LAN deployment.
    if (isTlsRequest(c, trustedProxies)) {
      headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  };
}
