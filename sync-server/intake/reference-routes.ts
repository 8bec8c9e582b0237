/**
 * `POST /api/staff/references`: a coordinator's (or admin's) device asks, while online, for the
 * references it will read out to callers when it has no signal (#domain/intake/reference-pool.ts).
 * Body `{ device, used }` (the device's own UUID; references it has used since it last asked);
 * answer `200 { references }`, the device's whole pool. A volunteer is refused (403 `forbidden`);
 * without a session 401; a body that does not fit the schema 400 `invalid_request` with `fields`;
 * limited per client address like every route that writes on the server's behalf.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { issuesToFields } from '#domain/questions/request-schema.ts';
import { mayTakeCalls, poolRequestSchema, type PoolAnswer } from '#domain/intake/reference-pool.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import { apiError, methodNotAllowed } from '../http/api-error.ts';
import { readJsonBody } from '../http/json-body.ts';
import { submissionRateLimit } from '../http/rate-limit.ts';
import type { MutableDocStore } from '../storage/storage.ts';
import { topUpPool } from './reference-pool.ts';

export type ReferenceRoutesOptions = {
  serverOnly: MutableDocStore;
  requireSession: MiddlewareHandler<SessionEnv>;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  trustedProxies: number;
  now: () => Date;
};

export function referenceRoutes(options: ReferenceRoutesOptions): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  routes.post(
    '/',
    submissionRateLimit(options.rateLimitPerMinute, options.trustedProxies),
    options.requireSession,
    async (c) => {
      const account = c.var.user;
      // Sessions let only enabled accounts through; a coordinator's areas do not matter here.
      const user: StaffUser = {
        id: staffUserId(account.username),
        role: account.role,
        areas: [...account.areas],
        disabled: false,
      };
      if (!mayTakeCalls(user)) {
        return apiError(c, 403, 'forbidden', 'Only coordinators and admins take calls.');
      }
      const body = await readJsonBody(c.req.raw, options.maxBodyBytes);
      if (!body.ok) return apiError(c, body.status, body.error, body.reason);
      const parsed = v.safeParse(poolRequestSchema, body.value, { abortPipeEarly: true });
      if (!parsed.success) {
        const reason = 'Send { "device": "<uuid>", "used": ["<reference>", …] }.';
        return apiError(c, 400, 'invalid_request', reason, issuesToFields(parsed.issues));
      }
      const { device, used } = parsed.output;
      const at = options.now().toISOString();
      const answer: PoolAnswer = {
        references: await topUpPool(options.serverOnly, user, device, used, at),
      };
      c.header('Cache-Control', 'no-store');
      return c.json(answer, 200);
    },
  );
  routes.all('/', methodNotAllowed(['POST']));
  return routes;
}
