/**
 * A staff account as an admin creates or changes it in the app. No password: the new member of
 * staff chooses their own with a one-time code (people/reset-code.ts), so an admin never knows it
 * and nobody sends one in the clear. The admin API and the pages judge by these schemas.
 */
import * as v from 'valibot';
import { staffRoles, usernamePattern } from '../people/account-rules.ts';
import { isAreaId } from '../documents/doc-ids.ts';
import { uniqueList } from '../questions/free-text.ts';

const areaList = uniqueList(
  v.pipe(
    v.string('invalid'),
    v.check((s: string) => isAreaId(s), 'invalid'),
  ),
  200,
);

export const newAccountSchema = v.strictObject(
  {
    username: v.pipe(v.string('invalid'), v.regex(usernamePattern, 'invalid')),
    display_name: v.pipe(
      v.string('invalid'),
      v.trim(),
      v.minLength(1, 'required'),
      v.maxLength(100, 'too_long'),
      v.regex(/^[^\p{Cc}]*$/u, 'invalid'),
    ),
    role: v.picklist(staffRoles, 'invalid'),
    areas: areaList,
  },
  'invalid',
);
export type NewAccountInput = v.InferOutput<typeof newAccountSchema>;

/** A change to an account: any of its role, its areas, or whether it may sign in. */
export const accountChangeSchema = v.strictObject(
  {
    role: v.optional(v.picklist(staffRoles, 'invalid')),
    areas: v.optional(areaList),
    disabled: v.optional(v.boolean('invalid')),
  },
  'invalid',
);
export type AccountChange = v.InferOutput<typeof accountChangeSchema>;
