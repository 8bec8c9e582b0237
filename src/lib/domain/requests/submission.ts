/**
 * How a submission is stored. Personal data lives only in the `contact:` document, so the access
 * policy can hand a volunteer the request without the person (docs/architecture.md, "Access"). Ids carry the
 * client-made UUID and nothing personal.
 */
import { londonDate } from '../calendar-days.ts';
import { contactDocId, requestDocId } from '../documents/doc-ids.ts';
import { postcodeDistrict } from '../questions/contact-format.ts';
import type { Submission } from '../questions/request-schema.ts';
import { formConsent } from './consent.ts';
import type { ContactDoc } from './contact.ts';
import type { SubmittedRequest } from './request.ts';
import { initialUrgency } from './urgency.ts';

/** What `POST /api/requests` answers with on success, and again, identically, on a repeat. */
export type SubmissionReceipt = { id: string; reference: string; status_token: string };

/** `now` is an ISO timestamp; urgency is judged against its date in Wales (calendar-days.ts). */
export function toDocuments(
  submission: Submission,
  reference: string,
  now: string,
): { request: SubmittedRequest; contact: ContactDoc } {
  const today = londonDate(now);
  return {
    request: {
      _id: requestDocId(submission.id),
      type: 'request',
      kind: submission.kind,
      reference,
      postcode_district: postcodeDistrict(submission.contact.postcode),
      urgency: initialUrgency(
        { needed_by: submission.needed_by, ...submission.circumstances },
        today,
      ),
      status: 'new',
      needed_by: submission.needed_by,
      language: submission.contact.language,
      consent: formConsent(submission.contact.consent_to_share),
      created_at: now,
      updated_at: now,
    },
    contact: {
      _id: contactDocId(submission.id),
      type: 'contact',
      request_id: requestDocId(submission.id),
      for_someone_else: submission.for_someone_else,
      requester: submission.requester,
      contact: submission.contact,
      details: submission.details,
      circumstances: submission.circumstances,
      submitted_in: submission.lang,
      created_at: now,
    },
  };
}
