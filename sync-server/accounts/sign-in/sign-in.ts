/**
 * Checking a username and password. Every way of failing looks and takes the same: an unknown
 * username is checked against a dummy hash, and a disabled account is only reported to someone
 * who knows its password.
 */
import { normaliseUsername } from '#domain/people/account-rules.ts';
import type { MutableDocStore } from '../../storage/storage.ts';
import { toSignedInUser, type SignedInUser } from '../account.ts';
import { findAccount } from '../account-store.ts';
import { dummyHash, verifyPassword, type ScryptParams } from '../password-hash.ts';
import { createSession } from '../sessions/session-store.ts';
import type { SignInLimits } from './sign-in-limits.ts';

export type SignInOutcome =
  | { kind: 'signed_in'; user: SignedInUser; token: string }
  | { kind: 'invalid_credentials' }
  | { kind: 'account_disabled' }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

export type SignInOptions = {
  store: MutableDocStore;
  scrypt: ScryptParams;
  limits: SignInLimits;
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
    const key = { username, address: attempt.address };
    const startedAt = now().getTime();
    const waitMs = limits.retryAfterMs(key, startedAt);
    if (waitMs > 0) return { kind: 'rate_limited', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    limits.started(key, startedAt);

    const account = await findAccount(store, username);
    const matches = await verifyPassword(attempt.password, account?.password ?? (await dummy()));
    if (!account || !matches) return { kind: 'invalid_credentials' };
    // The password was right: this was not a guess, nor were this address's failures before it.
    limits.succeeded(key, startedAt);
    if (account.disabled) return { kind: 'account_disabled' };

    const token = await createSession(store, account, now());
    return { kind: 'signed_in', user: toSignedInUser(account), token };
  };
}
