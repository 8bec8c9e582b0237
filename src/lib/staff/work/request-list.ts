/**
 * The request lists, as pure functions of the rows the device holds. A coordinator triages their
 * areas' queue, filtered by status, most urgent first; a volunteer sees their own tasks and the open
 * ones they may claim. Both are judged with the access policy, so a row the device still holds but
 * the user may no longer act on (a task handed to someone else) is not offered as theirs.
 */
import { canReadRequest } from '#domain/staff/access.ts';
import { isClosed, type RequestStatus } from '#domain/request-status.ts';
import { isAllowed } from '#domain/staff/request-actions.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { StaffUser } from '#domain/staff/users.ts';
import { urgencyLevels } from '#domain/urgency.ts';

/** `active`: everything not yet done or cancelled, the coordinator's default view. */
export const statusFilters = [
  'active',
  'new',
  'triaged',
  'assigned',
  'in_progress',
  'done',
  'cancelled',
  'all',
] as const;
export type StatusFilter = (typeof statusFilters)[number];

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === 'string' && (statusFilters as readonly string[]).includes(value);
}

export function matchesFilter(status: RequestStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'active') return !isClosed(status);
  return status === filter;
}

/** Most urgent first, then the soonest needed, then the longest waiting; the id settles ties. */
export function byUrgency(a: StaffRequestDoc, b: StaffRequestDoc): number {
  return (
    urgencyLevels.indexOf(a.urgency) - urgencyLevels.indexOf(b.urgency) ||
    a.needed_by.localeCompare(b.needed_by) ||
    a.created_at.localeCompare(b.created_at) ||
    a._id.localeCompare(b._id)
  );
}

export function coordinatorQueue(
  requests: readonly StaffRequestDoc[],
  user: StaffUser,
  filter: StatusFilter,
  now: string,
): StaffRequestDoc[] {
  return requests
    .filter((r) => canReadRequest(user, r, now) && matchesFilter(r.status, filter))
    .sort(byUrgency);
}

export type VolunteerLists = { mine: StaffRequestDoc[]; claimable: StaffRequestDoc[] };

export function volunteerLists(
  requests: readonly StaffRequestDoc[],
  user: StaffUser,
  now: string,
): VolunteerLists {
  const readable = requests.filter((r) => canReadRequest(user, r, now));
  return {
    // Finished tasks stay on the phone for a while (read-access.ts); they go below the live ones.
    mine: readable
      .filter((r) => r.assignee === user.id)
      .sort((a, b) => Number(isClosed(a.status)) - Number(isClosed(b.status)) || byUrgency(a, b)),
    claimable: readable
      .filter((r) => r.assignee === null && isAllowed(user, r, { kind: 'claim' }, now))
      .sort(byUrgency),
  };
}
