/**
 * A volunteer's base postcode, for measuring how far a task is: optional at sign-up, a district or
 * a whole postcode in any case and spacing, stored in one form, and the volunteer's own to change
 * (a coordinator of their area may correct it too). Its point is the server's: the centre of its
 * district, worked out again when the base changes, kept by the merge, written by no device.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { canWrite } from '#domain/access/access.ts';
import { canWriteProfile } from '#domain/access/profile-write-access.ts';
import type { DistrictCentroid } from '#domain/places/geocoded.ts';
import { baseNeedsPlacing, basePointOf, districtOfBase } from '#domain/people/volunteer-base.ts';
import {
  normaliseBasePostcode,
  volunteerDocSchema,
  type VolunteerDoc,
} from '#domain/people/volunteer-doc.ts';
import { parseSignUp, signUpProfile } from '#domain/people/volunteer-sign-up.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { resolveLatestWins } from '#domain/replication/conflicts.ts';
import { at, profile, t0, testUuid, user } from '../../../support/factories.ts';

const body = (base?: unknown) => ({
  username: 'nia.jones',
  password: 'cawl a bara brith',
  name: 'Nia Jones',
  phone: '07700 900 982',
  areas: ['ceredigion'],
  skills: ['welsh_speaker'],
  availability: { days: ['mon'], parts_of_day: ['morning'], note: '' },
  ...(base === undefined ? {} : { base_postcode: base }),
});

function profileFrom(base?: unknown) {
  const result = parseSignUp(body(base));
  if (!result.ok) throw new Error(JSON.stringify(result.fields));
  return signUpProfile(result.value, testUuid(), t0);
}

describe('base postcode', () => {
  it('takes a district or a whole postcode as typed, in one stored form', () => {
    expect(normaliseBasePostcode(' sy23 ')).toBe('SY23');
    expect(normaliseBasePostcode('sy231aa')).toBe('SY23 1AA');
    expect(normaliseBasePostcode('SY23  1AA')).toBe('SY23 1AA');
    expect(normaliseBasePostcode('Aberystwyth')).toBe(null);
    expect(normaliseBasePostcode('SY23 1')).toBe(null);
  });

  it('is optional at sign-up, and kept on the profile only when given', () => {
    expect(profileFrom('sy23 1aa').base_postcode).toBe('SY23 1AA');
    expect(profileFrom('ll55').base_postcode).toBe('LL55');
    expect('base_postcode' in profileFrom()).toBe(false);
    expect('base_postcode' in profileFrom('  ')).toBe(false);
    expect(parseSignUp(body('not a postcode'))).toEqual({
      ok: false,
      fields: { base_postcode: 'invalid' },
    });
    expect(parseSignUp(body(42))).toEqual({ ok: false, fields: { base_postcode: 'invalid' } });
  });

  it('is stored only in its normal form', () => {
    const doc = profile(testUuid(), ['ceredigion']);
    expect(v.safeParse(volunteerDocSchema, { ...doc, base_postcode: 'SY23 1AA' }).success).toBe(
      true,
    );
    expect(v.safeParse(volunteerDocSchema, { ...doc, base_postcode: 'sy231aa' }).success).toBe(
      false,
    );
  });

  it('is the volunteer’s own to change, and their coordinator’s, not another volunteer’s', () => {
    const me = user('volunteer', ['ceredigion']);
    const mine = profile(me.id, ['ceredigion']);
    const moved = { ...mine, base_postcode: 'SY23', updated_at: '2030-01-11T09:00:00.000Z' };
    expect(canWriteProfile(me, mine, moved)).toEqual({ ok: true });
    expect(canWriteProfile(user('coordinator', ['ceredigion']), mine, moved)).toEqual({ ok: true });
    expect(canWriteProfile(user('volunteer', ['ceredigion']), mine, moved).ok).toBe(false);
  });
});

const centre = (district: string, minutes = 1, lat = 52.41534): DistrictCentroid => ({
  lat,
  lon: -4.08288,
  district,
  at: at(minutes),
});

/** A profile whose base is `base`, placed (or not) at `centroid`. */
function based(base?: string, centroid?: DistrictCentroid): VolunteerDoc {
  const doc: VolunteerDoc = { ...profile(testUuid(), ['ceredigion']) };
  if (base !== undefined) doc.base_postcode = base;
  if (centroid !== undefined) doc.base_centroid = centroid;
  return doc;
}

describe('the point of a base', () => {
  it('is the centre of its district, whether they gave the district or a whole postcode', () => {
    expect(districtOfBase('SY23 1AA')).toBe('SY23');
    expect(districtOfBase('LL55')).toBe('LL55');
    expect(basePointOf(based('SY23 1AA', centre('SY23')))).toEqual({
      lat: 52.41534,
      lon: -4.08288,
    });
    expect(basePointOf(based('SY23', centre('SY23')))).toEqual({ lat: 52.41534, lon: -4.08288 });
  });

  it('is unknown until the server places the base as it is now', () => {
    expect(basePointOf(based())).toBeNull();
    expect(basePointOf(based('SY23 1AA'))).toBeNull();
    // Moved to LL55: the old district's centre is no longer where they start.
    expect(basePointOf(based('LL55', centre('SY23')))).toBeNull();
    // Removed: the point is not used, though the server has yet to take it away.
    expect(basePointOf(based(undefined, centre('SY23')))).toBeNull();
  });

  it('needs the server when missing, stale or left over, and not otherwise', () => {
    expect(baseNeedsPlacing(based())).toBe(false);
    expect(baseNeedsPlacing(based('SY23 1AA', centre('SY23')))).toBe(false);
    expect(baseNeedsPlacing(based('SY23 1AA'))).toBe(true);
    expect(baseNeedsPlacing(based('LL55', centre('SY23')))).toBe(true);
    expect(baseNeedsPlacing(based(undefined, centre('SY23')))).toBe(true);
  });

  it('is accepted on the profile only in its schema', () => {
    expect(parseStaffDoc(based('SY23', centre('SY23'))).ok).toBe(true);
    expect(parseStaffDoc(based('SY23', { ...centre('SY23'), lat: 91 })).ok).toBe(false);
    expect(parseStaffDoc(based('SY23', { ...centre('SY23'), district: 'SY23 1AA' })).ok).toBe(
      false,
    );
  });
});

describe('no device writes the point of a base', () => {
  const coordinator = user('coordinator', ['ceredigion']);
  const admin = user('admin');

  it('refuses a profile that brings its own, from a volunteer signing up or an admin', () => {
    const me = user('volunteer', ['ceredigion']);
    const mine = { ...profile(me.id, ['ceredigion'], 'pending'), base_postcode: 'SY23' };
    const forged = { ...mine, base_centroid: centre('SY23') };
    expect(canWrite(me, null, mine)).toEqual({ ok: true });
    expect(canWrite(me, null, forged)).toEqual({ ok: false, reason: 'read_only_field' });
    expect(canWrite(admin, null, { ...forged, _id: mine._id })).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
  });

  it('refuses moving, adding or dropping one, and lets a base change carry the old one', () => {
    const me = user('volunteer', ['ceredigion']);
    const placed: VolunteerDoc = {
      ...profile(me.id, ['ceredigion']),
      base_postcode: 'SY23',
      base_centroid: centre('SY23'),
    };
    const later = at(30);
    const nearer = { ...placed, base_centroid: centre('SY23', 1, 52.0), updated_at: later };
    expect(canWrite(coordinator, placed, nearer)).toEqual({ ok: false, reason: 'read_only_field' });
    expect(canWrite(me, placed, nearer)).toEqual({ ok: false, reason: 'read_only_field' });
    const dropped: VolunteerDoc = { ...placed, updated_at: later };
    delete dropped.base_centroid;
    expect(canWrite(me, placed, dropped)).toEqual({ ok: false, reason: 'read_only_field' });
    const unplaced = { ...placed };
    delete unplaced.base_centroid;
    expect(canWrite(me, unplaced, { ...placed, updated_at: later })).toEqual({
      ok: false,
      reason: 'read_only_field',
    });
    // Moving the base is theirs to do; the point stays as it was until the server places it again.
    expect(canWrite(me, placed, { ...placed, base_postcode: 'LL55', updated_at: later })).toEqual({
      ok: true,
    });
  });
});

describe('merging a profile', () => {
  it('keeps the server’s point when a later edit grew from before it, ancestor or not', () => {
    const original = { ...based('SY23 1AA'), _rev: '1-a' };
    const placed = { ...original, _rev: '2-b', base_centroid: centre('SY23', 4) };
    const edited = { ...original, _rev: '2-c', phone: '01970 000000', updated_at: at(30) };
    for (const ancestor of [original, null]) {
      const { doc } = resolveLatestWins(edited, [placed], ancestor);
      expect(doc.base_centroid).toEqual(centre('SY23', 4));
      expect(doc.phone).toBe('01970 000000');
    }
  });
});
