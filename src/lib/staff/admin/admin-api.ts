/**
 * The admin pages' calls to `/api/admin` (sync-server/admin/admin-routes.ts) and to
 * `/api/password-reset`. Admin work needs the server: nothing here is kept on the device, and with
 * no connection a call says `offline` so the page can say so. A refusal comes back as the field
 * codes the server gave, which the pages translate (`admin.errors.*`).
 */
import { isApiError } from '#domain/api-errors.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { AreaInput } from '#domain/admin/area-input.ts';
import type { AccountChange, NewAccountInput } from '#domain/admin/account-input.ts';
import type { RetentionSettings } from '#domain/admin/retention-settings.ts';
import type { StaffRole } from '#domain/people/account-rules.ts';

export type AccountListing = {
  username: string;
  user_id: string;
  display_name: string;
  role: StaffRole;
  areas: string[];
  disabled: boolean;
};
export type IssuedCode = { code: string; expires_at: string };

export type Answer<T> =
  | { ok: true; value: T }
  | { ok: false; failure: 'offline' | 'forbidden' | 'signed_out' | 'not_found' | 'failed' }
  | { ok: false; failure: 'invalid'; fields: Record<string, string> };

async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, failure: navigator.onLine ? 'failed' : 'offline' };
  }
  if (response.status === 204) return { ok: true, value: undefined as T };
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: answer as T };
  if (response.status === 401) return { ok: false, failure: 'signed_out' };
  if (response.status === 403) return { ok: false, failure: 'forbidden' };
  if (response.status === 404) return { ok: false, failure: 'not_found' };
  if (response.status === 400 && isApiError(answer) && answer.fields) {
    return { ok: false, failure: 'invalid', fields: answer.fields };
  }
  return { ok: false, failure: 'failed' };
}

export const listAreas = () => call<{ areas: AreaDoc[] }>('GET', '/api/admin/areas');
export const saveArea = (id: string | null, input: AreaInput) =>
  id === null
    ? call<{ area: AreaDoc }>('POST', '/api/admin/areas', input)
    : call<{ area: AreaDoc }>('PUT', `/api/admin/areas/${encodeURIComponent(id)}`, input);

export const listAccounts = () =>
  call<{ accounts: AccountListing[] }>('GET', '/api/admin/accounts');
export const createAccount = (input: NewAccountInput) =>
  call<{ account: AccountListing; reset: IssuedCode }>('POST', '/api/admin/accounts', input);
export const changeAccount = (username: string, change: AccountChange) =>
  call<{ account: AccountListing }>(
    'PATCH',
    `/api/admin/accounts/${encodeURIComponent(username)}`,
    change,
  );
export const newResetCode = (username: string) =>
  call<{ reset: IssuedCode }>(
    'POST',
    `/api/admin/accounts/${encodeURIComponent(username)}/reset-code`,
  );

export const readRetention = () =>
  call<{ retention: RetentionSettings }>('GET', '/api/admin/settings/retention');
export const saveRetention = (settings: RetentionSettings) =>
  call<{ retention: RetentionSettings }>('PUT', '/api/admin/settings/retention', settings);

export const choosePassword = (username: string, code: string, password: string) =>
  call<undefined>('POST', '/api/password-reset', { username, code, password });

/** One message to a resident that Notify would not take (`GET /api/notify/status`). */
export type FailedMessage = {
  id: string;
  reference: string | null;
  message: string;
  language: string;
  attempts: number;
  failed_at: string | null;
  status: number | null;
  error: string | null;
};
export type NotifyStatus = {
  configured: boolean;
  receives_replies: boolean;
  queued: number;
  failed_total: number;
  failed: FailedMessage[];
};
export const readNotifyStatus = () => call<NotifyStatus>('GET', '/api/notify/status');

/** One audit entry as admins read it (sync-server/admin/audit-routes.ts): ids, never names. */
export type AuditListing = {
  at: string;
  actor: string;
  action: string;
  target: string;
  fields: string[];
};
export const readAudit = (from: string, to: string, action: string) =>
  call<{ entries: AuditListing[]; more: boolean }>(
    'GET',
    `/api/admin/audit?from=${from}&to=${to}${action ? `&action=${encodeURIComponent(action)}` : ''}`,
  );
