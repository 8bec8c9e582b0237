/**
 * A volunteer's profile, `volunteer:<userId>`. It stays `pending` until a coordinator approves it,
 * and only an approved profile's areas give the volunteer any requests (`volunteerAccessAreas`).
 */
import * as v from 'valibot';
import { fields } from '../request-fields.ts';
import { couchFields, idOfClass, type CouchMeta } from './couch-fields.ts';
import { isAreaId } from './doc-ids.ts';
import { freeText, uniqueList } from './free-text.ts';
import { instantSchema } from './stamps.ts';

export const volunteerSkills = ['driver', 'dbs_checked', 'welsh_speaker'] as const;
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const partsOfDay = ['morning', 'afternoon', 'evening'] as const;
export const approvals = ['pending', 'approved'] as const;

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
  created_at: string;
  updated_at: string;
};

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
