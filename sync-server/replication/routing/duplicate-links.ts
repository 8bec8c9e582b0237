/**
 * Which requests are closed as duplicates of which, as the database stores them now: what the
 * write judge asks before a request becomes a duplicate itself (duplicates/mark-duplicate.ts), a
 * question no one document answers, since a link is written on the duplicate, not on the request
 * kept. Read from the routing index's own feed (routing-index.ts), request ids only.
 */
import type { Body } from './index-entry.ts';
import { isLive } from './stored-bodies.ts';

/** The request a stored winner is a live duplicate of, or null. */
export function keptOf(doc: Body | undefined, deleted: boolean): string | null {
  if (deleted || !isLive(doc) || doc?.type !== 'request') return null;
  const link = (doc as { duplicate_of?: unknown }).duplicate_of;
  return typeof link === 'string' ? link : null;
}

export class DuplicateLinks {
  /** Each duplicate's request kept. */
  readonly #keptOf = new Map<string, string>();
  /** Each request kept's duplicates. */
  readonly #duplicates = new Map<string, Set<string>>();

  /** `id` is now a duplicate of `kept`, or (null) of none. */
  set(id: string, kept: string | null): void {
    const old = this.#keptOf.get(id);
    if (old === kept) return;
    if (old !== undefined) {
      const others = this.#duplicates.get(old);
      others?.delete(id);
      if (others?.size === 0) this.#duplicates.delete(old);
      this.#keptOf.delete(id);
    }
    if (kept === null) return;
    this.#keptOf.set(id, kept);
    let others = this.#duplicates.get(kept);
    if (others === undefined) this.#duplicates.set(kept, (others = new Set()));
    others.add(id);
  }

  /** The requests now closed as duplicates of `kept`. */
  of(kept: string): string[] {
    return [...(this.#duplicates.get(kept) ?? [])];
  }

  clear(): void {
    this.#keptOf.clear();
    this.#duplicates.clear();
  }
}
