/**
 * The only ways a device should change a request: each edit restamps the registers it touches
 * (stamps.ts) and moves `updated_at`, so the merge can find it again, and the server's checks
 * (access.ts) recognise it. Functions return a new document; they never mutate.
 */
import type { Consent, RecordedMethod } from './consent.ts';
import { returnsToQueue, statusAfter, type Outcome } from '../tasks/outcomes.ts';
import type { RequestStatus } from './status.ts';
import type { Urgency } from './urgency.ts';
import { assignmentHeads, assignmentKey } from './assignments.ts';
import { detailFields, type Register, type RequestDoc } from './request.ts';
import { compareStamps, nextStamp, type Stamp } from '../documents/stamps.ts';

type Values = { status: RequestStatus; urgency: Urgency; area: string | null; consent: Consent };
export type DetailPatch = Partial<Pick<RequestDoc, (typeof detailFields)[number]>>;

function restamped(doc: RequestDoc, register: Register, stamp: Stamp): RequestDoc {
  const updated_at = stamp.at > doc.updated_at ? stamp.at : doc.updated_at;
  return { ...doc, updated_at, fields_meta: { ...doc.fields_meta, [register]: stamp } };
}

export function setRegister<K extends keyof Values>(
  doc: RequestDoc,
  register: K,
  value: Values[K],
  by: string,
  now: string,
): RequestDoc {
  const stamp = nextStamp(doc.fields_meta[register], now, by);
  const next: RequestDoc = { ...restamped(doc, register, stamp), [register]: value };
  // A new status is a new decision: a duplicate link, an outcome or a decline's reason goes with
  // the status it was made with.
  if (register === 'status') {
    delete next.duplicate_of;
    delete next.outcome;
    delete next.decline_reason;
  }
  return next;
}

/**
 * Closes `doc` as a duplicate of the request `keptId`: cancelled, with the link, under one status
 * stamp. Its notes and history stay where they are; nothing of either request is removed.
 */
export function markDuplicate(doc: RequestDoc, keptId: string, by: string, now: string) {
  return { ...setRegister(doc, 'status', 'cancelled', by, now), duplicate_of: keptId };
}

export function setDetails(doc: RequestDoc, patch: DetailPatch, by: string, now: string) {
  const stamp = nextStamp(doc.fields_meta.details, now, by);
  return { ...restamped(doc, 'details', stamp), ...patch };
}

/**
 * A coordinator records the resident's answer about sharing their contact with the volunteer, as
 * they heard it (`how`): given, or refused or withdrawn. The stamp says who recorded it and when.
 * Withdrawing is recorded the same way, and takes the contact off the volunteer's device (the
 * server lists it in `_evictions`).
 */
export function recordConsent(
  doc: RequestDoc,
  given: boolean,
  how: RecordedMethod,
  by: string,
  now: string,
): RequestDoc {
  return setRegister(doc, 'consent', { given, how }, by, now);
}

/**
 * Appends an assignment that replaces every head the device can see, so it wins and, once it has
 * reached everyone, settles any earlier concurrent claims (attention.ts).
 */
export function assign(doc: RequestDoc, to: string | null, by: string, now: string) {
  const latest = [doc.fields_meta.assignee, ...doc.assignments].reduce((a, b) =>
    compareStamps(a, b) >= 0 ? a : b,
  );
  const stamp = nextStamp({ at: latest.at, by: latest.by }, now, by);
  const after = assignmentHeads(doc.assignments).map(assignmentKey).sort();
  const entry = { to, by, at: stamp.at, after };
  return {
    ...restamped(doc, 'assignee', stamp),
    assignee: to,
    assignments: [...doc.assignments, entry],
  };
}

/** A volunteer takes an open task for themselves, which is accepting it too (`hasAccepted`). */
export function claim(doc: RequestDoc, volunteerId: string, now: string) {
  return setRegister(
    assign(doc, volunteerId, volunteerId, now),
    'status',
    'assigned',
    volunteerId,
    now,
  );
}

/**
 * A volunteer accepts the task a coordinator gave them: they give it to themselves, an entry in
 * the assignment log (assignments.ts `hasAccepted`), the status unchanged.
 */
export function accept(doc: RequestDoc, volunteerId: string, now: string) {
  return assign(doc, volunteerId, volunteerId, now);
}

/** A volunteer hands a task back to the triage queue, saying why. */
export function decline(
  doc: RequestDoc,
  volunteerId: string,
  reason: string,
  now: string,
): RequestDoc {
  const back = setRegister(
    assign(doc, null, volunteerId, now),
    'status',
    'triaged',
    volunteerId,
    now,
  );
  return { ...back, decline_reason: reason };
}

/**
 * A volunteer finishes their task with an outcome: done, or back to triage and unassigned when the
 * outcome needs a coordinator to try again (tasks/outcomes.ts).
 */
export function finish(
  doc: RequestDoc,
  volunteerId: string,
  outcome: Outcome,
  now: string,
): RequestDoc {
  const held = returnsToQueue(outcome.kind) ? assign(doc, null, volunteerId, now) : doc;
  const closed = setRegister(held, 'status', statusAfter(outcome.kind), volunteerId, now);
  return { ...closed, outcome };
}
