/**
 * The signed-in account as the access policy sees it (`#domain/people/users.ts`): named by the id
 * its documents use (accounts/staff-user-id.ts), with the areas it may work in.
 */
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { volunteerAccessAreas, type VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { SignedInUser } from '../accounts/account.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import type { ReplicatedDb } from '../storage/storage.ts';

/**
 * `requireSession` lets only live, enabled accounts through, so `disabled` is always false here.
 * A volunteer's areas are their profile's once a coordinator approved it (`volunteerAccessAreas`),
 * none before: the account's own areas are what an admin typed, not what a coordinator approved.
 */
export async function toPolicyUser(db: ReplicatedDb, account: SignedInUser): Promise<StaffUser> {
  const id = staffUserId(account.username);
  const user: StaffUser = { id, role: account.role, areas: [...account.areas], disabled: false };
  if (account.role !== 'volunteer') return user;
  try {
    const profile = await db.get<VolunteerDoc>(volunteerDocId(id));
    return { ...user, areas: volunteerAccessAreas(profile) };
  } catch {
    return { ...user, areas: [] };
  }
}
