/**
 * Checking a username and password. Every way of failing looks and takes the same: an unknown
 * username is checked against a dummy hash, and a disabled account is only reported to someone
 * who knows its password.
 */
import type { MutableDocStore } from '../storage.ts';
import { normaliseUsername, toStaffUser, type StaffUser } from './account.ts';
import { findAccount } from './account-store.ts';
import { dummyHash, verifyPassword, type ScryptParams } from './password-hash.ts';
import { createSession } from './session-store.ts';
import type { AttemptCounter } from './sign-in-limits.ts';

export type SignInOutcome =
  | { kind: 'signed_in'; user: StaffUser; token: string }
  | { kind: 'invalid_credentials' }
  | { kind: 'account_disabled' }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

export type SignInOptions = {
  store: MutableDocStore;
  scrypt: ScryptParams;
  limits: { account: AttemptCounter; address: AttemptCounter };
  now: () => Date;
};

export type SignInAttempt = { username: string; password: string; address: string };

export function signInService(options: SignInOptions) {
  const { store, limits, now } = options;
  const dummy = dummyHash(options.scrypt);
  // Made now, so not even the first unknown username pays for it (and shows in the timing).
  dummy().catch((error: unknown) => console.error('Could not prepare the dummy hash:', error));

  return async function signIn(attempt: SignInAttempt): Promise<SignInOutcome> {
    const username = normaliseUsername(attempt.username);
    const startedAt = now().getTime();
    const waitMs = Math.max(
      limits.address.retryAfterMs(attempt.address, startedAt),
      limits.account.retryAfterMs(username, startedAt),
    );
    if (waitMs > 0) return { kind: 'rate_limited', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    limits.address.record(attempt.address, startedAt);
    limits.account.record(username, startedAt);

    const account = await findAccount(store, username);
    const matches = await verifyPassword(attempt.password, account?.password ?? (await dummy()));
    if (!account || !matches) return { kind: 'invalid_credentials' };
    // The password was right: this was not a guess, so it does not count against the account.
    limits.account.forgive(username, startedAt);
    if (account.disabled) return { kind: 'account_disabled' };

    const token = await createSession(store, account, now());
    return { kind: 'signed_in', user: toStaffUser(account), token };
  };
}
