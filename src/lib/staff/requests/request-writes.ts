/**
 * Writing a staff member's work to the device's PouchDB, which replication carries to the server
 * when there is a signal (docs/architecture.md, "Storage and sync"). An edit reads the request, applies one
 * domain edit and writes it on the revision it read; if the replica changed in between (HTTP 409,
 * a pull landing), it reads again and reapplies the edit, so nothing is written over unseen. The
 * history events go after the request they describe.
 */
import type { NoteDoc } from '#domain/records/append-only-docs.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { applyAction, isAllowed, type WorkAction } from '#domain/actions/request-actions.ts';
import { historyOf } from '#domain/records/history.ts';
import type { StaffUser } from '#domain/people/users.ts';

const attempts = 5;

const isConflict = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 409;

export type EditOutcome = 'saved' | 'not-allowed' | 'missing';

export async function editRequest(
  db: PouchDB.Database,
  requestId: string,
  action: WorkAction,
  user: StaffUser,
  newUuid: () => string = () => crypto.randomUUID(),
): Promise<EditOutcome> {
  for (let attempt = 1; ; attempt++) {
    const before = await db.get<RequestDoc>(requestId).catch(() => null);
    if (before === null) return 'missing';
    const now = new Date().toISOString();
    // Judged again on what the replica holds now: a pull may have changed what is allowed.
    if (!isAllowed(user, before, action, now)) return 'not-allowed';
    const after = applyAction(before, action, user.id, now);
    try {
      await db.put(after);
    } catch (e) {
      if (isConflict(e) && attempt < attempts) continue;
      throw e;
    }
    const events = historyOf(before, after, user.id, newUuid);
    if (events.length > 0) await db.bulkDocs(events);
    return 'saved';
  }
}

/** Notes are new documents with fresh ids: they never conflict. */
export async function saveNote(db: PouchDB.Database, note: NoteDoc): Promise<void> {
  await db.put(note);
}
