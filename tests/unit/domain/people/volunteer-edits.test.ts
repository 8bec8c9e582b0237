import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  rejectVolunteer,
  volunteerAccessAreas,
  volunteerDocSchema,
  withAreas,
  withSkills,
} from '#domain/people/volunteer-doc.ts';
import { approveVolunteer, hasUnconfirmedDbs } from '#domain/people/volunteer-sign-up.ts';
import { at, profile, t0, testUuid } from '../../../support/factories.ts';

const later = at(5);

describe('rejectVolunteer', () => {
  it('keeps every detail and marks the profile rejected, with no access', () => {
    const pending = {
      ...profile(testUuid(), ['ceredigion'], 'pending'),
      skills: ['dbs_checked' as const],
    };
    const rejected = rejectVolunteer(pending, later);
    expect(rejected).toEqual({ ...pending, approval: 'rejected', updated_at: later });
    expect(v.is(volunteerDocSchema, rejected)).toBe(true);
    expect(volunteerAccessAreas(rejected)).toEqual([]);
    // A declared DBS check is still only declared if the coordinator changes their mind.
    expect(hasUnconfirmedDbs(rejected)).toBe(true);
    expect(approveVolunteer(rejected, at(10), false).skills).toEqual([]);
  });

  it('moves updated_at on even when the phone’s clock is behind', () => {
    const pending = profile(testUuid(), ['ceredigion'], 'pending');
    expect(rejectVolunteer(pending, '2020-01-01T00:00:00.000Z').updated_at > t0).toBe(true);
  });
});

describe('withAreas', () => {
  const shared = profile(testUuid(), ['gwynedd', 'ceredigion']);

  it('changes only the areas the coordinator covers and keeps the others in place', () => {
    const result = withAreas(shared, ['ceredigion', 'powys'], ['powys'], later);
    expect(result).toMatchObject({ ok: true, profile: { areas: ['gwynedd', 'powys'] } });
    const same = withAreas(shared, ['ceredigion', 'powys'], ['ceredigion'], later);
    expect(same).toMatchObject({ ok: true, profile: { areas: ['gwynedd', 'ceredigion'] } });
  });

  it('refuses an area the coordinator does not cover, and leaving the volunteer with none', () => {
    expect(withAreas(shared, ['ceredigion'], ['gwynedd'], later)).toEqual({
      ok: false,
      problem: 'outside_your_areas',
    });
    const single = profile(testUuid(), ['ceredigion']);
    expect(withAreas(single, ['ceredigion'], [], later)).toEqual({
      ok: false,
      problem: 'required',
    });
    // Another coordinator's area is still there, so the volunteer is not lost.
    expect(withAreas(shared, ['ceredigion'], [], later)).toMatchObject({
      ok: true,
      profile: { areas: ['gwynedd'] },
    });
  });
});

describe('withSkills', () => {
  it('on an approved profile sets every skill, DBS included, in a stable order', () => {
    const approved = profile(testUuid(), ['ceredigion']);
    expect(withSkills(approved, ['welsh_speaker', 'dbs_checked'], later).skills).toEqual([
      'dbs_checked',
      'welsh_speaker',
    ]);
    expect(withSkills({ ...approved, skills: ['dbs_checked'] }, [], later).skills).toEqual([]);
  });

  it('before approval leaves the declared DBS check as the volunteer gave it', () => {
    const declared = {
      ...profile(testUuid(), ['ceredigion'], 'pending'),
      skills: ['dbs_checked' as const],
    };
    expect(withSkills(declared, ['driver'], later).skills).toEqual(['driver', 'dbs_checked']);
    const undeclared = profile(testUuid(), ['ceredigion'], 'pending');
    expect(withSkills(undeclared, ['dbs_checked'], later).skills).toEqual([]);
  });
});
