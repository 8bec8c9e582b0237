/**
 * Volunteer profiles. A volunteer signs up (a pending profile of their own) and keeps their details
 * up to date, but approval, the areas they work in and the DBS check are for a coordinator to
 * confirm: a volunteer cannot grant themselves any of those, nor approve or reject themselves. A
 * coordinator manages the volunteers who share an area with them and may add or remove only areas
 * they cover themselves. A coordinator decides a sign-up once: pending becomes approved or rejected,
 * and a rejected one may still be approved; an approved volunteer is not rejected or sent back to
 * pending this way (that would take work away from someone mid-task, with no say on their tasks).
 */
import { allowed, forbidden, type WriteVerdict } from '../forbidden-reasons.ts';
import { profileOwnerOf } from '../documents/doc-ids.ts';
import type { Approval, VolunteerDoc } from '../people/volunteer-doc.ts';
import { sharesAnArea, type StaffUser } from '../people/users.ts';
import { changedFields } from '../replication/write-integrity.ts';

const coordinatorOwns = (user: StaffUser, areas: readonly string[]) =>
  areas.every((a) => user.areas.includes(a));

const decisions: Record<Approval, readonly Approval[]> = {
  pending: ['approved', 'rejected'],
  rejected: ['approved'],
  approved: [],
};

/**
 * Whether a coordinator may still decide a sign-up this way (`approved` or `rejected`): the
 * volunteer pages offer a decision only where it holds, and save it only if it still does.
 */
export const mayDecide = (approval: Approval, to: Approval) => decisions[approval].includes(to);

export const isApprovalDecision = (before: Approval, after: Approval) =>
  before === after || mayDecide(before, after);

function coordinatorWrite(
  user: StaffUser,
  before: VolunteerDoc | null,
  after: VolunteerDoc | null,
): WriteVerdict {
  if (before === null)
    return coordinatorOwns(user, after?.areas ?? []) ? allowed : forbidden('outside_your_areas');
  // Deleting a profile removes it from every area, so only a coordinator of all of them may.
  if (after === null)
    return coordinatorOwns(user, before.areas) ? allowed : forbidden('outside_your_areas');
  if (!sharesAnArea(user, before.areas)) return forbidden('outside_your_areas');
  if (!isApprovalDecision(before.approval, after.approval)) return forbidden('invalid_transition');
  const moved = [
    ...before.areas.filter((a) => !after.areas.includes(a)),
    ...after.areas.filter((a) => !before.areas.includes(a)),
  ];
  return coordinatorOwns(user, moved) ? allowed : forbidden('outside_your_areas');
}

function volunteerWrite(
  user: StaffUser,
  before: VolunteerDoc | null,
  after: VolunteerDoc | null,
): WriteVerdict {
  if (profileOwnerOf((after ?? before)?._id ?? '') !== user.id)
    return forbidden('not_your_document');
  if (after === null) return forbidden('cannot_delete');
  if (before === null) return after.approval === 'pending' ? allowed : forbidden('read_only_field');
  const changed = changedFields(before, after);
  const selfGranted =
    after.skills.includes('dbs_checked') && !before.skills.includes('dbs_checked');
  const fixed = ['approval', 'areas', 'created_at'];
  return selfGranted || changed.some((f) => fixed.includes(f))
    ? forbidden('read_only_field')
    : allowed;
}

/**
 * A profile left with no areas gives its volunteer nothing to do and no coordinator to manage
 * them, so no write may empty it (the pages say so before they try: `withAreas`).
 */
const emptiesAreas = (before: VolunteerDoc | null, after: VolunteerDoc | null) =>
  after !== null && after.areas.length === 0 && (before === null || before.areas.length > 0);

/** `after` null is a deletion. */
export function canWriteProfile(
  user: StaffUser,
  before: VolunteerDoc | null,
  after: VolunteerDoc | null,
): WriteVerdict {
  const verdict =
    user.role === 'admin'
      ? allowed
      : user.role === 'coordinator'
        ? coordinatorWrite(user, before, after)
        : volunteerWrite(user, before, after);
  return verdict.ok && emptiesAreas(before, after) ? forbidden('needs_an_area') : verdict;
}
