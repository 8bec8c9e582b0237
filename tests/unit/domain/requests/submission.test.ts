import { describe, expect, it } from 'vitest';
import { requestKinds } from '#domain/questions/request-fields.ts';
import { contactDocId, requestDocId } from '#domain/documents/doc-ids.ts';
import { toDocuments } from '#domain/requests/submission.ts';
import { parseSubmission, type Submission } from '#domain/questions/request-schema.ts';
import { residentAuthor } from '#domain/documents/stamps.ts';
import { routedRequest } from '#domain/requests/request.ts';
import {
  onBehalfSubmission,
  person,
  rawSubmission,
  withPath,
  type Json,
} from '../../../support/submissions.ts';

function submission(input: Json): Submission {
  const result = parseSubmission(input);
  if (!result.ok) throw new Error(JSON.stringify(result.fields));
  return result.value;
}

const now = '2030-01-10T09:30:00.000Z';
const reference = '482173905';

/** Every personal detail in the samples, in the forms they are typed and stored. */
const personal = [
  person.name,
  person.phone,
  person.phoneStored,
  person.address_line1,
  person.address_line2,
  person.town,
  person.postcode,
  person.postcodeStored,
  person.postcodeStored.replace(' ', ''),
  person.access_needs,
  person.requester_name,
  person.requester_phone,
  person.requester_phoneStored,
  person.requester_relationship,
];

describe('toDocuments keeps personal data out of the request document', () => {
  it.each(requestKinds)('%s: the request holds the district only', (kind) => {
    const { request } = toDocuments(submission(onBehalfSubmission(kind)), reference, now);
    const text = JSON.stringify(request).toLowerCase();
    for (const detail of personal) expect(text).not.toContain(detail.toLowerCase());
    expect(request.postcode_district).toBe(person.district);
    for (const key of ['contact', 'requester', 'details', 'circumstances']) {
      expect(request).not.toHaveProperty(key);
    }
  });

  it('keeps the personal data, and the details, in the contact document', () => {
    const s = submission(onBehalfSubmission('other'));
    const { contact } = toDocuments(s, reference, now);
    expect(contact.contact).toMatchObject({
      name: person.name,
      phone: person.phoneStored,
      postcode: person.postcodeStored,
    });
    expect(contact.requester?.name).toBe(person.requester_name);
    expect(contact.details).toEqual(s.details);
    expect(contact.for_someone_else).toBe(true);
  });

  it('makes ids from the client id alone', () => {
    const s = submission(rawSubmission('food'));
    const { request, contact } = toDocuments(s, reference, now);
    expect(request._id).toBe(requestDocId(s.id));
    expect(contact._id).toBe(contactDocId(s.id));
    expect(contact.request_id).toBe(request._id);
    for (const id of [request._id, contact._id]) {
      expect(id).toMatch(/^(request|contact):[0-9a-f-]{36}$/);
      for (const detail of personal) expect(id.toLowerCase()).not.toContain(detail.toLowerCase());
    }
    expect(request._id).not.toBe(contact._id);
  });
});

describe('toDocuments describes the request', () => {
  it('starts new, stamped with the time given, with its reference', () => {
    const { request, contact } = toDocuments(submission(rawSubmission('food')), reference, now);
    expect(request).toMatchObject({
      type: 'request',
      kind: 'food',
      reference,
      status: 'new',
      needed_by: '2030-01-15',
      created_at: now,
      updated_at: now,
    });
    expect(contact).toMatchObject({ type: 'contact', created_at: now });
  });

  it('records the language to reply in and, separately, the language the form was in', () => {
    const input = rawSubmission('food', { lang: 'en' });
    (input['contact'] as Record<string, Json>)['language'] = 'cy';
    const { request, contact } = toDocuments(submission(input), reference, now);
    expect(request.language).toBe('cy');
    expect(contact.submitted_in).toBe('en');
  });

  it('judges urgency against the date of `now`', () => {
    const calm = rawSubmission('food', {
      circumstances: {
        self_isolating: false,
        shielding: false,
        lives_alone: false,
        no_food_today: false,
        medicine_runs_out_days: null,
      },
    });
    const s = submission(calm);
    expect(toDocuments(s, reference, '2030-01-01T12:00:00Z').request.urgency).toBe('low');
    expect(toDocuments(s, reference, '2030-01-14T12:00:00Z').request.urgency).toBe('medium');
    expect(toDocuments(s, reference, '2030-01-15T23:59:00Z').request.urgency).toBe('high');
  });

  it('takes the date as it is in Wales: half past midnight in July is already the next day', () => {
    const calm = rawSubmission('food', {
      circumstances: {
        self_isolating: false,
        shielding: false,
        lives_alone: false,
        no_food_today: false,
        medicine_runs_out_days: null,
      },
    });
    const s = submission(withPath(calm, ['needed_by'], '2030-07-01'));
    // 23:30 UTC on 30 June is 00:30 on 1 July in Wales: needed today, not tomorrow.
    expect(toDocuments(s, reference, '2030-06-30T23:30:00Z').request.urgency).toBe('high');
    expect(toDocuments(s, reference, '2030-06-30T22:30:00Z').request.urgency).toBe('medium');
  });
});

describe('the resident’s answer about sharing their details is kept on the request', () => {
  it.each([true, false])(
    'consent_to_share %s: given %s, from the form, stamped as theirs',
    (yes) => {
      const input = withPath(rawSubmission('food'), ['contact', 'consent_to_share'], yes);
      const { request } = toDocuments(submission(input), reference, now);
      expect(request.consent).toEqual({ given: yes, how: 'form' });
      const staff = routedRequest(request, 'ceredigion');
      expect(staff.consent).toEqual({ given: yes, how: 'form' });
      expect(staff.fields_meta.consent).toEqual({ at: now, by: residentAuthor });
    },
  );

  it('a request a coordinator takes on the phone records the answer as heard by phone, in their name', () => {
    const input = withPath(rawSubmission('food'), ['contact', 'consent_to_share'], false);
    const { request } = toDocuments(submission(input), reference, now);
    const coordinator = '00000000-0000-4000-8000-000000000001';
    const staff = routedRequest(request, 'ceredigion', coordinator);
    expect(staff.consent).toEqual({ given: false, how: 'phone' });
    expect(staff.fields_meta.consent).toEqual({ at: now, by: coordinator });
  });
});
