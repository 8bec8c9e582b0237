/**
 * One schema per question a resident answers. The form validates a page with the fields on it and
 * the server validates the whole request with the same schemas (request-schema.ts), so the two can
 * never disagree. Every message is a stable error code; the UI maps `errors.<field>.<code>` to text
 * in the user's language and the API returns the codes in `fields`.
 */
import * as v from 'valibot';
import { languages } from '../languages.ts';
import { normalisePhone, normalisePostcode, isUkPhone, isUkPostcode } from './contact-format.ts';

export const requestKinds = ['food', 'prescription', 'self_isolation_support', 'other'] as const;
export type RequestKind = (typeof requestKinds)[number];

export { languages, type Language } from '../languages.ts';

export const cookingFacilities = ['full_kitchen', 'microwave_only', 'kettle_only', 'none'] as const;
export const prescriptionReadiness = ['ready_now', 'ready_later', 'not_sure'] as const;
export const prescriptionPayment = ['nothing_to_pay', 'needs_paying', 'not_sure'] as const;
export const supportTasks = [
  'shopping',
  'check_in_call',
  'collecting_post',
  'dog_walking',
  'other',
] as const;
export const supportFrequency = ['once', 'weekly', 'few_times_a_week', 'daily'] as const;
export const contactMethods = ['phone_call', 'text_message', 'either'] as const;

/** `required` when there is no answer; `invalid` when there is one of the wrong type or value. */
export function missingOrInvalid(issue: v.BaseIssue<unknown>): string {
  const input = issue.input;
  return input === undefined || input === null || input === '' ? 'required' : 'invalid';
}

/** Free text: trimmed, control characters refused, bounded. `min` 0 allows an empty answer. */
export function text(
  min: number,
  max: number,
  typeMessage: v.ErrorMessage<v.StringIssue> = missingOrInvalid,
) {
  return v.pipe(
    v.string(typeMessage),
    v.trim(),
    v.check((s) => min === 0 || s.length > 0, 'required'),
    v.check((s) => s.length === 0 || s.length >= min, 'too_short'),
    v.maxLength(max, 'too_long'),
    // Every control character (C0, DEL and C1) except tab and line breaks.
    v.regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, 'invalid'),
  );
}

/** May be left out or empty; anything but a string (null included) is `invalid`. */
function optionalText(max: number) {
  return v.optional(text(0, max, 'invalid'), '');
}

function choice<const T extends readonly [string, ...string[]]>(options: T) {
  return v.picklist(options, missingOrInvalid);
}

/** A calendar date that exists: `2030-02-30` has the right shape but is not a day. */
function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export const fields = {
  // Who the request is for. Asking for someone else is a path of its own, not an afterthought.
  for_someone_else: v.boolean(missingOrInvalid),
  requester_name: text(1, 100),
  requester_phone: v.pipe(
    v.string(missingOrInvalid),
    v.trim(),
    v.nonEmpty('required'),
    v.check(isUkPhone, 'invalid'),
    v.transform(normalisePhone),
  ),
  requester_relationship: optionalText(100),

  kind: choice(requestKinds),

  // food
  household_size: v.pipe(
    v.number(missingOrInvalid),
    v.integer('invalid'),
    v.minValue(1, 'too_small'),
    v.maxValue(20, 'too_large'),
  ),
  dietary_needs: optionalText(500),
  cooking: choice(cookingFacilities),

  // prescription: never medicine names, only where and when
  pharmacy: text(2, 120),
  prescription_ready: choice(prescriptionReadiness),
  prescription_payment: choice(prescriptionPayment),

  // self-isolation support
  support_tasks: v.pipe(
    v.array(choice(supportTasks), missingOrInvalid),
    v.minLength(1, 'required'),
    v.maxLength(supportTasks.length, 'invalid'),
    v.check((a) => new Set(a).size === a.length, 'invalid'),
  ),
  support_other: optionalText(300),
  support_frequency: choice(supportFrequency),

  // other
  description: text(5, 1000),

  needed_by: v.pipe(
    v.string(missingOrInvalid),
    v.isoDate('invalid'),
    v.check(isRealDate, 'invalid'),
  ),

  // circumstances that raise urgency
  self_isolating: v.boolean('invalid'),
  shielding: v.boolean('invalid'),
  lives_alone: v.boolean('invalid'),
  no_food_today: v.boolean('invalid'),
  medicine_runs_out_days: v.nullable(
    v.pipe(
      v.number(missingOrInvalid),
      v.integer('invalid'),
      v.minValue(0, 'too_small'),
      v.maxValue(90, 'too_large'),
    ),
  ),

  // contact
  name: text(1, 100),
  phone: v.pipe(
    v.string(missingOrInvalid),
    v.trim(),
    v.nonEmpty('required'),
    v.check(isUkPhone, 'invalid'),
    v.transform(normalisePhone),
  ),
  address_line1: text(1, 120),
  address_line2: optionalText(120),
  town: text(1, 80),
  postcode: v.pipe(
    v.string(missingOrInvalid),
    v.trim(),
    v.nonEmpty('required'),
    v.check(isUkPostcode, 'invalid'),
    v.transform(normalisePostcode),
  ),
  contact_method: choice(contactMethods),
  access_needs: optionalText(500),
  language: choice(languages),
  consent_to_share: v.boolean(missingOrInvalid),
} as const;

export type FieldName = keyof typeof fields;
export type FieldValues = { [K in FieldName]: v.InferOutput<(typeof fields)[K]> };
export type FieldInputs = { [K in FieldName]: v.InferInput<(typeof fields)[K]> };
