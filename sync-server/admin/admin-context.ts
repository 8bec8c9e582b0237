/** What every admin route is given, and the small helpers they share (admin-routes.ts). */
import type { Context, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { issuesToFields } from '#domain/questions/request-schema.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import type { ScryptParams } from '../accounts/password-hash.ts';
import type { AccountContext } from '../accounts/account-store.ts';
import { apiError } from '../http/api-error.ts';
import { readJsonBody } from '../http/json-body.ts';
import type { Storage } from '../storage/storage.ts';
import type { AuditAction, AuditLog } from '../audit/audit-log.ts';

export type AdminRoutesOptions = {
  storage: Storage;
  requireSession: MiddlewareHandler<SessionEnv>;
  audit: AuditLog;
  maxBodyBytes: number;
  scrypt: ScryptParams;
  now: () => Date;
};

export type AdminContext = AdminRoutesOptions & {
  /** Records an action of the signed-in admin, by ids alone. */
  record(
    c: Context<SessionEnv>,
    action: AuditAction,
    target: string,
    fields?: string[],
  ): Promise<void>;
};

export const accountContext = (ctx: AdminContext): AccountContext => ({
  store: ctx.storage.serverOnly,
  now: ctx.now,
  scrypt: ctx.scrypt,
});

export const invalid = (c: Context, fields: Record<string, string>) =>
  apiError(c, 400, 'invalid_request', 'Some of what was sent cannot be used.', fields);

/**
 * The body, parsed by `schema`; otherwise the answer to send (415, 413, 400 `invalid_json`, or
 * 400 `invalid_request` with a code per field).
 */
export async function parsedBody<T>(
  c: Context,
  ctx: AdminContext,
  schema: v.GenericSchema<unknown, T>,
): Promise<{ ok: true; value: T } | { ok: false; answer: Response }> {
  const body = await readJsonBody(c.req.raw, ctx.maxBodyBytes);
  if (!body.ok) return { ok: false, answer: apiError(c, body.status, body.error, body.reason) };
  const parsed = v.safeParse(schema, body.value);
  if (!parsed.success) return { ok: false, answer: invalid(c, issuesToFields(parsed.issues)) };
  return { ok: true, value: parsed.output };
}
