/**
 * What a request's page offers a member of staff: only the actions the access policy accepts on
 * the revision each would write (request-actions.ts), so the screen never offers what the server
 * would refuse (it still may refuse, when the device's picture is out of date).
 */
import { requestStatuses, type RequestStatus } from '../requests/status.ts';
import { urgencyLevels, type Urgency } from '../requests/urgency.ts';
import { isAllowed, type WorkAction } from './request-actions.ts';
import type { RequestDoc } from '../requests/request.ts';
import type { StaffUser } from '../people/users.ts';
import { awaitsAcceptance } from '../requests/lifecycle.ts';

export type Offer = {
  /** Statuses the user may move the request to (never the one it has). */
  statuses: RequestStatus[];
  urgency: boolean;
  assign: boolean;
  claim: boolean;
  /** The volunteer's own task (requests/lifecycle.ts): accept it, set off, finish, hand it back. */
  accept: boolean;
  onMyWay: boolean;
  finish: boolean;
  decline: boolean;
};

// The words a volunteer will give are not known yet; the step is judged, not the words.
const anyReason = 'reason';

export function offerFor(user: StaffUser, doc: RequestDoc, now: string): Offer {
  const ok = (action: WorkAction) => isAllowed(user, doc, action, now);
  const coordinating = user.role !== 'volunteer';
  const mine = !coordinating && doc.assignee === user.id;
  return {
    statuses: requestStatuses.filter(
      (s) =>
        s !== doc.status &&
        // A volunteer's steps are actions of their own (below), not statuses to pick.
        coordinating &&
        ok({ kind: 'status', to: s }),
    ),
    urgency: coordinating && ok({ kind: 'urgency', to: otherUrgency(doc.urgency) }),
    // Closed requests too: giving a finished task back to whoever did it settles a conflict.
    assign: coordinating && ok({ kind: 'assign', to: null }),
    claim: !coordinating && doc.assignee === null && ok({ kind: 'claim' }),
    accept: mine && awaitsAcceptance(doc, user.id) && ok({ kind: 'accept' }),
    onMyWay: mine && doc.status !== 'in_progress' && ok({ kind: 'status', to: 'in_progress' }),
    finish: mine && doc.status !== 'done' && ok({ kind: 'finish', outcome: { kind: 'helped' } }),
    decline: mine && ok({ kind: 'decline', reason: anyReason }),
  };
}

const otherUrgency = (u: Urgency) => urgencyLevels.find((l) => l !== u) ?? u;

/**
 * Whether this user may record the resident's answer about sharing their details on this request
 * now (recording it given where it is not, withdrawn where it is): coordinators of its area and
 * admins, never volunteers.
 */
export function mayRecordConsent(user: StaffUser, doc: RequestDoc, now: string): boolean {
  const action: WorkAction = { kind: 'consent', given: !doc.consent.given, how: 'phone' };
  return user.role !== 'volunteer' && isAllowed(user, doc, action, now);
}
