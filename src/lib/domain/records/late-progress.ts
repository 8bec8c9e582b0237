/**
 * A volunteer who moved a task on while offline (started it, finished it) and lost it meanwhile
 * (handed to someone else, taken back into triage) has their write refused: it is judged against
 * the present, where the task is no longer theirs. But what they did happened, and the coordinator
 * needs to know ("Vera says she delivered it at 14:05"). So the refusal keeps it as an event on the
 * request's history: readable by coordinators, and by the volunteer only while the task is theirs
 * (read-access.ts), so it gives them no access back. The same holds for a status change refused on
 * a task still theirs (a coordinator cancelled it meanwhile): what they report is never dropped.
 */
import { requestStatuses, type RequestStatus } from '../requests/status.ts';
import type { EventDoc } from './append-only-docs.ts';
import { hasBeenAssigned } from '../requests/assignments.ts';
import { isProgress } from '../requests/lifecycle.ts';
import type { RequestDoc } from '../requests/request.ts';
import { eventOn } from './history.ts';
import { sameStamp } from '../documents/stamps.ts';
import type { StaffUser } from '../people/users.ts';

/**
 * One event per volunteer, request and status reported, however often the write is tried: the
 * volunteer's own id with its first group replaced by a mark and the status, so neither a retried
 * push nor a writer making up revisions can fill a request's history.
 */
function lateEventUuid(userId: string, status: RequestStatus): string {
  const mark = `1a7e${requestStatuses.indexOf(status).toString(16).padStart(4, '0')}`;
  return `${mark}${userId.slice(8)}`;
}

/**
 * The event to keep when `user`'s refused revision `attempted` of a request carries a status
 * change of their own that the present revision does not have; null otherwise. It is dated when
 * the server received it (`receivedAt`), not when the volunteer pressed the button: the report is
 * news to the coordinator from then on, whatever they did before it arrived (attention.ts).
 */
export function lateProgress(
  user: StaffUser,
  present: RequestDoc,
  attempted: RequestDoc,
  receivedAt: string,
): EventDoc | null {
  if (user.role !== 'volunteer') return null;
  const stamp = attempted.fields_meta.status;
  if (stamp.by !== user.id || sameStamp(stamp, present.fields_meta.status)) return null;
  // Progress only (started, finished): a bare claim or a hand-back reports no work done.
  if (attempted.status === present.status || !isProgress(attempted.status)) return null;
  // Only someone who held the task, or says they claimed it, has progress to report.
  const held = hasBeenAssigned(present.assignments, user.id);
  if (!held && !hasBeenAssigned(attempted.assignments, user.id)) return null;
  return eventOn(present._id, lateEventUuid(user.id, attempted.status), {
    author: user.id,
    field: 'late_status',
    from: present.status,
    to: attempted.status,
    at: receivedAt,
  });
}
