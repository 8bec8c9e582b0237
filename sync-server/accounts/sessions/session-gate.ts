/**
 * From a request's cookie to who is signed in, or to the denial to send (401 or 403). Shared by
 * `GET /api/session` and `requireSession`, so both always agree.
 */
import type { Context } from 'hono';
import type { MutableDocStore } from '../../storage/storage.ts';
import { accountError } from './account-errors.ts';
import { clearSessionCookie, readSessionToken } from './session-cookie.ts';
import { checkSession, type SessionCheck, type SessionTimeouts } from './session-store.ts';

/** Why a request has no signed-in user. */
export type SessionDenial = Exclude<SessionCheck, { kind: 'signed_in' }>;

export type SessionGate = {
  check(c: Context): Promise<SessionCheck>;
  deny(c: Context, denial: SessionDenial): Response;
};

export type SessionGateOptions = {
  store: MutableDocStore;
  timeouts: SessionTimeouts;
  now: () => Date;
  trustedProxies: number;
};

export function sessionGate(options: SessionGateOptions): SessionGate {
  const { store, timeouts, now, trustedProxies } = options;
  return {
    async check(c) {
      const token = readSessionToken(c);
      const result = await checkSession(store, token, timeouts, now());
      // A cookie that no longer opens anything is cleared, so the browser stops sending it.
      if (token !== null && result.kind !== 'signed_in') clearSessionCookie(c, trustedProxies);
      return result;
    },
    deny(c, denial) {
      switch (denial.kind) {
        case 'expired':
          return accountError(c, 401, 'session_expired', 'The session has ended; sign in again.');
        case 'disabled':
          return accountError(c, 403, 'account_disabled', 'This account has been disabled.');
        case 'none':
          return accountError(c, 401, 'unauthorized', 'Sign in first.');
      }
    },
  };
}
