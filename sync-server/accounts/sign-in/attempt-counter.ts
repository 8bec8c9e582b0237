/**
 * Attempts counted per key (a client address, an account, an account from one address): `limit`
 * attempts within `windowMs` lock the key for `lockMs`. An attempt is counted when it starts,
 * before the slow password check, so a burst of parallel guesses cannot all slip in before the
 * first one fails; a successful one can then be forgiven.
 *
 * Kept in this process's memory, like the submission limit: with several instances each counts on
 * its own, so an attacker spread across n instances gets up to n times the attempts.
 */
export type LimitRule = { limit: number; windowMs: number; lockMs: number };

type Entry = { attempts: number[]; lockedUntil: number };

/** Past this many keys the stalest are forgotten, so random usernames cannot fill memory. */
const maxKeys = 100_000;

export class AttemptCounter {
  readonly #rule: LimitRule;
  readonly #entries = new Map<string, Entry>();

  constructor(rule: LimitRule) {
    this.#rule = rule;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string, at: number): number {
    const entry = this.#entries.get(key);
    return entry && entry.lockedUntil > at ? entry.lockedUntil - at : 0;
  }

  /** The times of `key`'s attempts still within the window at `at`, oldest first. */
  recent(key: string, at: number): number[] {
    const attempts = this.#entries.get(key)?.attempts ?? [];
    return attempts.filter((t) => at - t < this.#rule.windowMs);
  }

  record(key: string, at: number): void {
    const entry = this.#entries.get(key) ?? { attempts: [], lockedUntil: 0 };
    entry.attempts = entry.attempts.filter((t) => at - t < this.#rule.windowMs);
    entry.attempts.push(at);
    if (entry.attempts.length >= this.#rule.limit) {
      entry.lockedUntil = Math.max(entry.lockedUntil, at + this.#rule.lockMs);
    }
    // Re-inserted so the Map stays in order of last attempt, stalest first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#forgetStale(at);
  }

  /**
   * Takes back the attempts recorded at `times`, and a lock one of them set, if what is left is
   * under the limit.
   */
  forgive(key: string, times: readonly number[]): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    for (const at of times) {
      const index = entry.attempts.indexOf(at);
      if (index >= 0) entry.attempts.splice(index, 1);
    }
    const isOwnLock = times.some((at) => entry.lockedUntil === at + this.#rule.lockMs);
    if (isOwnLock && entry.attempts.length < this.#rule.limit) entry.lockedUntil = 0;
  }

  /** Forgets `key` altogether: its attempts and any lock. */
  clear(key: string): void {
    this.#entries.delete(key);
  }

  #forgetStale(at: number) {
    for (const [key, entry] of this.#entries) {
      const isStale =
        entry.lockedUntil <= at && entry.attempts.every((t) => at - t >= this.#rule.windowMs);
      if (!isStale && this.#entries.size <= maxKeys) return;
      this.#entries.delete(key);
    }
  }
}
