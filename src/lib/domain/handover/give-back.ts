/**
 * The other way to settle a late claim (late-claim.ts): the request goes back to the area the
 * volunteer claimed it in, with the claim. It is a hand-over like any other (a coordinator of both
 * areas, or an admin, and a reason in the history), then the assignment the volunteer asked for,
 * which the server checks they may still be given (assignable.ts).
 */
import { canWrite } from '../access/access.ts';
import { assignTo } from '../actions/request-actions.ts';
import type { RequestDoc } from '../requests/request.ts';
import type { StaffUser } from '../people/users.ts';
import { handOver, type HandedOver, type HandoverProblem } from './hand-over.ts';
import type { OpenLateClaim } from './late-claim.ts';

export function giveBack(
  doc: RequestDoc,
  claim: OpenLateClaim,
  user: StaffUser,
  reason: string,
  known: readonly string[],
  now: string,
  uuid: string,
): { ok: true; handed: HandedOver } | { ok: false; problem: HandoverProblem } {
  const back = handOver(doc, { to: claim.claimedIn, reason }, user, known, false, now, uuid);
  if (!back.ok) return back;
  const request = assignTo(back.handed.request, claim.by, user.id, now);
  if (!canWrite(user, doc, request).ok) return { ok: false, problem: 'not_allowed' };
  return { ok: true, handed: { request, event: back.handed.event } };
}
