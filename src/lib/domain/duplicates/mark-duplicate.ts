/**
 * Marking one request a duplicate of another: the action closes it (`markDuplicate`,
 * requests/edits.ts: cancelled, with `duplicate_of` naming the request kept) and the policy judges
 * it like any status change, so only a coordinator of its area or an admin may (access.ts). What
 * one document cannot show is judged here, against the request it names, on the device before it
 * offers the action and on the server before it stores it: the request kept must exist, be another
 * request, not be a duplicate itself, and be one the writer may see, or the link would tell its
 * status to a stranger; and the request marked must have no duplicates of its own. Links are one
 * step, so a resident's status lookup follows at most one: a chain (A of B, then B of C) would tell
 * A's resident the status of a closed request, and a cycle (A of B, B of A) would close both.
 * Two coordinators offline can each make half of one; the server judges the second to arrive
 * against the first, and refuses it.
 */
import type { ForbiddenReason } from '../forbidden-reasons.ts';
import { coversArea, type StaffUser } from '../people/users.ts';
import type { RequestDoc } from '../requests/request.ts';

/** Whether this write sets a new duplicate link (a link kept or taken away needs no judging). */
export function linksAnew(
  before: Pick<RequestDoc, 'duplicate_of'> | null,
  after: Pick<RequestDoc, 'duplicate_of'>,
): boolean {
  return after.duplicate_of !== undefined && after.duplicate_of !== before?.duplicate_of;
}

/**
 * Why `marked` may not be linked to `kept` (the present request of that id, or null), or null.
 * `markedHasDuplicates`: whether other requests are now closed as duplicates of `marked`.
 */
export function duplicateTargetProblem(
  user: StaffUser,
  marked: Pick<RequestDoc, '_id'>,
  kept: Pick<RequestDoc, '_id' | 'area' | 'duplicate_of' | '_deleted'> | null,
  markedHasDuplicates: boolean,
): ForbiddenReason | null {
  if (kept === null || kept._deleted === true || kept._id === marked._id)
    return 'invalid_duplicate';
  if (kept.duplicate_of !== undefined) return 'invalid_duplicate';
  if (markedHasDuplicates) return 'has_duplicates';
  if (user.role === 'volunteer') return 'role_cannot_write';
  if (user.role === 'coordinator' && !coversArea(user, kept.area)) return 'outside_your_areas';
  return null;
}

/**
 * The requests closed as duplicates of `keptId` among `requests`, oldest first: what the kept
 * request's page links back to, so both histories are a click apart.
 */
export function duplicatesLinkedTo<
  T extends Pick<RequestDoc, '_id' | 'created_at' | 'duplicate_of'>,
>(keptId: string, requests: readonly T[]): T[] {
  return requests
    .filter((r) => r.duplicate_of === keptId)
    .sort((a, b) =>
      a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a._id < b._id ? -1 : 1,
    );
}
