/**
 * The signed-in member of staff as the access policy sees them, built on the device from what it
 * holds, so the screens offer exactly what the server will accept. A volunteer's areas are their
 * approved profile's (`volunteerAccessAreas`), as the server computes them; the account's own list
 * is what an admin typed and may not be approved yet.
 */
import type { StaffUser } from '#domain/people/users.ts';
import { volunteerAccessAreas, type VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { StaffAccount } from '../session.ts';

export function workUser(
  account: Pick<StaffAccount, 'role' | 'areas'>,
  id: string,
  profile?: VolunteerDoc,
): StaffUser {
  if (account.role !== 'volunteer') {
    return { id, role: account.role, areas: [...account.areas], disabled: false };
  }
  const areas = profile ? volunteerAccessAreas(profile) : [];
  return { id, role: 'volunteer', areas, disabled: false };
}
