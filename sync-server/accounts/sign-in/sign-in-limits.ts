/**
 * Who may try to sign in now. Three counts, each against a different attacker, and none of them
 * refuses the right password from an address that has not failed on the account: a stranger who
 * knows a coordinator's username must not be able to keep them out during an incident.
 *
 * - Per address (20 attempts in 15 minutes, failed or not): one machine can neither try many
 *   accounts nor hold many back.
 * - Per account and address (5 failures in 15 minutes): that address may not try that account
 *   again for 15 minutes. Only the guesser is locked out, never the owner somewhere else.
 * - Per account (5 failures in 15 minutes, from anywhere): the account is under attack for 15
 *   minutes, and an address that has failed on it waits before each next try: 5 minutes after one
 *   failure, doubling with each, at most 15. An attacker with many addresses gets one try from each
 *   fresh address and then about one every 10 minutes, against a password that must take 10^8
 *   guesses (#domain/people/account-rules.ts); the owner who mistyped waits minutes, not a quarter
 *   of an hour, and an address that has not failed is never held up.
 *
 * A success proves the address holds the password: its failures on the account were the owner's
 * typos, so they are forgotten, on the account as well. Every attempt counts as a failure from the
 * moment it starts (attempt-counter.ts), so a burst of parallel guesses is counted too.
 */
import { AttemptCounter, type LimitRule } from './attempt-counter.ts';

export type ThrottleRule = LimitRule & {
  /** While the account is under attack: the wait after an address's first failure on it. */
  firstDelayMs: number;
  /** The longest wait, however many failures. */
  maxDelayMs: number;
};

export type SignInLimitRules = {
  /** Sign-in attempts, failed or not, per client address. */
  address: LimitRule;
  /** Failed sign-ins on one account from one address. */
  accountAddress: LimitRule;
  /** Failed sign-ins on one account from every address: past the limit, it is under attack. */
  account: ThrottleRule;
};

export type SignInKey = { username: string; address: string };

// JSON, so no username or address can be written to look like another pair.
const pairOf = (key: SignInKey) => JSON.stringify([key.username, key.address]);

export class SignInLimits {
  readonly #address: AttemptCounter;
  readonly #accountAddress: AttemptCounter;
  readonly #account: AttemptCounter;
  readonly #throttle: ThrottleRule;

  constructor(rules: SignInLimitRules) {
    this.#address = new AttemptCounter(rules.address);
    this.#accountAddress = new AttemptCounter(rules.accountAddress);
    this.#account = new AttemptCounter(rules.account);
    this.#throttle = rules.account;
  }

  /** Milliseconds until this address may try this account; 0 when it may now. */
  retryAfterMs(key: SignInKey, at: number): number {
    const pair = pairOf(key);
    return Math.max(
      this.#address.retryAfterMs(key.address, at),
      this.#accountAddress.retryAfterMs(pair, at),
      this.#underAttackWaitMs(key.username, pair, at),
    );
  }

  #underAttackWaitMs(username: string, pair: string, at: number): number {
    if (this.#account.retryAfterMs(username, at) === 0) return 0;
    const failures = this.#accountAddress.recent(pair, at);
    const last = failures.at(-1);
    if (last === undefined) return 0;
    const { firstDelayMs, maxDelayMs } = this.#throttle;
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** (failures.length - 1));
    return Math.max(0, last + delay - at);
  }

  /** An attempt starting at `at`: a failure, unless `succeeded` says otherwise. */
  started(key: SignInKey, at: number): void {
    this.#address.record(key.address, at);
    this.#accountAddress.record(pairOf(key), at);
    this.#account.record(key.username, at);
  }

  /** The attempt that started at `at` had the right password. */
  succeeded(key: SignInKey, at: number): void {
    const pair = pairOf(key);
    const typos = this.#accountAddress.recent(pair, at);
    this.#account.forgive(key.username, typos.includes(at) ? typos : [...typos, at]);
    this.#accountAddress.clear(pair);
  }
}
