/**
 * A volunteer's profile, `volunteer:<userId>`. It stays `pending` until a coordinator approves or
 * rejects it, and only an approved profile's areas give the volunteer any requests
 * (`volunteerAccessAreas`). A rejected profile is kept, not deleted: the volunteer sees that they
 * were not approved, and a coordinator can still approve them later (profile-write-access.ts).
 */
import * as v from 'valibot';
import { fields } from '../questions/request-fields.ts';
import { isUkPostcode, normalisePostcode } from '../questions/contact-format.ts';
import { couchFields, idOfClass, type CouchMeta } from '../documents/couch-fields.ts';
import { isAreaId } from '../documents/doc-ids.ts';
import { freeText, uniqueList } from '../questions/free-text.ts';
import { instantSchema } from '../documents/stamps.ts';
import { districtCentroidSchema, type DistrictCentroid } from '../places/geocoded.ts';

export const volunteerSkills = ['driver', 'dbs_checked', 'welsh_speaker'] as const;
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const partsOfDay = ['morning', 'afternoon', 'evening'] as const;
export const approvals = ['pending', 'approved', 'rejected'] as const;

export type VolunteerSkill = (typeof volunteerSkills)[number];
export type Approval = (typeof approvals)[number];

export type VolunteerDoc = CouchMeta & {
  _id: string;
  type: 'volunteer';
  name: string;
  phone: string;
  areas: string[];
  skills: VolunteerSkill[];
  availability: {
    days: (typeof weekdays)[number][];
    parts_of_day: (typeof partsOfDay)[number][];
    note: string;
  };
  approval: Approval;
  /**
   * Where they start from, so the desk can say how far a task is (matching/): a postcode district
   * (`SY23`) or a whole postcode (`SY23 1AA`), as much as they chose to tell. Optional.
   */
  base_postcode?: string;
  /** The centre of the base's postcode district, once the server has worked it out (volunteer-base.ts). */
  base_centroid?: DistrictCentroid;
  created_at: string;
  updated_at: string;
};

const districtShape = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/**
 * A base postcode as typed (`sy23`, `sy231aa`) in its stored form (`SY23`, `SY23 1AA`), or null when
 * it is neither a district nor a whole postcode.
 */
export function normaliseBasePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (districtShape.test(compact)) return compact;
  return isUkPostcode(compact) ? normalisePostcode(compact) : null;
}

export const basePostcodeSchema = v.pipe(
  v.string('invalid'),
  v.check((s: string) => normaliseBasePostcode(s) === s, 'invalid'),
);

export const volunteerDocSchema: v.GenericSchema<unknown, VolunteerDoc> = v.strictObject(
  {
    _id: idOfClass('volunteer'),
    ...couchFields,
    type: v.literal('volunteer', 'invalid'),
    name: fields.name,
    phone: fields.phone,
    areas: uniqueList(
      v.pipe(
        v.string('invalid'),
        v.check((s: string) => isAreaId(s), 'invalid'),
      ),
      50,
    ),
    skills: uniqueList(v.picklist(volunteerSkills, 'invalid'), volunteerSkills.length),
    availability: v.strictObject(
      {
        days: uniqueList(v.picklist(weekdays, 'invalid'), weekdays.length),
        parts_of_day: uniqueList(v.picklist(partsOfDay, 'invalid'), partsOfDay.length),
        note: freeText(0, 200),
      },
      'invalid',
    ),
    approval: v.picklist(approvals, 'invalid'),
    base_postcode: v.optional(basePostcodeSchema),
    base_centroid: v.optional(districtCentroidSchema),
    created_at: instantSchema,
    updated_at: instantSchema,
  },
  'invalid',
);

/**
 * The areas a volunteer's requests come from: none until approved. The server builds the volunteer's
 * `StaffUser.areas` from this, so a pending sign-up sees nothing but its own profile and the areas.
 */
export function volunteerAccessAreas(profile: VolunteerDoc): string[] {
  return profile.approval === 'approved' ? [...profile.areas] : [];
}

/**
 * The `updated_at` of an edit made at `now` (ISO): it moves on, never back, so a phone with a slow
 * clock still writes a newer time than the one it replaces.
 */
export function nextUpdatedAt(profile: Pick<VolunteerDoc, 'updated_at'>, now: string): string {
  return now > profile.updated_at
    ? now
    : new Date(Date.parse(profile.updated_at) + 1).toISOString();
}

/** A coordinator turns a sign-up down: the profile stays, as it was, marked `rejected`. */
export function rejectVolunteer(profile: VolunteerDoc, now: string): VolunteerDoc {
  return { ...profile, approval: 'rejected', updated_at: nextUpdatedAt(profile, now) };
}

/**
 * The profile with the areas a coordinator chose among `coverable` (the areas they cover). Areas
 * outside those are another coordinator's to change and stay as they were; at least one area must
 * remain, or no coordinator would see the volunteer again.
 */
export function withAreas(
  profile: VolunteerDoc,
  coverable: readonly string[],
  chosen: readonly string[],
  now: string,
): { ok: true; profile: VolunteerDoc } | { ok: false; problem: 'required' | 'outside_your_areas' } {
  if (chosen.some((a) => !coverable.includes(a)))
    return { ok: false, problem: 'outside_your_areas' };
  // In the order they were, with new ones after, so an unchanged choice changes nothing.
  const kept = profile.areas.filter((a) => !coverable.includes(a) || chosen.includes(a));
  const areas = [...kept, ...chosen.filter((a) => !kept.includes(a))];
  if (areas.length === 0) return { ok: false, problem: 'required' };
  return { ok: true, profile: { ...profile, areas, updated_at: nextUpdatedAt(profile, now) } };
}

/**
 * The profile with the skills a coordinator chose. On an approved profile `dbs_checked` means a
 * coordinator has seen the certificate, so it is theirs to set; before approval it is only what the
 * volunteer declared, which stays as it was until approval confirms or removes it.
 */
export function withSkills(
  profile: VolunteerDoc,
  chosen: readonly VolunteerSkill[],
  now: string,
): VolunteerDoc {
  const dbs =
    profile.approval === 'approved'
      ? chosen.includes('dbs_checked')
      : profile.skills.includes('dbs_checked');
  const skills = volunteerSkills.filter((s) => (s === 'dbs_checked' ? dbs : chosen.includes(s)));
  return { ...profile, skills, updated_at: nextUpdatedAt(profile, now) };
}
