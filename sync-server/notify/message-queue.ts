/**
 * The messages waiting to go, in the server-only database (never replicated to a device), so a
 * restart or another instance carries on where this one stopped: one document a message,
 * `notify:<request id>:<moment key>` (resident-messages.ts). The id is the message's identity:
 * queued with put-if-absent, which a deletion does not undo, so a moment is queued once however
 * many times, or on however many instances, the follower reads its request. A message sent is
 * removed (its tombstone keeps it from being queued again); one that failed for good stays, for
 * the admins' status (`GET /api/notify/status`). It holds no personal data: the number is read
 * from the contact when it is sent, so consent and STOP are judged then too.
 */
import type { Language } from '#domain/languages.ts';
import type { ResidentMessage } from '#domain/messages/resident-messages.ts';
import type { MutableDocStore, StoredDoc } from '../storage/storage.ts';

export type MessageDoc = StoredDoc & {
  _rev?: string;
  type: 'resident_message';
  request_id: string;
  message: ResidentMessage;
  language: Language;
  /** The moment the message is about (ISO): it is not sent once too late (`isTimely`). */
  about_at: string;
  state: 'queued' | 'failed';
  attempts: number;
  /** Not to be tried before this (ISO). */
  next_at: string;
  /** Claimed by an instance until this (ISO); empty when free. */
  lease_until: string;
  queued_at: string;
  /** Why it failed: Notify's status (null for no answer) and error class. */
  failure?: { status: number | null; error: string; at: string };
};

export const messagePrefix = 'notify:';
export const messageId = (requestId: string, key: string) => `${messagePrefix}${requestId}:${key}`;

export type Backoff = { baseMs: number; capMs: number; maxAttempts: number };

/** 10 s, 20 s, 40 s … at most 15 minutes apart; given up after 10 tries (about an hour). */
export const defaultBackoff: Backoff = { baseMs: 10_000, capMs: 15 * 60_000, maxAttempts: 10 };

export function retryDelayMs(attempts: number, backoff: Backoff, random = Math.random): number {
  const doubled = backoff.baseMs * 2 ** Math.max(0, attempts - 1);
  return Math.round(Math.min(backoff.capMs, doubled) * (0.75 + random() * 0.5));
}

/** Queues a message; `exists` when this moment was queued before (even if since sent). */
export function enqueue(
  store: MutableDocStore,
  message: {
    requestId: string;
    key: string;
    message: ResidentMessage;
    language: Language;
    at: string;
  },
  now: Date,
) {
  const doc: MessageDoc = {
    _id: messageId(message.requestId, message.key),
    type: 'resident_message',
    request_id: message.requestId,
    message: message.message,
    language: message.language,
    about_at: message.at,
    state: 'queued',
    attempts: 0,
    next_at: now.toISOString(),
    lease_until: '',
    queued_at: now.toISOString(),
  };
  return store.putIfAbsent(doc);
}

async function messages(store: MutableDocStore): Promise<MessageDoc[]> {
  const docs: MessageDoc[] = [];
  for (const id of await store.idsWithPrefix(messagePrefix)) {
    const doc = await store.get<MessageDoc>(id);
    if (doc !== null) docs.push(doc);
  }
  return docs;
}

/** Queued, due and free, oldest first. */
export async function dueMessages(store: MutableDocStore, now: Date): Promise<MessageDoc[]> {
  const at = now.toISOString();
  return (await messages(store))
    .filter((m) => m.state === 'queued' && m.next_at <= at && m.lease_until <= at)
    .sort((a, b) => a.queued_at.localeCompare(b.queued_at));
}

export async function failedMessages(store: MutableDocStore): Promise<MessageDoc[]> {
  return (await messages(store)).filter((m) => m.state === 'failed');
}

export async function queuedCount(store: MutableDocStore): Promise<number> {
  return (await messages(store)).filter((m) => m.state === 'queued').length;
}

/** Claims a message for `leaseMs`; null when another instance got there first. */
export async function claim(store: MutableDocStore, doc: MessageDoc, now: Date, leaseMs: number) {
  if (doc._rev === undefined) return null;
  const lease_until = new Date(now.getTime() + leaseMs).toISOString();
  const outcome = await store.replace({ ...doc, lease_until, _rev: doc._rev });
  return outcome === 'replaced' ? await store.get<MessageDoc>(doc._id) : null;
}

/** Sent, or not to be sent after all (no consent now, STOP): it goes; its tombstone stays. */
export const done = (store: MutableDocStore, claimed: MessageDoc) => store.remove(claimed._id);

/** Failed for good: kept, for the admins to see. */
export async function fail(
  store: MutableDocStore,
  claimed: MessageDoc,
  failure: { status: number | null; error: string },
  now: Date,
) {
  if (claimed._rev === undefined) return;
  await store.replace({
    ...claimed,
    _rev: claimed._rev,
    state: 'failed',
    attempts: claimed.attempts + 1,
    lease_until: '',
    failure: { ...failure, at: now.toISOString() },
  });
}

/** Failed this time: tried again after the backoff, or failed for good after the last try. */
export async function retryLater(
  store: MutableDocStore,
  claimed: MessageDoc,
  failure: { status: number | null; error: string },
  now: Date,
  backoff: Backoff,
): Promise<'retry' | 'failed'> {
  const attempts = claimed.attempts + 1;
  if (attempts >= backoff.maxAttempts) {
    await fail(store, claimed, failure, now);
    return 'failed';
  }
  if (claimed._rev === undefined) return 'retry';
  const next_at = new Date(now.getTime() + retryDelayMs(attempts, backoff)).toISOString();
  await store.replace({
    ...claimed,
    _rev: claimed._rev,
    attempts,
    next_at,
    lease_until: '',
    failure: { ...failure, at: now.toISOString() },
  });
  return 'retry';
}
