/**
 * Whether a request's page offers to close it as a duplicate of another: the same judgement the
 * server makes (the policy on the revision the action would write, and the request it names,
 * duplicates/mark-duplicate.ts), so the offer is one the server will take while the device's
 * picture is current. Two more cautions of the page's own: a request already linked is not linked
 * again, and one that others are already duplicates of is not made a duplicate itself, since links
 * are one step and its duplicates' residents would then be told a closed request's status.
 */
import { duplicateTargetProblem } from '../duplicates/mark-duplicate.ts';
import type { StaffUser } from '../people/users.ts';
import type { RequestDoc } from '../requests/request.ts';
import { isAllowed } from './request-actions.ts';

export function mayMarkDuplicate(
  user: StaffUser,
  request: RequestDoc,
  kept: Pick<RequestDoc, '_id' | 'area' | 'duplicate_of' | '_deleted'> | null,
  now: string,
  hasDuplicates = false,
): boolean {
  if (user.role === 'volunteer' || request.duplicate_of !== undefined || hasDuplicates)
    return false;
  if (kept === null || duplicateTargetProblem(user, request, kept) !== null) return false;
  return isAllowed(user, request, { kind: 'duplicate', of: kept._id }, now);
}
