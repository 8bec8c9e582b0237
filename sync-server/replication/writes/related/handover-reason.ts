/**
 * A write that moves a request to another area is stored only with the event giving its reason
 * (handover/handover-reason.ts): one already stored, or one in the same batch, whichever order
 * the device sent them in. A batch's event is judged after its request (bulk-docs.ts), so the
 * request names the event it stands on and is refused after all if that event is.
 */
import { eventDocSchema, type EventDoc } from '#domain/records/append-only-docs.ts';
import { docClassOf, eventDocId } from '#domain/documents/doc-ids.ts';
import { givesReasonFor, movesArea } from '#domain/handover/handover-reason.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import * as v from 'valibot';
import type { ReplicatedDb } from '../../../storage/storage.ts';

/** The events a batch carries that pass their schema: the reasons it may bring for a move. */
export function eventsIn(docs: readonly unknown[]): EventDoc[] {
  return docs.flatMap((doc) => {
    const id = (doc as { _id?: unknown } | null)?._id;
    if (typeof id !== 'string' || docClassOf(id) !== 'event') return [];
    const parsed = v.safeParse(eventDocSchema, doc);
    return parsed.success ? [parsed.output] : [];
  });
}

async function storedEvents(db: ReplicatedDb, requestId: string): Promise<EventDoc[]> {
  const prefix = eventDocId(requestId, '');
  const rows = await db.allDocs({
    startkey: prefix,
    endkey: `${prefix}\uffff`,
    include_docs: true,
  });
  return rows.rows.flatMap((row) =>
    row.doc === undefined ? [] : [row.doc as unknown as EventDoc],
  );
}

export type ReasonFound = { ok: true; inBatch: string | null } | { ok: false };

/**
 * Whether `after` may move the request from where it is now (`before`): it does not move it, or
 * an event gives the reason, stored (`inBatch` null) or in `batchEvents` (its id).
 */
export async function handoverReason(
  db: ReplicatedDb,
  batchEvents: readonly EventDoc[],
  before: RequestDoc | null,
  after: RequestDoc,
): Promise<ReasonFound> {
  if (!movesArea(before, after)) return { ok: true, inBatch: null };
  const stored = await storedEvents(db, after._id);
  if (stored.some((e) => givesReasonFor(e, before, after))) return { ok: true, inBatch: null };
  const sent = batchEvents.find((e) => givesReasonFor(e, before, after));
  return sent === undefined ? { ok: false } : { ok: true, inBatch: sent._id };
}
