/**
 * Settings for sign-in and sessions. Timeouts come from the environment, checked when the app is
 * built (at start-up) so a typo fails loudly:
 * - `SESSION_IDLE_MINUTES` (default 720, 12 h): a session unused this long ends;
 * - `SESSION_MAX_DAYS` (default 30): no session lives longer, used or not.
 * The password cost and the attempt limits are fixed in production; tests may lower the cost.
 */
import { integer } from '../../env/integer-setting.ts';
import { productionScrypt, type ScryptParams } from '../password-hash.ts';
import type { LimitRule } from './attempt-counter.ts';
import type { SignInLimitRules, ThrottleRule } from './sign-in-limits.ts';

export type AccountsSettings = {
  sessionIdleMinutes: number;
  sessionMaxDays: number;
  /** Cost of new password hashes and of the unknown-user check. Lower only in tests. */
  scrypt: ScryptParams;
  /** Per address, per account from one address, per account: see sign-in-limits.ts. */
  signInLimits: SignInLimitRules;
};

const minutes = (n: number) => n * 60_000;

const defaultAddressLimit: LimitRule = { limit: 20, windowMs: minutes(15), lockMs: minutes(15) };
const defaultAccountAddressLimit: LimitRule = {
  limit: 5,
  windowMs: minutes(15),
  lockMs: minutes(15),
};
const defaultAccountThrottle: ThrottleRule = {
  limit: 5,
  windowMs: minutes(15),
  lockMs: minutes(15),
  firstDelayMs: minutes(5),
  maxDelayMs: minutes(15),
};

export const defaultSignInLimits: SignInLimitRules = {
  address: defaultAddressLimit,
  accountAddress: defaultAccountAddressLimit,
  account: defaultAccountThrottle,
};

export function readAccountsSettings(env: NodeJS.ProcessEnv): AccountsSettings {
  return {
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 12 * 60, 1, 60 * 24 * 365),
    // Browsers cap a cookie's Max-Age at 400 days (RFC 6265bis); a year is plenty.
    sessionMaxDays: integer(env, 'SESSION_MAX_DAYS', 30, 1, 365),
    scrypt: productionScrypt,
    signInLimits: defaultSignInLimits,
  };
}
