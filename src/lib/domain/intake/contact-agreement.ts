/**
 * A contact created by a member of staff must be a whole answer to the resident's questions: put
 * back together with its request's needed-by date, it must pass the very schema `POST /api/requests`
 * checks (`parseSubmission`: details of one kind of help, a requester exactly when asking for
 * someone else). The web form's contact is made from a submission that passed it; a device
 * writing one through `/db` could otherwise store answers the form could never have sent. The
 * request's own fields are not compared: it may have been edited (kind, district) before the
 * device reached the server, and a request's registers are judged on their own.
 */
import type { RequestKind } from '../questions/request-fields.ts';
import { parseSubmission } from '../questions/request-schema.ts';
import type { ContactDoc } from '../requests/contact.ts';
import type { RequestDoc } from '../requests/request.ts';

/** Which kind of help a contact's details answer, by the question only that kind asks. */
function kindOf(details: object): RequestKind {
  if ('household_size' in details) return 'food';
  if ('pharmacy' in details) return 'prescription';
  if ('support_tasks' in details) return 'self_isolation_support';
  return 'other';
}

export function isWholeAnswer(request: RequestDoc, contact: ContactDoc): boolean {
  return parseSubmission({
    id: request._id.replace(/^request:/, ''),
    lang: contact.submitted_in,
    for_someone_else: contact.for_someone_else,
    requester: contact.requester,
    kind: kindOf(contact.details),
    details: contact.details,
    needed_by: request.needed_by,
    circumstances: contact.circumstances,
    contact: contact.contact,
  }).ok;
}
