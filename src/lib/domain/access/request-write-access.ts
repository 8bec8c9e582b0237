/**
 * Who may change a request and how, judged on the whole new revision against the one it replaces
 * (for a replicated revision, the nearest ancestor the server holds). The rules are summarised in
 * access.ts.
 */
import { isOpen, lifecycleProblem, volunteerStepProblem } from '../requests/lifecycle.ts';
import { allowed, forbidden, type WriteVerdict } from '../forbidden-reasons.ts';
import type { RequestDoc } from '../requests/request.ts';
import { coversArea, type StaffUser } from '../people/users.ts';
import {
  addedAssignments,
  changedFields,
  changedRegisters,
  sameJson,
  stampProblem,
  statusRegisterValue,
} from '../replication/write-integrity.ts';

const volunteerWritable = new Set([
  'status',
  'outcome',
  'decline_reason',
  'assignee',
  'fields_meta',
  'assignments',
  'updated_at',
]);
const neverWritable = ['type', 'reference', 'created_at'];

function integrity(user: StaffUser, before: RequestDoc | null, after: RequestDoc) {
  const stamps = stampProblem(user, before, after);
  if (stamps !== null) return stamps;
  return addedAssignments(user, before?.assignments ?? [], after.assignments);
}

/** Admins and coordinators: any change within their areas that keeps the lifecycle whole. */
export function canStaffWriteRequest(
  user: StaffUser,
  before: RequestDoc | null,
  after: RequestDoc,
): WriteVerdict {
  if (user.role === 'coordinator') {
    // Judged on where the request is, not where this write would put it.
    const from = before === null ? after.area : before.area;
    if (!coversArea(user, from)) return forbidden('outside_your_areas');
    // Handing a request over takes a coordinator of both areas (handover/hand-over.ts): one who
    // covers only the present area cannot send work where they cannot follow it, nor one who
    // covers only the target take it; leaving it unrouted is never allowed.
    if (!coversArea(user, after.area)) return forbidden('outside_your_areas');
  }
  if (before !== null && changedFields(before, after).some((f) => neverWritable.includes(f))) {
    return forbidden('read_only_field');
  }
  const added = integrity(user, before, after);
  if (typeof added === 'string') return forbidden(added);
  // Staff create requests only by taking a call: the consent was asked aloud (phone-intake.ts).
  if (before === null && after.consent.how !== 'phone') return forbidden('not_phone_intake');
  const movesLifecycle =
    before === null || before.status !== after.status || before.assignee !== after.assignee;
  if (movesLifecycle && lifecycleProblem(after) !== null) return forbidden('invalid_transition');
  return allowed;
}

/**
 * Volunteers: claim an open task in their areas, accept one given them, move their own on and
 * finish it with an outcome, or hand it back with a reason (requests/lifecycle.ts).
 */
export function canVolunteerWriteRequest(
  user: StaffUser,
  before: RequestDoc,
  after: RequestDoc,
): WriteVerdict {
  const mine = before.assignee === user.id;
  const claimable = before.assignee === null && isOpen(before.status);
  if (!mine && !claimable) {
    const takingOver = before.assignee !== null && before.assignee !== after.assignee;
    return forbidden(takingOver ? 'already_assigned' : 'not_assigned_to_you');
  }
  if (claimable && !coversArea(user, before.area)) return forbidden('outside_your_areas');
  if (changedFields(before, after).some((f) => !volunteerWritable.has(f))) {
    return forbidden('read_only_field');
  }
  // Nor any other register: never `consent`, which only a coordinator of the area may record, so
  // a volunteer can never open the resident's contact to themselves.
  if (changedRegisters(before, after).some((r) => r !== 'status' && r !== 'assignee')) {
    return forbidden('read_only_field');
  }
  const added = integrity(user, before, after);
  if (typeof added === 'string') return forbidden(added);
  if (added.some((a) => a.to !== null && a.to !== user.id)) return forbidden('invalid_transition');
  const sameStatus = sameJson(statusRegisterValue(before), statusRegisterValue(after));
  if (added.length === 0 && sameStatus) return allowed;
  if (!mine && added.length === 0) return forbidden('invalid_transition');
  // Accepting, setting off, finishing or handing back (claimed and handed back while offline too).
  const claims = added.some((a) => a.to === user.id);
  const problem = volunteerStepProblem(user.id, before, after, claims);
  return problem === null ? allowed : forbidden(problem);
}
