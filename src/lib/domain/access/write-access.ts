/**
 * `canWrite`: one verdict for any write, judged on the whole new revision against the one it replaces
 * (`before` null for a new document), deletions included. Expects documents that passed
 * `parseStaffDoc`; the rules themselves are summarised in access.ts.
 */
import { docClassOf, requestIdOf } from '../documents/doc-ids.ts';
import {
  isAppendOnly,
  isDeleted,
  type StaffDoc,
  type StoredDoc,
} from '../replication/document-classes.ts';
import { allowed, forbidden, type WriteVerdict } from '../forbidden-reasons.ts';
import { canWriteProfile } from './profile-write-access.ts';
import { mayWriteForAssignee } from '../records/new-note.ts';
import { canAddEvent, canAddToRecord } from './record-write-access.ts';
import { isWholeAnswer } from '../intake/contact-agreement.ts';
import type { RequestDoc } from '../requests/request.ts';
import { canStaffWriteRequest, canVolunteerWriteRequest } from './request-write-access.ts';
import { coversArea, type StaffUser } from '../people/users.ts';
import { changedFields, futureTimeProblem } from '../replication/write-integrity.ts';
import { changesServerFact } from '../places/server-facts.ts';

const live = (doc: StoredDoc | null): StaffDoc | null =>
  doc === null || !('type' in doc) ? null : doc;

/** Notes and events: created once, by their author, on a request the author works on. */
function appendOnlyWrite(
  user: StaffUser,
  before: StoredDoc | null,
  after: StoredDoc,
  related?: RequestDoc,
) {
  if (before !== null || isDeleted(after)) return forbidden('append_only');
  const doc = live(after);
  if (doc === null || (doc.type !== 'note' && doc.type !== 'event'))
    return forbidden('invalid_document');
  if (doc.author !== user.id) return forbidden('wrong_author');
  // A volunteer's notes are for coordinators; only they address the next volunteer (new-note.ts).
  if (doc.type === 'note' && doc.for_assignee && !mayWriteForAssignee(user)) {
    return forbidden('role_cannot_write');
  }
  const request = related?._id === requestIdOf(doc._id) ? related : undefined;
  return doc.type === 'event' ? canAddEvent(user, doc, request) : canAddToRecord(user, request);
}

function contactWrite(
  user: StaffUser,
  before: StaffDoc | null,
  after: StaffDoc | null,
  related?: RequestDoc,
) {
  if (user.role === 'volunteer') return forbidden('role_cannot_write');
  const id = (after ?? before)?._id ?? '';
  if (user.role === 'coordinator') {
    if (related === undefined || related._id !== requestIdOf(id))
      return forbidden('missing_request');
    if (!coversArea(user, related.area)) return forbidden('outside_your_areas');
  }
  if (before !== null && after !== null && changedFields(before, after).includes('created_at')) {
    return forbidden('read_only_field');
  }
  // A new contact is a whole answer to the resident's questions (contact-agreement.ts).
  const whole = before !== null || after?.type !== 'contact' || related === undefined;
  return whole || isWholeAnswer(related, after) ? allowed : forbidden('invalid_document');
}

function requestWrite(user: StaffUser, before: StaffDoc | null, after: StaffDoc | null) {
  const b = before?.type === 'request' ? before : null;
  const a = after?.type === 'request' ? after : null;
  if (a === null) {
    if (user.role === 'volunteer') return forbidden('cannot_delete');
    if (b === null) return forbidden('invalid_document');
    return user.role === 'admin' || coversArea(user, b.area)
      ? allowed
      : forbidden('outside_your_areas');
  }
  if (user.role !== 'volunteer') return canStaffWriteRequest(user, b, a);
  return b === null ? forbidden('role_cannot_write') : canVolunteerWriteRequest(user, b, a);
}

/**
 * `now` is the judge's clock (the server's, ISO): given, a write that sets a time more than
 * `maxClockSkewMs` ahead of it is refused (`clock_ahead`), so a device whose clock is set wrong
 * cannot win every merge from then on. A device judging its own edits passes no clock.
 */
export function canWrite(
  user: StaffUser,
  before: StoredDoc | null,
  after: StoredDoc,
  related?: RequestDoc,
  now?: string,
): WriteVerdict {
  if (user.disabled) return forbidden('disabled');
  const cls = docClassOf(after._id);
  if (cls === null || (before !== null && before._id !== after._id))
    return forbidden('invalid_document');
  const ahead = now === undefined ? null : futureTimeProblem(before, after, now);
  if (ahead !== null) return forbidden(ahead);
  if (isAppendOnly(cls)) return appendOnlyWrite(user, before, after, related);
  // Bringing a deleted document back is an admin's repair (the last body as it was, old stamps
  // and all), never a side effect of a stale device.
  if (before !== null && isDeleted(before)) {
    return user.role === 'admin' && !isDeleted(after) ? allowed : forbidden('was_deleted');
  }
  const b = live(before);
  const a = isDeleted(after) ? null : live(after);
  if (a === null && b === null) return forbidden('invalid_document');
  // Points the server worked out from the postcode are its own (places/server-facts.ts).
  if (a !== null && changesServerFact(b, a)) return forbidden('read_only_field');
  if (a === null && user.role === 'volunteer') return forbidden('cannot_delete');
  switch (cls) {
    case 'area':
      return user.role === 'admin' ? allowed : forbidden('role_cannot_write');
    case 'volunteer':
      return canWriteProfile(
        user,
        b?.type === 'volunteer' ? b : null,
        a?.type === 'volunteer' ? a : null,
      );
    case 'contact':
      return contactWrite(user, b, a, related);
    case 'request':
      return requestWrite(user, b, a);
  }
}
