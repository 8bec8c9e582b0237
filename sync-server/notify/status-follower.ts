/**
 * How the server learns that a resident is owed a message: it follows the replicated database's
 * changes feed, as a CHT sentinel does, from a checkpoint kept in the server-only database
 * (`notify-feed`), so every request a device, the web form or phone intake writes is read once
 * in order and a restart carries on from where it stopped. Writes never wait for it: it reads
 * what is already stored. For each request it judges the moment the request is at
 * (message-decision.ts) and queues the message (message-queue.ts), whose id makes it once only.
 *
 * A server that has never followed starts at the feed's present, so a key given to a server that
 * has been running for months never texts about the past. Without a key it still follows, queuing
 * nothing, for the same reason. A request seen before its contact (the web form stores the request
 * a moment before the contact) is queued, and the sender judges consent when it sends.
 */
import * as v from 'valibot';
import { docClassOf, requestContactId } from '#domain/documents/doc-ids.ts';
import { messageToSend } from '#domain/messages/message-decision.ts';
import { messageDue } from '#domain/messages/resident-messages.ts';
import { contactDocSchema, type ContactDoc } from '#domain/requests/contact.ts';
import { requestDocSchema, type RequestDoc } from '#domain/requests/request.ts';
import type { Storage } from '../storage/storage.ts';
import { enqueue } from './message-queue.ts';
import { hasOptedOut } from './opt-outs.ts';

type Seq = string | number;
type Checkpoint = { _id: string; _rev?: string; type: 'notify_feed'; since: Seq };

export const checkpointId = 'notify-feed';
const pageSize = 100;

/** The request's contact as stored, or null (not yet written, deleted, or not a contact). */
export async function contactOf(storage: Storage, requestId: string): Promise<ContactDoc | null> {
  const stored = await storage.replicated.get(requestContactId(requestId));
  const parsed = v.safeParse(contactDocSchema, stored);
  return parsed.success ? parsed.output : null;
}

export async function readRequest(storage: Storage, id: string): Promise<RequestDoc | null> {
  const parsed = v.safeParse(requestDocSchema, await storage.replicated.get(id));
  return parsed.success ? parsed.output : null;
}

export function statusFollower(options: {
  storage: Storage;
  /** Whether to queue: Notify is configured. */
  queues: boolean;
  now: () => Date;
}) {
  const { storage, now } = options;
  const store = storage.serverOnly;

  async function consider(body: unknown) {
    const parsed = v.safeParse(requestDocSchema, body);
    if (!parsed.success) return;
    const request = parsed.output;
    const contact = await contactOf(storage, request._id);
    const optedOut = contact !== null && (await hasOptedOut(store, contact.contact.phone));
    const decision = messageToSend(request, contact, optedOut, now());
    if (!decision.send && decision.why !== 'no_contact') return;
    const due = messageDue(request);
    if (due === null) return;
    await enqueue(
      store,
      {
        requestId: request._id,
        key: due.key,
        message: due.message,
        language: request.language,
        at: due.at,
      },
      now(),
    );
  }

  async function checkpoint(): Promise<Checkpoint> {
    const kept = await store.get<Checkpoint>(checkpointId);
    if (kept !== null) return kept;
    const start: Checkpoint = {
      _id: checkpointId,
      type: 'notify_feed',
      since: (await storage.replicatedDb.info()).update_seq,
    };
    await store.putUnlessLive(start);
    return (await store.get<Checkpoint>(checkpointId)) ?? start;
  }

  /** Reads the feed from the checkpoint to the present, queuing what is owed. */
  async function follow(): Promise<void> {
    let kept = await checkpoint();
    for (;;) {
      const page = await storage.replicatedDb.changes({
        since: kept.since,
        limit: pageSize,
        include_docs: true,
      });
      for (const change of page.results) {
        if (change.deleted || docClassOf(change.id) !== 'request') continue;
        if (options.queues) await consider(change.doc);
      }
      // Nothing new: the checkpoint is not written again, every poll, for ever.
      if (kept._rev === undefined || String(page.last_seq) === String(kept.since)) return;
      // Another instance moving the same checkpoint is harmless: queuing is once per moment.
      const next = { ...kept, _rev: kept._rev, since: page.last_seq };
      if ((await store.replace(next)) === 'conflict') return;
      kept = (await store.get<Checkpoint>(checkpointId)) ?? next;
      if (page.results.length < pageSize) return;
    }
  }

  return {
    follow,
    /** Sets where a follower that never followed starts: the feed's present. */
    start: async () => void (await checkpoint()),
  };
}
