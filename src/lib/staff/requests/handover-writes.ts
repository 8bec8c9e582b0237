/**
 * Writing a hand-over, or a decision on a late claim, to the device's PouchDB, which replication
 * carries to the server (docs/architecture.md, "Storage and sync"), so it works offline and is
 * counted until uploaded. As `editRequest` does (request-writes.ts): read, apply the domain's
 * function, write on the revision read, and on a 409 read again and reapply, then the history
 * events of any change of assignee or status.
 *
 * The hand-over's own event, with its reason, is written before the request: the server stores a
 * move of area only with that event already stored or in the same batch (handover-reason.ts), and
 * the live sync may push the request alone the moment it is stored. A retry after a 409 keeps the
 * event written if it still gives the reason for the move reapplied; only if the move itself
 * changed meanwhile (someone else's hand-over arrived in between) is a second event written.
 */
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import type { HandedOver, HandoverProblem } from '#domain/handover/hand-over.ts';
import { givesReasonFor } from '#domain/handover/handover-reason.ts';
import { historyOf } from '#domain/records/history.ts';
import type { RequestDoc } from '#domain/requests/request.ts';

const attempts = 5;

const isConflict = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 409;

export type HandoverOutcome =
  { ok: true; request: RequestDoc } | { ok: false; problem: HandoverProblem | 'missing' };

/** `make` is `handOver` or `giveBack` with the user's choices, on the request as it is now. */
export async function saveHandover(
  db: PouchDB.Database,
  requestId: string,
  make: (
    before: RequestDoc,
    now: string,
  ) => { ok: true; handed: HandedOver } | { ok: false; problem: HandoverProblem },
  by: string,
  newUuid: () => string = () => crypto.randomUUID(),
): Promise<HandoverOutcome> {
  let written: EventDoc | null = null;
  for (let attempt = 1; ; attempt++) {
    const before = await db.get<RequestDoc>(requestId).catch(() => null);
    if (before === null) return { ok: false, problem: 'missing' };
    const made = make(before, new Date().toISOString());
    if (!made.ok) return made;
    const { request, event } = made.handed;
    if (written === null || !givesReasonFor(written, before, request)) {
      await db.put(event);
      written = event;
    }
    try {
      await db.put(request);
    } catch (e) {
      if (isConflict(e) && attempt < attempts) continue;
      throw e;
    }
    await db.bulkDocs(historyOf(before, request, by, newUuid));
    return { ok: true, request };
  }
}

/** An event is a new document with a fresh id: it never conflicts. */
export async function saveDecision(db: PouchDB.Database, event: EventDoc): Promise<void> {
  await db.put(event);
}
