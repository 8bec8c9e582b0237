/**
 * The signed-in account as the access policy sees it (`#domain/staff/users.ts`). Accounts are keyed
 * by username, but documents name staff by an opaque UUID (ids and fields never hold a username), so
 * the id is derived from the username: a name-based UUID (RFC 9562 §5.8, version 8) that every
 * server instance computes alike with no lookup and no stored mapping to keep in step.
 */
import { createHash } from 'node:crypto';
import { volunteerDocId } from '#domain/staff/doc-ids.ts';
import type { StaffUser as PolicyUser } from '#domain/staff/users.ts';
import { volunteerAccessAreas, type VolunteerDoc } from '#domain/staff/volunteer-doc.ts';
import type { StaffUser as SessionUser } from '../accounts/account.ts';
import type { ReplicaDb } from '../storage/storage.ts';

export function staffUserId(username: string): string {
  const hex = createHash('sha256').update(`cymorth:staff-user:${username}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/**
 * `requireSession` lets only live, enabled accounts through, so `disabled` is always false here.
 * A volunteer's areas are their profile's once a coordinator approved it (`volunteerAccessAreas`),
 * none before: the account's own areas are what an admin typed, not what a coordinator approved.
 */
export async function toPolicyUser(db: ReplicaDb, account: SessionUser): Promise<PolicyUser> {
  const id = staffUserId(account.username);
  const user: PolicyUser = { id, role: account.role, areas: [...account.areas], disabled: false };
  if (account.role !== 'volunteer') return user;
  try {
    const profile = await db.get<VolunteerDoc>(volunteerDocId(id));
    return { ...user, areas: volunteerAccessAreas(profile) };
  } catch {
    return { ...user, areas: [] };
  }
}
