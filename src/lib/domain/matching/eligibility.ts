/**
 * The hard rules of matching: who may be offered a request at all, each refusal with its reason.
 * They come first and ranking never outweighs them. The first three are who may be assigned at all
 * (assignable.ts, which the server enforces); the others are about this task:
 *
 * | reason                  | when                                                              |
 * | ----------------------- | ----------------------------------------------------------------- |
 * | `not_approved`          | the profile is pending, rejected or deleted                       |
 * | `disabled`              | the account is switched off                                       |
 * | `outside_area`          | the volunteer does not cover the request's area                   |
 * | `not_available_in_time` | no free day and part of day before it is needed (availability-window.ts) |
 * | `no_dbs`                | the task needs a DBS check a coordinator has confirmed, and there is none |
 *
 * A task needs DBS when it is a prescription (medicines, often paid for, handed over at the door),
 * or a visit to someone vulnerable: anything but check-in calls alone, for a resident shielding.
 */
import type { RequestKind } from '../questions/request-fields.ts';
import type { ContactDoc } from '../requests/contact.ts';
import type { VolunteerDoc } from '../people/volunteer-doc.ts';
import type { GeoPoint } from './geo-point.ts';
import { availabilityMask } from './availability-window.ts';

export type VolunteerCandidate = {
  /** The volunteer's user id; ties in ranking are broken by it. */
  id: string;
  profile: Pick<VolunteerDoc, 'approval' | 'areas' | 'availability' | '_deleted'>;
  enabled: boolean;
  speaks_welsh: boolean;
  /** A DBS check a coordinator has seen, not one the volunteer only declared. */
  dbs_confirmed: boolean;
  /** Where they start from; null when not known (ranked as unknown, never as near). */
  base: GeoPoint | null;
  open_tasks: number;
  /** When they were last given a task (ISO), or null if never. */
  last_assigned_at: string | null;
};

/** The request as matching reads it; `matchRequestOf` makes one from the documents. */
export type MatchRequest = {
  area: string | null;
  needed_by: string;
  prefers_welsh: boolean;
  needs_dbs: boolean;
  point: GeoPoint | null;
};

export const hardRules = [
  'not_approved',
  'disabled',
  'outside_area',
  'not_available_in_time',
  'no_dbs',
] as const;
export type HardRule = (typeof hardRules)[number];

type DbsInputs = {
  kind: RequestKind;
  contact: Pick<ContactDoc, 'details' | 'circumstances'> | null;
};

/** Whether the task needs a confirmed DBS check (the table above); unknown contact, no visit known. */
export function needsDbs({ kind, contact }: DbsInputs): boolean {
  if (kind === 'prescription') return true;
  if (contact === null || !contact.circumstances.shielding) return false;
  const details = contact.details;
  const callsOnly =
    'support_tasks' in details && details.support_tasks.every((t) => t === 'check_in_call');
  return !callsOnly;
}

export function matchRequestOf(
  request: { area: string | null; needed_by: string; language: string; kind: RequestKind },
  contact: Pick<ContactDoc, 'details' | 'circumstances'> | null,
  point: GeoPoint | null,
): MatchRequest {
  return {
    area: request.area,
    needed_by: request.needed_by,
    prefers_welsh: request.language === 'cy',
    needs_dbs: needsDbs({ kind: request.kind, contact }),
    point,
  };
}

/** The first hard rule `c` breaks for `request`, or null when they may be offered it. */
export function brokenRule(
  c: VolunteerCandidate,
  request: MatchRequest,
  window: number,
): HardRule | null {
  if (c.profile._deleted === true || c.profile.approval !== 'approved') return 'not_approved';
  if (!c.enabled) return 'disabled';
  if (request.area === null || !c.profile.areas.includes(request.area)) return 'outside_area';
  if ((availabilityMask(c.profile.availability) & window) === 0) return 'not_available_in_time';
  if (request.needs_dbs && !c.dbs_confirmed) return 'no_dbs';
  return null;
}

type Known = Pick<VolunteerCandidate, 'enabled' | 'base' | 'open_tasks' | 'last_assigned_at'>;

/**
 * A candidate from a profile and what the desk knows beside it. Welsh and DBS are the profile's
 * skills; DBS counts only on an approved profile, where `dbs_checked` means a coordinator saw the
 * certificate (volunteer-doc.ts `withSkills`), never only the volunteer's word.
 */
export function volunteerCandidate(
  userId: string,
  profile: VolunteerCandidate['profile'] & Pick<VolunteerDoc, 'skills'>,
  known: Known,
): VolunteerCandidate {
  return {
    id: userId,
    profile,
    ...known,
    speaks_welsh: profile.skills.includes('welsh_speaker'),
    dbs_confirmed: profile.approval === 'approved' && profile.skills.includes('dbs_checked'),
  };
}
