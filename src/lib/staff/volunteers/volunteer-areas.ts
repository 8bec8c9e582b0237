/**
 * The areas a member of staff may put a volunteer in or take them out of, as the profile policy
 * allows (profile-write-access.ts): a coordinator's own areas; for an admin, every area on the device.
 */
import type { StaffUser } from '#domain/people/users.ts';

export function coverableAreas(
  user: StaffUser,
  deviceAreas: ReadonlyMap<string, unknown>,
): string[] {
  return user.role === 'admin' ? [...deviceAreas.keys()] : [...user.areas];
}
