import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { areaChoice, phoneIntake } from '#domain/intake/phone-intake.ts';
import { parseSubmission, type Submission } from '#domain/questions/request-schema.ts';
import { makeReference } from '#domain/requests/reference.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { area, at, testUuid } from '../../../support/factories.ts';
import { onBehalfSubmission, rawSubmission } from '../../../support/submissions.ts';
import { admin, coordinator, northCoordinator } from '../../../support/world/world.ts';

const reference = makeReference(() => 4);

function submission(raw = rawSubmission('prescription', { id: testUuid() })): Submission {
  const parsed = parseSubmission(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  return parsed.value;
}

const withDistricts = (id: string, districts: string[]): AreaDoc => ({
  ...area(id),
  postcode_districts: districts,
});

describe('a call taken on the phone', () => {
  it('is the web form’s request and contact, stamped as taken by the coordinator, consent heard by phone', () => {
    const asked = submission();
    const call = phoneIntake(asked, reference, 'ceredigion', coordinator.id, at(0), testUuid());
    expect(call.request).toMatchObject({
      reference,
      area: 'ceredigion',
      language: 'cy',
      status: 'new',
      consent: { given: true, how: 'phone' },
    });
    for (const stamp of Object.values(call.request.fields_meta)) {
      expect(stamp).toEqual({ at: at(0), by: coordinator.id });
    }
    expect(call.contact.contact.name).toBe(asked.contact.name);
    expect(call.contact.request_id).toBe(call.request._id);
    expect(call.created).toMatchObject({
      request_id: call.request._id,
      author: coordinator.id,
      field: 'created',
      to: 'new',
      at: at(0),
    });
    for (const doc of [call.request, call.contact, call.created]) {
      expect(parseStaffDoc(doc).ok).toBe(true);
    }
  });

  it('records the language the person wants, and a “no” to sharing as heard by phone', () => {
    const raw = rawSubmission('food', { id: testUuid() });
    const contact = { ...(raw.contact as object), language: 'en', consent_to_share: false };
    const call = phoneIntake(
      submission({ ...raw, contact }),
      reference,
      'ceredigion',
      coordinator.id,
      at(0),
      testUuid(),
    );
    expect(call.request.language).toBe('en');
    expect(call.request.consent).toEqual({ given: false, how: 'phone' });
  });

  it('passes the policy for its coordinator, every document of it, and for no one outside the area', () => {
    const call = phoneIntake(
      submission({ ...onBehalfSubmission('food'), id: testUuid() }),
      reference,
      'ceredigion',
      coordinator.id,
      at(0),
      testUuid(),
    );
    expect(canWrite(coordinator, null, call.request)).toEqual({ ok: true });
    expect(canWrite(coordinator, null, call.contact, call.request)).toEqual({ ok: true });
    expect(canWrite(coordinator, null, call.created, call.request)).toEqual({ ok: true });
    expect(canWrite(northCoordinator, null, call.request)).toMatchObject({ ok: false });
  });

  it('is the only way staff create a request: consent must be heard by phone, never “the form”', () => {
    const { request } = phoneIntake(
      submission(),
      reference,
      'ceredigion',
      coordinator.id,
      at(0),
      testUuid(),
    );
    const inPerson = { ...request, consent: { given: true, how: 'in_person' as const } };
    expect(canWrite(coordinator, null, inPerson)).toEqual({
      ok: false,
      reason: 'not_phone_intake',
    });
    const byAdmin = phoneIntake(submission(), reference, 'gwynedd', admin.id, at(0), testUuid());
    expect(canWrite(admin, null, { ...byAdmin.request, consent: inPerson.consent })).toEqual({
      ok: false,
      reason: 'not_phone_intake',
    });
    // Claiming the resident ticked the box: the schema refuses it, whoever stamps it.
    const asForm = { ...request, consent: { given: true, how: 'form' as const } };
    expect(parseStaffDoc(asForm).ok).toBe(false);
  });
});

describe('where a call goes', () => {
  const areas = [
    withDistricts('ceredigion', ['SY23', 'SA43']),
    withDistricts('gwynedd', ['LL55']),
    withDistricts('powys', []),
  ];

  it('to the area of the caller’s district when the coordinator covers it', () => {
    expect(areaChoice(coordinator, areas, 'sy23 1aa')).toEqual({ routed: 'ceredigion' });
  });

  it('to a choice of their own areas when the district is another team’s, saying whose', () => {
    expect(areaChoice(coordinator, areas, 'LL55 4AA')).toEqual({
      choose: ['ceredigion'],
      districtArea: 'gwynedd',
    });
  });

  it('to a choice of their own areas when no area lists the district', () => {
    const both = { ...coordinator, areas: ['powys', 'ceredigion'] };
    expect(areaChoice(both, areas, 'CF10 1AA')).toEqual({
      choose: ['ceredigion', 'powys'],
      districtArea: null,
    });
  });

  it('an admin covers every area, so the district decides or they choose from all', () => {
    expect(areaChoice(admin, areas, 'LL55 4AA')).toEqual({ routed: 'gwynedd' });
    expect(areaChoice(admin, areas, 'CF10 1AA')).toEqual({
      choose: ['ceredigion', 'gwynedd', 'powys'],
      districtArea: null,
    });
  });

  it('never offers an area that was deleted', () => {
    const gone = [...areas, { ...withDistricts('ynys-mon', ['LL77']), _deleted: true }];
    const all = { ...coordinator, areas: ['ceredigion', 'ynys-mon'] };
    expect(areaChoice(all, gone, 'LL77 7AA')).toEqual({
      choose: ['ceredigion'],
      districtArea: null,
    });
  });
});
