/**
 * A signed-in member of staff as the access policy sees them. Credentials and sessions never leave
 * the server; this is the part every check needs. `areas` are area ids: for a volunteer, the areas of
 * their approved profile (`volunteerAccessAreas`), for a coordinator the areas they cover.
 */
import * as v from 'valibot';
import { staffRoles, type StaffRole } from './account-rules.ts';
import { isAreaId, isUserId } from '../documents/doc-ids.ts';
import { uniqueList } from '../questions/free-text.ts';

export type StaffUser = { id: string; role: StaffRole; areas: string[]; disabled: boolean };

export const staffUserSchema: v.GenericSchema<unknown, StaffUser> = v.strictObject(
  {
    id: v.pipe(
      v.string('invalid'),
      v.check((s: string) => isUserId(s), 'invalid'),
    ),
    role: v.picklist(staffRoles, 'invalid'),
    areas: uniqueList(
      v.pipe(
        v.string('invalid'),
        v.check((s: string) => isAreaId(s), 'invalid'),
      ),
      200,
    ),
    disabled: v.boolean('invalid'),
  },
  'invalid',
);

export function coversArea(user: StaffUser, area: string | null): boolean {
  return area !== null && user.areas.includes(area);
}

export function sharesAnArea(user: StaffUser, areas: readonly string[]): boolean {
  return areas.some((a) => user.areas.includes(a));
}
