/**
 * A volunteer signing themselves up (issue 3): what `POST /api/volunteers` takes and what each
 * sign-up page checks, one schema per question, so the form and the server never disagree. Every
 * message is an error code; the form shows `signup.errors.<field>.<code>` and the API returns the
 * codes in `fields`.
 *
 * A self-declared DBS check is kept as declared (`skills` holds `dbs_checked`) on a profile that
 * stays `pending`: it opens nothing until a coordinator approves the profile, and the coordinator
 * confirms or removes it when approving (`approveVolunteer`). The profile write policy already stops
 * a volunteer adding it later on their own (profile-write-access.ts).
 */
import * as v from 'valibot';
import { fields, missingOrInvalid } from '../questions/request-fields.ts';
import { issuesToFields, type FieldErrors } from '../questions/request-schema.ts';
import {
  isPasswordTheUsername,
  maxPasswordLength,
  minPasswordLength,
  normaliseUsername,
  passwordLength,
  usernamePattern,
} from './account-rules.ts';
import { isAreaId, volunteerDocId } from '../documents/doc-ids.ts';
import { freeText } from '../questions/free-text.ts';
import {
  nextUpdatedAt,
  normaliseBasePostcode,
  partsOfDay,
  volunteerDocSchema,
  volunteerSkills,
  weekdays,
  type VolunteerDoc,
} from './volunteer-doc.ts';

/** An array of distinct choices; empty is `required` unless `optional`. */
function choices<T extends string>(
  item: v.GenericSchema<unknown, T>,
  max: number,
  optional = false,
) {
  return v.pipe(
    v.array(item, missingOrInvalid),
    v.check((a) => optional || a.length > 0, 'required'),
    v.maxLength(max, 'invalid'),
    v.check((a) => new Set(a).size === a.length, 'invalid'),
  );
}

const areaId = v.pipe(
  v.string('invalid'),
  v.check((s: string) => isAreaId(s), 'invalid'),
);

export const signUpFields = {
  name: v.pipe(
    fields.name,
    // A display name is one line: the account keeps it too (sync-server/accounts/account.ts).
    v.check((s) => !/[\t\n\r]/.test(s), 'invalid'),
  ),
  phone: fields.phone,
  areas: choices(areaId, 50),
  skills: choices(v.picklist(volunteerSkills, 'invalid'), volunteerSkills.length, true),
  days: choices(v.picklist(weekdays, 'invalid'), weekdays.length),
  parts_of_day: choices(v.picklist(partsOfDay, 'invalid'), partsOfDay.length),
  note: v.optional(freeText(0, 200), ''),
  // The account rules (account-rules.ts) a form can check as it goes; the server checks them all.
  username: v.pipe(
    v.string(missingOrInvalid),
    v.transform(normaliseUsername),
    v.nonEmpty('required'),
    v.regex(usernamePattern, 'invalid'),
  ),
  password: v.pipe(
    v.string(missingOrInvalid),
    v.nonEmpty('required'),
    v.check((s) => passwordLength(s) >= minPasswordLength, 'too_short'),
    v.check((s) => passwordLength(s) <= maxPasswordLength, 'too_long'),
  ),
} as const;

export type SignUpField = keyof typeof signUpFields;

/**
 * Where the volunteer starts from (volunteer-doc.ts): optional, a district or a whole postcode in
 * any case and spacing; left out or empty when not given. The sign-up pages do not ask it yet.
 */
export const basePostcodeAnswer = v.optional(
  v.pipe(
    v.string('invalid'),
    v.trim(),
    v.check((s) => s === '' || normaliseBasePostcode(s) !== null, 'invalid'),
    v.transform((s) => normaliseBasePostcode(s) ?? ''),
  ),
);

// Strict: unknown keys, `__proto__` included, are refused rather than ignored.
export const signUpSchema = v.pipe(
  v.strictObject(
    {
      username: signUpFields.username,
      password: signUpFields.password,
      name: signUpFields.name,
      phone: signUpFields.phone,
      areas: signUpFields.areas,
      skills: signUpFields.skills,
      base_postcode: basePostcodeAnswer,
      availability: v.strictObject(
        {
          days: signUpFields.days,
          parts_of_day: signUpFields.parts_of_day,
          note: signUpFields.note,
        },
        missingOrInvalid,
      ),
    },
    missingOrInvalid,
  ),
  v.forward(
    v.partialCheck(
      [['username'], ['password']],
      (input) => !isPasswordTheUsername(input.password, input.username),
      'same_as_username',
    ),
    ['password'],
  ),
);

export type SignUp = v.InferOutput<typeof signUpSchema>;
export type SignUpInput = v.InferInput<typeof signUpSchema>;

export type SignUpResult = { ok: true; value: SignUp } | { ok: false; fields: FieldErrors };

export function parseSignUp(input: unknown): SignUpResult {
  const result = v.safeParse(signUpSchema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, fields: issuesToFields(result.issues) };
}

/** One answer checked on its own page: the error code, or null when it is fine. */
export function checkSignUpField(field: SignUpField, value: unknown): string | null {
  const result = v.safeParse(signUpFields[field] as v.GenericSchema, value, {
    abortPipeEarly: true,
  });
  return result.success ? null : (result.issues[0]?.message ?? 'invalid');
}

/** The pending profile a sign-up makes for `userId`, at `now` (ISO). */
export function signUpProfile(signUp: SignUp, userId: string, now: string): VolunteerDoc {
  return v.parse(volunteerDocSchema, {
    _id: volunteerDocId(userId),
    type: 'volunteer',
    name: signUp.name,
    phone: signUp.phone,
    areas: signUp.areas,
    skills: signUp.skills,
    availability: signUp.availability,
    approval: 'pending',
    ...(signUp.base_postcode ? { base_postcode: signUp.base_postcode } : {}),
    created_at: now,
    updated_at: now,
  });
}

/** Whether the volunteer says they are DBS-checked on a profile no coordinator has approved yet. */
export const hasUnconfirmedDbs = (profile: Pick<VolunteerDoc, 'approval' | 'skills'>) =>
  profile.approval !== 'approved' && profile.skills.includes('dbs_checked');

/**
 * A coordinator's approval, of a pending or a rejected profile: it becomes `approved`, and a declared
 * DBS check stays only if the coordinator has seen it (`dbsConfirmed`). `updated_at` moves on, never
 * back (`nextUpdatedAt`).
 */
export function approveVolunteer(
  profile: VolunteerDoc,
  now: string,
  dbsConfirmed: boolean,
): VolunteerDoc {
  const skills = dbsConfirmed ? profile.skills : profile.skills.filter((s) => s !== 'dbs_checked');
  return { ...profile, skills, approval: 'approved', updated_at: nextUpdatedAt(profile, now) };
}
