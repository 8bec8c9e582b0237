/**
 * What a member of staff does to a request, as pure functions: each action is made only of the
 * domain's edits (requests/edits.ts), so the request page, the seed and the server's checks see the
 * same documents. Whether the writer may do it is the access policy's answer on the revision it
 * would write (`isAllowed`), never a rule of its own.
 */
import type { RecordedMethod } from '../requests/consent.ts';
import type { RequestStatus } from '../requests/status.ts';
import type { Urgency } from '../requests/urgency.ts';
import { canWrite } from '../access/access.ts';
import { isHeld, isOpen } from '../requests/lifecycle.ts';
import {
  accept,
  assign,
  claim,
  decline,
  finish,
  markDuplicate,
  recordConsent,
  setRegister,
} from '../requests/edits.ts';
import type { RequestDoc } from '../requests/request.ts';
import type { StaffUser } from '../people/users.ts';
import type { Outcome } from '../tasks/outcomes.ts';

export type WorkAction =
  | { kind: 'status'; to: RequestStatus }
  | { kind: 'urgency'; to: Urgency }
  | { kind: 'assign'; to: string | null }
  | { kind: 'claim' }
  /** The volunteer agrees to do the task a coordinator gave them. */
  | { kind: 'accept' }
  /** The volunteer hands their task back to triage, saying why. */
  | { kind: 'decline'; reason: string }
  /** The volunteer finishes their task with an outcome (tasks/outcomes.ts). */
  | { kind: 'finish'; outcome: Outcome }
  | { kind: 'consent'; given: boolean; how: RecordedMethod }
  /** Close this request as a duplicate of the request `of` (its id), which is kept. */
  | { kind: 'duplicate'; of: string };

/**
 * Assigning keeps status and assignee together (lifecycle.ts): giving an open or started task to
 * someone new makes it `assigned`; taking it from everyone puts it back in triage.
 */
export function assignTo(doc: RequestDoc, to: string | null, by: string, now: string): RequestDoc {
  const after = assign(doc, to, by, now);
  if (to === null && isHeld(doc.status)) return setRegister(after, 'status', 'triaged', by, now);
  const restart = isOpen(doc.status) || (doc.status === 'in_progress' && to !== doc.assignee);
  if (to !== null && restart) return setRegister(after, 'status', 'assigned', by, now);
  return after;
}

export function applyAction(
  doc: RequestDoc,
  action: WorkAction,
  by: string,
  now: string,
): RequestDoc {
  switch (action.kind) {
    case 'status':
      return setRegister(doc, 'status', action.to, by, now);
    case 'urgency':
      return setRegister(doc, 'urgency', action.to, by, now);
    case 'assign':
      return assignTo(doc, action.to, by, now);
    case 'claim':
      return claim(doc, by, now);
    case 'accept':
      return accept(doc, by, now);
    case 'decline':
      return decline(doc, by, action.reason, now);
    case 'finish':
      return finish(doc, by, action.outcome, now);
    case 'consent':
      return recordConsent(doc, action.given, action.how, by, now);
    case 'duplicate':
      return markDuplicate(doc, action.of, by, now);
  }
}

/** Whether the policy accepts what `action` would write (judged without a clock, as on a device). */
export function isAllowed(
  user: StaffUser,
  doc: RequestDoc,
  action: WorkAction,
  now: string,
): boolean {
  return canWrite(user, doc, applyAction(doc, action, user.id, now)).ok;
}
