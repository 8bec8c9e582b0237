/**
 * The rules a request's status and assignee keep together. `new` and `triaged` are open: nobody holds
 * them yet, which is what lets a volunteer claim one. `assigned` and `in_progress` always have an
 * assignee. `done` and `cancelled` may keep one (so the volunteer sees the outcome) or not (a
 * coordinator may close a request by phone without any volunteer).
 */
import type { RequestStatus } from './status.ts';

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

/** The only way a volunteer moves a task on: forwards, one or more steps, never back. */
const volunteerPath: readonly RequestStatus[] = ['assigned', 'in_progress', 'done'];

export function isVolunteerProgress(from: RequestStatus, to: RequestStatus): boolean {
  const a = volunteerPath.indexOf(from);
  const b = volunteerPath.indexOf(to);
  return a >= 0 && b >= a;
}

/** Work reported on a task (started, finished), which a claim or a hand-back is not. */
export const isProgress = (status: RequestStatus) => status === 'in_progress' || status === 'done';

/** Declining hands the task back to the triage queue: from `assigned` or `in_progress` only. */
export function isVolunteerDecline(from: RequestStatus, to: RequestStatus): boolean {
  return isHeld(from) && to === 'triaged';
}
