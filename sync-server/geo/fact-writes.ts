/**
 * Writing the server's facts (#domain/places/geocoded.ts) as ordinary new revisions of the current
 * winner, outside `/db`'s judging. A device's write in between makes the put a conflict (409), and
 * the document is read again and the change made again on what is there now; a device's revision
 * made from before it arrives as a conflict branch, and the merge keeps the fact.
 */
import type { ReplicatedDb } from '../storage/storage.ts';

/** `done`, or why to try again later (never personal data: this reaches the log). */
export type PlaceOutcome = { done: true; unknown: boolean } | { done: false; why: string };

const hasStatus = (error: unknown, status: number) =>
  typeof error === 'object' && error !== null && (error as { status?: number }).status === status;

/** The winning revision, or null when there is none or it is deleted. */
export async function winner<T>(db: ReplicatedDb, id: string): Promise<T | null> {
  try {
    return (await db.get(id)) as unknown as T;
  } catch (error) {
    if (hasStatus(error, 404)) return null;
    throw error;
  }
}

/** A few tries against devices writing the same document at the same moment. */
const conflictTries = 5;

/** Puts `change(current)` on the current winner, reading again after a conflict; null changes nothing. */
export async function update<T extends { _id: string }>(
  db: ReplicatedDb,
  id: string,
  change: (current: T) => T | null,
): Promise<void> {
  for (let i = 0; i < conflictTries; i++) {
    const current = await winner<T>(db, id);
    const next = current === null ? null : change(current);
    if (next === null) return;
    try {
      await db.put(next as unknown as PouchDB.Core.PutDocument<object>);
      return;
    } catch (error) {
      if (!hasStatus(error, 409)) throw error;
    }
  }
  throw new Error(`${id}: still conflicting after ${conflictTries} tries`);
}
