/**
 * The order requests are worked in: a coordinator's triage queue and the tasks a volunteer may
 * claim go most urgent first, then the soonest needed, then the longest waiting. The id settles
 * ties, so every device lists the same requests in the same order whatever order it holds them in.
 */
import { isClosed } from '../requests/status.ts';
import { urgencyLevels } from '../requests/urgency.ts';
import type { RequestDoc } from '../requests/request.ts';

type Queued = Pick<RequestDoc, '_id' | 'urgency' | 'needed_by' | 'created_at' | 'status'>;

export function byUrgency(a: Queued, b: Queued): number {
  return (
    urgencyLevels.indexOf(a.urgency) - urgencyLevels.indexOf(b.urgency) ||
    a.needed_by.localeCompare(b.needed_by) ||
    a.created_at.localeCompare(b.created_at) ||
    a._id.localeCompare(b._id)
  );
}

/**
 * A volunteer's own tasks: the live ones by urgency, then the finished or cancelled ones, which
 * stay on the phone for a while (read-access.ts) but need nothing more from them.
 */
export function liveFirst(a: Queued, b: Queued): number {
  return Number(isClosed(a.status)) - Number(isClosed(b.status)) || byUrgency(a, b);
}
