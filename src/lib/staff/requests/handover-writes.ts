/**
 * Writing a hand-over, or a decision on a late claim, to the device's PouchDB, which replication
 * carries to the server (docs/architecture.md, "Storage and sync"), so it works offline and is
 * counted until uploaded. As `editRequest` does (request-writes.ts): read, apply the domain's
 * function, write on the revision read, and on a 409 read again and reapply, then the history
 * events (the hand-over's own, with its reason, and those of any change of assignee or status).
 */
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import type { HandedOver, HandoverProblem } from '#domain/handover/hand-over.ts';
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
  for (let attempt = 1; ; attempt++) {
    const before = await db.get<RequestDoc>(requestId).catch(() => null);
    if (before === null) return { ok: false, problem: 'missing' };
    const made = make(before, new Date().toISOString());
    if (!made.ok) return made;
    const { request, event } = made.handed;
    try {
      await db.put(request);
    } catch (e) {
      if (isConflict(e) && attempt < attempts) continue;
      throw e;
    }
    await db.bulkDocs([event, ...historyOf(before, request, by, newUuid)]);
    return { ok: true, request };
  }
}

/** An event is a new document with a fresh id: it never conflicts. */
export async function saveDecision(db: PouchDB.Database, event: EventDoc): Promise<void> {
  await db.put(event);
}
