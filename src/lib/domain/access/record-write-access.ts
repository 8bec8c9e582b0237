/**
 * Who may add to a request's record: its notes and the history events their edits leave
 * (append-only-docs.ts). The policy judges every note and event with it (write-access.ts), and the
 * request page shows the note form only where it allows, so the two never disagree.
 */
import { serverKeptEventFields, type EventDoc } from '../records/append-only-docs.ts';
import { hasBeenAssigned } from '../requests/assignments.ts';
import { allowed, forbidden, type WriteVerdict } from '../forbidden-reasons.ts';
import type { RequestDoc } from '../requests/request.ts';
import { coversArea, type StaffUser } from '../people/users.ts';

/**
 * Admins on any request; coordinators on the requests of their areas; a volunteer on a task they
 * hold or have ever held, so notes written offline are never refused because the task was
 * reassigned in the meantime. `request` is the one the note or event belongs to, when known.
 */
export function canAddToRecord(user: StaffUser, request: RequestDoc | undefined): WriteVerdict {
  if (user.role === 'admin') return allowed;
  if (request === undefined) return forbidden('missing_request');
  if (user.role === 'coordinator') {
    return coversArea(user, request.area) ? allowed : forbidden('outside_your_areas');
  }
  const worksOnIt = request.assignee === user.id || hasBeenAssigned(request.assignments, user.id);
  return worksOnIt ? allowed : forbidden('not_assigned_to_you');
}

/**
 * Whether `user` may decide a late claim on `request` (handover/late-claim.ts): a coordinator of
 * the area it was handed to, where it is now, or an admin. The request page offers the decision
 * by it, and the policy judges the `handover_kept` event by it, against the present request.
 */
export function mayDecideLateClaim(user: StaffUser, request: RequestDoc | undefined): boolean {
  if (user.disabled || request === undefined) return false;
  return user.role === 'admin' || (user.role === 'coordinator' && coversArea(user, request.area));
}

/** An event on `request`'s record: as any addition to it, and by its kind. */
export function canAddEvent(
  user: StaffUser,
  event: Pick<EventDoc, 'field'>,
  request: RequestDoc | undefined,
): WriteVerdict {
  if (serverKeptEventFields.includes(event.field)) return forbidden('server_only');
  const added = canAddToRecord(user, request);
  if (!added.ok || event.field !== 'handover_kept') return added;
  return mayDecideLateClaim(user, request) ? allowed : forbidden('role_cannot_write');
}
