/**
 * Whose name a member of staff's device may hold, so a note, a history line or "who took the call"
 * names a person rather than "a member of staff". Coordinators' and admins' names live only in
 * their accounts on the server (never replicated), so the server hands each device the names this
 * rule allows (sync-server/directory/), and nothing else of the account.
 *
 * Least privilege, as the "Access" table of docs/architecture.md reads: a volunteer knows the
 * coordinators of the areas they work in (who write them notes and hand them tasks), a coordinator
 * those who share an area with them, and everyone the admins, who may act on any request. A
 * volunteer's name is never given this way: it is on their profile, which the read policy already
 * governs (read-access.ts: a volunteer reads only their own).
 */
import { sharesAnArea, type StaffUser } from '../people/users.ts';

export function mayKnowStaffName(viewer: StaffUser, other: Omit<StaffUser, 'disabled'>): boolean {
  if (viewer.disabled || other.role === 'volunteer') return false;
  if (other.id === viewer.id || other.role === 'admin' || viewer.role === 'admin') return true;
  return sharesAnArea(viewer, other.areas);
}
