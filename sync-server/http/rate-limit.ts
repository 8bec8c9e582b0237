/**
 * At most `perMinute` submissions per client address per minute, so one device or script cannot
 * flood the triage queue. Counting is in memory (hono-rate-limiter's fixed-window store); several
 * instances behind a load balancer would each count separately, which is a looser but safe limit.
 */
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { apiError } from './api-error.ts';
import { clientAddress } from './client-address.ts';

export function submissionRateLimit(perMinute: number, trustedProxies: number): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    // draft-6 headers plus `Retry-After` on the 429 (set by the library before `handler`).
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientAddress(c, trustedProxies),
    handler: (c) =>
      apiError(c, 429, 'rate_limited', 'Too many requests from this address; try again soon.'),
  });
}
