/**
 * `GET /db`'s `doc_count` for one user: how many live documents they may read now, judged on the
 * routing index as every other read is (read-filter.ts). It is exactly what a device's first sync
 * brings (the filtered `_all_docs`, winners only), so the device can show "120 of 2,000" rather
 * than a count with no end; and it is a count of the user's own view, never the database's, so it
 * says nothing of documents they may not read. Deletions are not counted, as in CouchDB's own.
 *
 * PouchDB asks for the info after every batch it replicates (its progress), so a count is kept per
 * view and reused while the index has not moved and the minute has not turned (retention, which
 * can take a document out of a view, is judged by the clock).
 */
import type { ReadFilter } from './read-filter.ts';

type Counted = { pos: number; minute: number; count: number };

/** Views whose count is kept; the least recently counted goes first. */
const maxKept = 1000;

export class ReadableCounts {
  readonly #kept = new Map<string, Counted>();

  /** The count for `filter`'s user, whose view is `key` (view-seq.ts `viewKey`), at `now`. */
  async count(filter: ReadFilter, key: string, now: Date): Promise<number> {
    const pos = await filter.current();
    const minute = Math.floor(now.getTime() / 60_000);
    const kept = this.#kept.get(key);
    if (kept && kept.pos === pos && kept.minute === minute) return kept.count;
    let count = 0;
    for (const entry of filter.index.entries()) if (!entry.deleted && filter.canSee(entry)) count++;
    this.#kept.delete(key);
    this.#kept.set(key, { pos, minute, count });
    if (this.#kept.size > maxKept) {
      const oldest = this.#kept.keys().next();
      if (!oldest.done) this.#kept.delete(oldest.value);
    }
    return count;
  }
}
