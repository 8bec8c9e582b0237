/**
 * Whether a request's page offers to close it as a duplicate of another: the same judgement the
 * server makes (the policy on the revision the action would write, and the request it names,
 * duplicates/mark-duplicate.ts, which also keeps a request others are duplicates of from becoming
 * one itself), so the offer is one the server will take while the device's picture is current. One
 * more caution of the page's own: a request already linked is not linked again.
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
  hasDuplicates: boolean,
): boolean {
  if (user.role === 'volunteer' || request.duplicate_of !== undefined) return false;
  if (kept === null || duplicateTargetProblem(user, request, kept, hasDuplicates) !== null)
    return false;
  return isAllowed(user, request, { kind: 'duplicate', of: kept._id }, now);
}
