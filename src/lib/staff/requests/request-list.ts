/**
 * The request lists, as pure functions of the rows the device holds. A coordinator triages their
 * areas' queue, filtered by status; a volunteer sees their own tasks and the open ones they may
 * claim; each in the domain's order (queue-order.ts). Both are judged with the access policy, so
 * a row the device still holds but the user may no longer act on (a task handed to someone else)
 * is not offered as theirs.
 */
import { canReadRequest } from '#domain/access/access.ts';
import { isClosed, requestStatuses, type RequestStatus } from '#domain/requests/status.ts';
import { isAllowed } from '#domain/actions/request-actions.ts';
import { byUrgency, liveFirst } from '#domain/triage/queue-order.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';

/** `active`: everything not yet done or cancelled, the coordinator's default view. */
export const statusFilters = ['active', ...requestStatuses, 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === 'string' && (statusFilters as readonly string[]).includes(value);
}

export function matchesFilter(status: RequestStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'active') return !isClosed(status);
  return status === filter;
}

export function coordinatorQueue(
  requests: readonly RequestDoc[],
  user: StaffUser,
  filter: StatusFilter,
  now: string,
): RequestDoc[] {
  return requests
    .filter((r) => canReadRequest(user, r, now) && matchesFilter(r.status, filter))
    .sort(byUrgency);
}

export type VolunteerLists = { mine: RequestDoc[]; claimable: RequestDoc[] };

export function volunteerLists(
  requests: readonly RequestDoc[],
  user: StaffUser,
  now: string,
): VolunteerLists {
  const readable = requests.filter((r) => canReadRequest(user, r, now));
  return {
    mine: readable.filter((r) => r.assignee === user.id).sort(liveFirst),
    claimable: readable
      .filter((r) => r.assignee === null && isAllowed(user, r, { kind: 'claim' }, now))
      .sort(byUrgency),
  };
}
