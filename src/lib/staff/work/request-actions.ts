/**
 * What a member of staff can do to a request from its page, as pure functions: each action is made
 * only of the domain's edits (request-edits.ts), and an action is offered only when the access
 * policy (`canWrite`) accepts the revision it would write, so the screen never offers what the
 * server would refuse (it still may refuse, when the device's picture is out of date).
 */
import { consentValue, type RecordedMethod } from '#domain/consent.ts';
import type { EventDoc } from '#domain/staff/append-only-docs.ts';
import { canWrite } from '#domain/staff/access.ts';
import { eventDocId } from '#domain/staff/doc-ids.ts';
import { requestStatuses, type RequestStatus } from '#domain/request-status.ts';
import { isHeld, isOpen } from '#domain/staff/lifecycle.ts';
import { assign, claim, decline, recordConsent, setRegister } from '#domain/staff/request-edits.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { StaffUser } from '#domain/staff/users.ts';
import { urgencyLevels, type Urgency } from '#domain/urgency.ts';

export type WorkAction =
  | { kind: 'status'; to: RequestStatus }
  | { kind: 'urgency'; to: Urgency }
  | { kind: 'assign'; to: string | null }
  | { kind: 'claim' }
  | { kind: 'decline' }
  | { kind: 'consent'; given: boolean; how: RecordedMethod };

/**
 * Assigning keeps status and assignee together (lifecycle.ts): giving an open or started task to
 * someone new makes it `assigned`; taking it from everyone puts it back in triage.
 */
function assignTo(doc: StaffRequestDoc, to: string | null, by: string, now: string) {
  const after = assign(doc, to, by, now);
  if (to === null && isHeld(doc.status)) return setRegister(after, 'status', 'triaged', by, now);
  const restart = isOpen(doc.status) || (doc.status === 'in_progress' && to !== doc.assignee);
  if (to !== null && restart) return setRegister(after, 'status', 'assigned', by, now);
  return after;
}

export function applyAction(
  doc: StaffRequestDoc,
  action: WorkAction,
  by: string,
  now: string,
): StaffRequestDoc {
  switch (action.kind) {
    case 'status':
      return setRegister(doc, 'status', action.to, by, now);
    case 'urgency':
      return setRegister(doc, 'urgency', action.to, by, now);
    case 'assign':
      return assignTo(doc, action.to, by, now);
    case 'claim':
      return claim(doc, by, now);
    case 'decline':
      return decline(doc, by, now);
    case 'consent':
      return recordConsent(doc, action.given, action.how, by, now);
  }
}

export function isAllowed(
  user: StaffUser,
  doc: StaffRequestDoc,
  action: WorkAction,
  now: string,
): boolean {
  return canWrite(user, doc, applyAction(doc, action, user.id, now)).ok;
}

export type Offer = {
  /** Statuses the user may move the request to (never the one it has). */
  statuses: RequestStatus[];
  urgency: boolean;
  assign: boolean;
  claim: boolean;
  decline: boolean;
};

export function offerFor(user: StaffUser, doc: StaffRequestDoc, now: string): Offer {
  const ok = (action: WorkAction) => isAllowed(user, doc, action, now);
  const coordinating = user.role !== 'volunteer';
  return {
    statuses: requestStatuses.filter(
      (s) =>
        s !== doc.status &&
        // Handing back is its own action for a volunteer, not a status to pick.
        (coordinating || s !== 'triaged') &&
        ok({ kind: 'status', to: s }),
    ),
    urgency: coordinating && ok({ kind: 'urgency', to: otherUrgency(doc.urgency) }),
    // Closed requests too: giving a finished task back to whoever did it settles a conflict.
    assign: coordinating && ok({ kind: 'assign', to: null }),
    claim: !coordinating && doc.assignee === null && ok({ kind: 'claim' }),
    decline: !coordinating && doc.assignee === user.id && ok({ kind: 'decline' }),
  };
}

const otherUrgency = (u: Urgency) => urgencyLevels.find((l) => l !== u) ?? u;

/**
 * Whether this user may record the resident's answer about sharing their details on this request
 * now (recording it given where it is not, withdrawn where it is): coordinators of its area and
 * admins, never volunteers.
 */
export function mayRecordConsent(user: StaffUser, doc: StaffRequestDoc, now: string): boolean {
  const action: WorkAction = { kind: 'consent', given: !doc.consent.given, how: 'phone' };
  return user.role !== 'volunteer' && isAllowed(user, doc, action, now);
}

const watched = ['status', 'assignee', 'urgency', 'consent'] as const;

const valueOf = (doc: StaffRequestDoc, field: (typeof watched)[number]) =>
  field === 'consent' ? consentValue(doc.consent) : doc[field];

/** The history an edit leaves: one append-only event per register it changed (docs/architecture.md). */
export function historyOf(
  before: StaffRequestDoc,
  after: StaffRequestDoc,
  by: string,
  newUuid: () => string,
): EventDoc[] {
  return watched
    .filter((field) => valueOf(before, field) !== valueOf(after, field))
    .map((field) => ({
      _id: eventDocId(after._id, newUuid()),
      type: 'event',
      request_id: after._id,
      author: by,
      field,
      from: valueOf(before, field),
      to: valueOf(after, field),
      at: after.fields_meta[field].at,
    }));
}
