/**
 * Exponential backoff with full jitter (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * after the n-th failure wait a random time up to base·2ⁿ, capped. Phones that lost signal together
 * do not all retry in the same second when it returns.
 */
export type BackoffOptions = { baseMs: number; capMs: number };

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 };

export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  { baseMs, capMs }: BackoffOptions = defaultBackoff,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures, 30));
  // Never retry sooner than a second: a tight loop helps no one on a bad line.
  return Math.max(1_000, Math.round(random() * ceiling));
}
