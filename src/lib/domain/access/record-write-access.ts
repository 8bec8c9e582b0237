/**
 * Who may add to a request's record: its notes and the history events their edits leave
 * (append-only-docs.ts). The policy judges every note and event with it (write-access.ts), and the
 * request page shows the note form only where it allows, so the two never disagree.
 */
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
