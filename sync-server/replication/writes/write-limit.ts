/**
 * How many documents one account may write through `_bulk_docs` in a minute, so that one account
 * (a volunteer's sign-up is public) cannot keep the server judging writes for everyone else. A
 * device after a long day offline sends tens or hundreds; the default allows thousands. Counted in
 * memory per instance, over a sliding minute.
 */
const windowMs = 60_000;

export type WriteAllowance = { ok: true } | { ok: false; retryAfterS: number };

export class WriteLimit {
  #perMinute: number;
  #now: () => number;
  #spent = new Map<string, { at: number; count: number }[]>();

  constructor(perMinute: number, now: () => number = Date.now) {
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** Spends `count` documents of `userId`'s minute, or says when there will be room again. */
  take(userId: string, count: number): WriteAllowance {
    const now = this.#now();
    const recent = (this.#spent.get(userId) ?? []).filter((s) => now - s.at < windowMs);
    const used = recent.reduce((sum, s) => sum + s.count, 0);
    if (used + count > this.#perMinute) {
      this.#spent.set(userId, recent);
      const oldest = recent[0]?.at ?? now;
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    recent.push({ at: now, count });
    this.#spent.set(userId, recent);
    return { ok: true };
  }
}
