/**
 * How a submission is stored. Personal data lives only in the `contact:` document, so the access
 * policy can hand a volunteer the request without the person (docs/architecture.md, "Access"). Ids carry the
 * client-made UUID and nothing personal.
 */
import { formConsent, type Consent } from './consent.ts';
import { postcodeDistrict } from './contact-format.ts';
import type { RequestKind, Language } from './request-fields.ts';
import type { Submission } from './request-schema.ts';
import type { RequestStatus } from './request-status.ts';
import { initialUrgency, type Urgency } from './urgency.ts';

export type RequestDoc = {
  _id: string;
  type: 'request';
  kind: RequestKind;
  reference: string;
  postcode_district: string;
  urgency: Urgency;
  status: RequestStatus;
  needed_by: string;
  language: Language;
  /** The resident's answer to "can we share your details with the volunteer?" (consent.ts). */
  consent: Consent;
  created_at: string;
  updated_at: string;
};

export type ContactDoc = {
  _id: string;
  type: 'contact';
  request_id: string;
  for_someone_else: boolean;
  requester: Submission['requester'];
  contact: Submission['contact'];
  details: Submission['details'];
  circumstances: Submission['circumstances'];
  submitted_in: Language;
  created_at: string;
};

export const requestDocId = (id: string) => `request:${id}`;
export const contactDocId = (id: string) => `contact:${id}`;

/** `now` is an ISO timestamp; urgency is judged against its date. */
export function toDocuments(
  submission: Submission,
  reference: string,
  now: string,
): { request: RequestDoc; contact: ContactDoc } {
  const today = now.slice(0, 10);
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
