/**
 * The rules a request's status and assignee keep together. `new` and `triaged` are open: nobody holds
 * them yet, which is what lets a volunteer claim one. `assigned` and `in_progress` always have an
 * assignee. `done` and `cancelled` may keep one (so the volunteer sees the outcome) or not (a
 * coordinator may close a request by phone without any volunteer).
 */
import type { RequestStatus } from './status.ts';
import { hasAccepted } from './assignments.ts';
import type { RequestDoc } from './request.ts';

export const openStatuses: readonly RequestStatus[] = ['new', 'triaged'];
export const heldStatuses: readonly RequestStatus[] = ['assigned', 'in_progress'];

export const isOpen = (status: RequestStatus) => openStatuses.includes(status);
export const isHeld = (status: RequestStatus) => heldStatuses.includes(status);

export type LifecycleProblem = 'status_without_assignee' | 'assignee_on_open_request';

export function lifecycleProblem(doc: {
  status: RequestStatus;
  assignee: string | null;
}): LifecycleProblem | null {
  if (isHeld(doc.status) && doc.assignee === null) return 'status_without_assignee';
  if (isOpen(doc.status) && doc.assignee !== null) return 'assignee_on_open_request';
  return null;
}

/**
 * The volunteer's path through their task. A coordinator's assignment waits (`assigned`) for the
 * volunteer to accept it (an entry of their own in the assignment log, assignments.ts
 * `hasAccepted`; a claim is one) or decline it with a reason; then "on my way" (`in_progress`), then
 * done with an outcome (tasks/outcomes.ts), which either closes the request (`done`) or sends it
 * back to triage, unassigned. A volunteer may hand back a task they hold at any point before it is
 * done, always with a reason. Status only moves forwards, one or more steps: a device that
 * accepted, set off and finished offline sends them as one revision, judged as one change.
 */
const volunteerPath: readonly RequestStatus[] = ['assigned', 'in_progress', 'done'];

export function isVolunteerProgress(from: RequestStatus, to: RequestStatus): boolean {
  const a = volunteerPath.indexOf(from);
  const b = volunteerPath.indexOf(to);
  return a >= 0 && b >= a;
}

/** Work reported on a task (started, finished), which a claim or a hand-back is not. */
export const isProgress = (status: RequestStatus) => status === 'in_progress' || status === 'done';

type Task = Pick<RequestDoc, 'status' | 'assignee' | 'assignments' | 'outcome' | 'decline_reason'>;

/** A task given to `userId` that waits for them to accept or decline it. */
export function awaitsAcceptance(doc: Task, userId: string): boolean {
  return doc.assignee === userId && isHeld(doc.status) && !hasAccepted(doc.assignments, userId);
}

export type VolunteerStepProblem =
  'invalid_transition' | 'not_accepted' | 'reason_required' | 'outcome_required';

/**
 * What is wrong, if anything, with the step `after` takes `before` on the path above, written by
 * the volunteer `userId`, who holds `before` or claims it in this very write (`claims`). Who may
 * write at all is the access policy's (request-write-access.ts); this is the path's own rule.
 */
export function volunteerStepProblem(
  userId: string,
  before: Task,
  after: Task,
  claims: boolean,
): VolunteerStepProblem | null {
  const accepted = hasAccepted(after.assignments, userId);
  if (after.assignee === userId) {
    const from = before.assignee === userId ? before.status : 'assigned';
    // A finished task stays finished: its outcome is the volunteer's word, given once.
    if (from === 'done' || !isVolunteerProgress(from, after.status)) return 'invalid_transition';
    if (after.status === 'assigned') return null;
    if (!accepted) return 'not_accepted';
    return after.status === 'done' && after.outcome === undefined ? 'outcome_required' : null;
  }
  if (after.assignee !== null) return 'invalid_transition';
  // Handing back: a task they held (not one already done), or one they claimed in this write.
  const held = before.assignee === userId ? isHeld(before.status) : claims;
  if (!held || after.status !== 'triaged') return 'invalid_transition';
  if (after.decline_reason !== undefined) return null;
  if (after.outcome === undefined) return 'reason_required';
  return accepted ? null : 'not_accepted';
}
