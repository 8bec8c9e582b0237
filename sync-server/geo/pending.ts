/**
 * Documents waiting for their points, as markers in the server-only database
 * (`geocode:<document id>`, a request's or a volunteer's profile's): intake writes one as it
 * stores the request, sign-up as it stores a profile with a base, `/db` when a device writes a
 * request, contact or profile whose point is missing or stale (place-needed.ts), so nothing waits
 * on a geocoder and a restart forgets nothing. Any instance may work a marker: it claims it for a while
 * (`lease_until`, written with the marker's revision, so of two instances one wins), and a marker
 * that fails is tried again later with backoff, a bounded number of times.
 */
import type { MutableDocStore, StoredDoc } from '../storage/storage.ts';

export type PendingDoc = StoredDoc & {
  _rev?: string;
  type: 'geocode_pending';
  attempts: number;
  /** Not to be tried before this (ISO). */
  next_at: string;
  /** Claimed by an instance until this (ISO); empty when free. */
  lease_until: string;
  /** Tried `maxAttempts` times: left alone until the server restarts or the document changes. */
  gave_up: boolean;
};

export const pendingPrefix = 'geocode:';
export const pendingId = (docId: string) => `${pendingPrefix}${docId}`;
/** The document a marker is for: its id says it, so no field can disagree with it. */
export const placedIdOf = (marker: PendingDoc) => marker._id.slice(pendingPrefix.length);

export type Backoff = { baseMs: number; capMs: number; maxAttempts: number };

/** 5 s, 10 s, 20 s … at most 30 minutes apart; given up after 12 tries (about 2½ hours). */
export const defaultBackoff: Backoff = { baseMs: 5_000, capMs: 30 * 60_000, maxAttempts: 12 };

/** How long after the `attempts`-th failure to try again: doubling, capped, with jitter. */
export function retryDelayMs(attempts: number, backoff: Backoff, random = Math.random): number {
  const doubled = backoff.baseMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(backoff.capMs, doubled);
  return Math.round(capped * (0.75 + random() * 0.5));
}

const fresh = (docId: string, now: Date): PendingDoc => ({
  _id: pendingId(docId),
  type: 'geocode_pending',
  attempts: 0,
  next_at: now.toISOString(),
  lease_until: '',
  gave_up: false,
});

/**
 * Marks a document as needing its points. A marker already there is woken if given up, and touched
 * if an instance is working it now, so that instance does not take it away when done (`finish`):
 * what it read may be older than the change that marked it again.
 */
export async function markPending(store: MutableDocStore, docId: string, now: Date) {
  // Over the tombstone of a marker worked before: its document has changed since.
  if ((await store.putUnlessLive(fresh(docId, now))) === 'created') return;
  const existing = await store.get<PendingDoc>(pendingId(docId));
  if (existing?._rev === undefined) return;
  if (existing.gave_up) {
    await store.replace({ ...fresh(docId, now), _rev: existing._rev });
  } else if (existing.lease_until > now.toISOString()) {
    await store.replace({ ...existing, attempts: 0, next_at: now.toISOString() } as PendingDoc & {
      _rev: string;
    });
  }
}

/** The markers due now and free, oldest id first. */
export async function duePending(store: MutableDocStore, now: Date): Promise<PendingDoc[]> {
  const due: PendingDoc[] = [];
  const at = now.toISOString();
  for (const id of await store.idsWithPrefix(pendingPrefix)) {
    const doc = await store.get<PendingDoc>(id);
    if (doc && !doc.gave_up && doc.next_at <= at && doc.lease_until <= at) due.push(doc);
  }
  return due;
}

/** Claims a marker for `leaseMs`; null when another instance got there first. */
export async function claim(store: MutableDocStore, doc: PendingDoc, now: Date, leaseMs: number) {
  if (doc._rev === undefined) return null;
  const claimed = { ...doc, lease_until: new Date(now.getTime() + leaseMs).toISOString() };
  const outcome = await store.replace({ ...claimed, _rev: doc._rev });
  return outcome === 'replaced' ? await store.get<PendingDoc>(doc._id) : null;
}

/** Done: the marker goes, unless the document was marked again meanwhile (its revision moved). */
export async function finish(store: MutableDocStore, claimed: PendingDoc) {
  const now = await store.get<PendingDoc>(claimed._id);
  if (now?._rev === claimed._rev) await store.remove(claimed._id);
}

/** Failed this time: tried again after the backoff, or given up after the last attempt. */
export async function retryLater(
  store: MutableDocStore,
  claimed: PendingDoc,
  now: Date,
  backoff: Backoff,
): Promise<PendingDoc> {
  const attempts = claimed.attempts + 1;
  const gave_up = attempts >= backoff.maxAttempts;
  const next = new Date(now.getTime() + retryDelayMs(attempts, backoff));
  const doc = { ...claimed, attempts, gave_up, next_at: next.toISOString(), lease_until: '' };
  if (claimed._rev !== undefined) await store.replace({ ...doc, _rev: claimed._rev });
  return doc;
}

/** After a restart, what was given up gets another round. */
export async function wakeGivenUp(store: MutableDocStore, now: Date) {
  for (const id of await store.idsWithPrefix(pendingPrefix)) {
    const doc = await store.get<PendingDoc>(id);
    if (doc?.gave_up && doc._rev) {
      await store.replace({ ...fresh(placedIdOf(doc), now), _rev: doc._rev });
    }
  }
}
