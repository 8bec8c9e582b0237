/**
 * What the replicator does after a run ends (docs/architecture.md, "Storage and sync": live, with
 * retry and backoff; "Decisions": a 413 is answered by halving the batch): on failure it backs off
 * with full jitter (`backoffDelay`); on HTTP 413 it halves the batch and tries again at once;
 * cancelled without error (back online) it starts again at once; on 401/403 it stops for good. Coming back online wakes a wait early and starts the backoff afresh.
 * PouchDB's own `retry` is off: its backoff knows nothing of 413.
 */
import { backoffDelay } from '$lib/network/backoff.ts';
import { endReasonOf, type EndReason } from '../eviction/eviction-plan.ts';
import { errorStatus } from '../status/sync-snapshot.ts';

export type RetryStep =
  /** Signed out elsewhere, timed out or disabled: retrying cannot help, and must not go on. */
  { ended: EndReason } | { ended: null; batchSize: number; delay: number };

/** The message a snapshot shows for a failure. */
export const describeError = (error: unknown): string =>
  String((error as Error | undefined)?.message ?? error);

export class Retry {
  readonly #random: () => number;
  #failures = 0;
  #wake = () => {};

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** The next step after a run that ended with `error` (undefined: completed or cancelled). */
  after(error: unknown, batchSize: number): RetryStep {
    const status = errorStatus(error);
    const ended = endReasonOf(status);
    if (ended !== null) return { ended };
    if (status === 413 && batchSize > 1)
      return { ended: null, batchSize: Math.max(1, Math.floor(batchSize / 2)), delay: 0 };
    if (!error) return { ended: null, batchSize, delay: 0 };
    this.#failures += 1;
    return { ended: null, batchSize, delay: backoffDelay(this.#failures, this.#random) };
  }

  /** Waits `ms`, or less if woken (`wake`). */
  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#failures = 0;
        resolve();
      };
    });
  }

  /** Ends the wait now, if one is under way, and forgets the failures so far. */
  wake(): void {
    this.#wake();
  }
}
