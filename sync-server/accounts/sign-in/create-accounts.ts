/**
 * Staff accounts wired into the app: the `/api/session` routes and the `requireSession`
 * middleware, sharing one store, clock and set of attempt counters.
 */
import type { Storage } from '../../storage/storage.ts';
import { readAccountsSettings, type AccountsSettings } from './accounts-config.ts';
import { requireSession } from '../sessions/require-session.ts';
import { sessionGate } from '../sessions/session-gate.ts';
import { sessionRoutes } from './session-routes.ts';
import { signInService } from './sign-in.ts';
import { SignInLimits } from './sign-in-limits.ts';

export type CreateAccountsOptions = Partial<AccountsSettings> & {
  storage: Storage;
  trustedProxies: number;
  maxBodyBytes: number;
  now: () => Date;
};

export function createAccounts(options: CreateAccountsOptions) {
  const { storage, trustedProxies, now } = options;
  const settings: AccountsSettings = { ...readAccountsSettings(process.env), ...options };
  const store = storage.serverOnly;
  const maxMs = settings.sessionMaxDays * 24 * 60 * 60_000;
  const timeouts = { idleMs: settings.sessionIdleMinutes * 60_000, maxMs };

  const gate = sessionGate({ store, timeouts, now, trustedProxies });
  const signIn = signInService({
    store,
    scrypt: settings.scrypt,
    limits: new SignInLimits(settings.signInLimits),
    now,
  });
  return {
    sessionRoutes: sessionRoutes({
      store,
      gate,
      signIn,
      maxBodyBytes: options.maxBodyBytes,
      cookieMaxAgeSeconds: maxMs / 1000,
      trustedProxies,
    }),
    requireSession: requireSession(gate),
    /** The password hashing cost, for the admin API's accounts and password resets. */
    scrypt: settings.scrypt,
  };
}
