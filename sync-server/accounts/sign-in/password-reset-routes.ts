/**
 * `POST /api/password-reset` `{ username, code, password }`: a member of staff chooses their own
 * password with the one-time code an admin gave them (../reset-codes.ts). 204 when set, and every
 * session of the account has ended; 400 `invalid_request` with `fields.code: 'invalid_code'` for
 * any wrong, used or expired code (and for an unknown username, which it does not reveal), or
 * `fields.password` with the password rule it breaks. Public, so limited per client address.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { passwordResetSchema } from '#domain/people/reset-code.ts';
import { issuesToFields } from '#domain/questions/request-schema.ts';
import { apiError, methodNotAllowed } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { submissionRateLimit } from '../../http/rate-limit.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { AccountContext } from '../account-store.ts';
import { redeemResetCode } from '../reset-codes.ts';
import { staffUserId } from '../staff-user-id.ts';

export type PasswordResetOptions = {
  accounts: AccountContext;
  audit: AuditLog;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  trustedProxies: number;
};

export function passwordResetRoutes(options: PasswordResetOptions): Hono {
  const routes = new Hono();
  routes.post(
    '/',
    submissionRateLimit(options.rateLimitPerMinute, options.trustedProxies),
    async (c) => {
      const body = await readJsonBody(c.req.raw, options.maxBodyBytes);
      if (!body.ok) return apiError(c, body.status, body.error, body.reason);
      const parsed = v.safeParse(passwordResetSchema, body.value);
      if (!parsed.success) {
        const reason = 'Send { "username", "code", "password" }.';
        return apiError(c, 400, 'invalid_request', reason, issuesToFields(parsed.issues));
      }
      const { username, code, password } = parsed.output;
      const problem = await redeemResetCode(options.accounts, username, code, password);
      if (problem === 'invalid_code') {
        const reason = 'That code is wrong, used or out of date; ask an admin for a new one.';
        return apiError(c, 400, 'invalid_request', reason, { code: 'invalid_code' });
      }
      if (problem !== null) {
        return apiError(c, 400, 'invalid_request', 'Choose another password.', {
          password: problem,
        });
      }
      const user = `user:${staffUserId(username)}`;
      await options.audit.record({
        actor: staffUserId(username),
        action: 'password_reset',
        target: user,
      });
      return c.body(null, 204);
    },
  );
  routes.all('/', methodNotAllowed(['POST']));
  return routes;
}
