/**
 * The whole request as `POST /api/requests` receives it, built from the per-question schemas in
 * request-fields.ts. Unknown keys (including `__proto__`) are refused, not ignored.
 */
import * as v from 'valibot';
import { fields, languages, missingOrInvalid } from './request-fields.ts';

export const requesterSchema = v.strictObject({
  name: fields.requester_name,
  phone: fields.requester_phone,
  relationship: fields.requester_relationship,
});

export const circumstancesSchema = v.strictObject({
  self_isolating: fields.self_isolating,
  shielding: fields.shielding,
  lives_alone: fields.lives_alone,
  no_food_today: fields.no_food_today,
  medicine_runs_out_days: fields.medicine_runs_out_days,
});

export const contactSchema = v.strictObject({
  name: fields.name,
  phone: fields.phone,
  address_line1: fields.address_line1,
  address_line2: fields.address_line2,
  town: fields.town,
  postcode: fields.postcode,
  contact_method: fields.contact_method,
  access_needs: fields.access_needs,
  language: fields.language,
  consent_to_share: fields.consent_to_share,
});

const common = {
  id: v.pipe(v.string(missingOrInvalid), v.uuid('invalid')),
  lang: v.picklist(languages, missingOrInvalid),
  for_someone_else: fields.for_someone_else,
  requester: v.nullable(requesterSchema),
  needed_by: fields.needed_by,
  circumstances: circumstancesSchema,
  contact: contactSchema,
};

export const foodDetails = v.strictObject({
  household_size: fields.household_size,
  dietary_needs: fields.dietary_needs,
  cooking: fields.cooking,
});
export const prescriptionDetails = v.strictObject({
  pharmacy: fields.pharmacy,
  prescription_ready: fields.prescription_ready,
  prescription_payment: fields.prescription_payment,
});
export const supportDetails = v.strictObject({
  support_tasks: fields.support_tasks,
  support_other: fields.support_other,
  support_frequency: fields.support_frequency,
});
export const otherDetails = v.strictObject({ description: fields.description });

export const submissionSchema = v.pipe(
  v.variant(
    'kind',
    [
      v.strictObject({ ...common, kind: v.literal('food'), details: foodDetails }),
      v.strictObject({ ...common, kind: v.literal('prescription'), details: prescriptionDetails }),
      v.strictObject({
        ...common,
        kind: v.literal('self_isolation_support'),
        details: supportDetails,
      }),
      v.strictObject({ ...common, kind: v.literal('other'), details: otherDetails }),
    ],
    missingOrInvalid,
  ),
  // Someone asking on another's behalf must say who they are; someone asking for themselves must not
  // send a second person's details.
  v.forward(
    v.partialCheck(
      [['for_someone_else'], ['requester']],
      (input) => input.for_someone_else === (input.requester !== null),
      'required',
    ),
    ['requester'],
  ),
);

export type Submission = v.InferOutput<typeof submissionSchema>;
export type SubmissionInput = v.InferInput<typeof submissionSchema>;

/** Field errors keyed by the question's name (`postcode`, `kind`, …), each an error code. */
export type FieldErrors = Record<string, string>;

export type SubmissionResult = { ok: true; value: Submission } | { ok: false; fields: FieldErrors };

export function parseSubmission(input: unknown): SubmissionResult {
  const result = v.safeParse(submissionSchema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, fields: issuesToFields(result.issues) };
}

/** The first issue per field wins: that is the one message GOV.UK's pattern shows beside it. */
export function issuesToFields(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  // A Map, not an object literal: a hostile key such as `__proto__` must stay an ordinary key.
  const out = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path ?? [];
    const names = path.map((p) => p.key).filter((k): k is string => typeof k === 'string');
    const last = names[names.length - 1] ?? '_';
    // The requester's answers are questions of their own (`requester_name`), not the resident's.
    const key = names[0] === 'requester' && names.length > 1 ? `requester_${last}` : last;
    // valibot reports a key the schema does not know as expecting `never`; a missing key has the
    // same issue type but expects the field's own schema, and keeps the field's message.
    const isKeyIssue = issue.type === 'strict_object' && path.length > 0;
    const code = !isKeyIssue
      ? issue.message
      : issue.expected === 'never'
        ? 'unknown_field'
        : 'required';
    if (!out.has(key)) out.set(key, code);
  }
  return Object.fromEntries(out);
}
