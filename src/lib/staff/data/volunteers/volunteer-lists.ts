/**
 * A volunteer's lists, as a pure function of the requests the device holds (read through the
 * model by data/task-queries.ts): their own tasks and the open ones they may claim, each in the
 * domain's order (queue-order.ts). Judged with the access policy, so a row the device still holds
 * but the user may no longer act on (a task handed to someone else) is not offered as theirs.
 * The coordinator's queue is read in order by the model itself (data/desk-queries.ts).
 */
import { canReadRequest } from '#domain/access/access.ts';
import { isAllowed } from '#domain/actions/request-actions.ts';
import { byUrgency, liveFirst } from '#domain/triage/queue-order.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';

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
