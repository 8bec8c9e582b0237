/**
 * A request being written: the answers as the form holds them (numbers as typed, so "3 a" can be
 * shown back with its error), and the conversions to what the domain schemas check. Pure, so the
 * same rules are unit-tested without a browser.
 */
import * as v from 'valibot';
import { fields, type FieldName, type Language } from '#domain/questions/request-fields.ts';
import {
  issuesToFields,
  parseSubmission,
  type FieldErrors,
  type SubmissionResult,
} from '#domain/questions/request-schema.ts';

type Text = string | undefined;

export type DraftValues = {
  /** Made when the first answer is saved; the server stores one request per id. */
  client_id?: string;
  for_someone_else?: boolean;
  requester_name?: Text;
  requester_phone?: Text;
  requester_relationship?: Text;
  kind?: Text;
  household_size?: Text;
  dietary_needs?: Text;
  cooking?: Text;
  pharmacy?: Text;
  prescription_ready?: Text;
  prescription_payment?: Text;
  support_tasks?: string[];
  support_other?: Text;
  support_frequency?: Text;
  description?: Text;
  needed_by?: Text;
  /** Which of the offered choices was picked (`today`, `tomorrow`…); `needed_by` holds its date. */
  needed_by_choice?: Text;
  self_isolating?: boolean;
  shielding?: boolean;
  lives_alone?: boolean;
  no_food_today?: boolean;
  medicine_running_out?: boolean;
  medicine_runs_out_days?: Text;
  name?: Text;
  phone?: Text;
  address_line1?: Text;
  address_line2?: Text;
  town?: Text;
  postcode?: Text;
  contact_method?: Text;
  access_needs?: Text;
  language?: Text;
  consent_to_share?: boolean;
};

const numberFields = new Set<FieldName>(['household_size', 'medicine_runs_out_days']);
const flagFields = new Set<FieldName>([
  'self_isolating',
  'shielding',
  'lives_alone',
  'no_food_today',
]);
const optionalTextFields = new Set<FieldName>([
  'requester_relationship',
  'dietary_needs',
  'support_other',
  'address_line2',
  'access_needs',
]);

/** The value of one answer as the domain schema expects it. */
export function fieldInput(field: FieldName, d: DraftValues): unknown {
  if (field === 'medicine_runs_out_days' && !d.medicine_running_out) return null;
  if (field === 'support_other' && !(d.support_tasks ?? []).includes('other')) return '';
  if (flagFields.has(field)) return d[field as keyof DraftValues] ?? false;
  const raw = d[field as keyof DraftValues];
  if (numberFields.has(field)) return toNumber(raw as Text);
  if (optionalTextFields.has(field)) return raw ?? '';
  return raw;
}

function toNumber(raw: Text): number | undefined {
  const s = (raw ?? '').trim();
  return s === '' ? undefined : Number(s);
}

export function validateFields(names: readonly FieldName[], d: DraftValues): FieldErrors {
  const errors: FieldErrors = {};
  const entries: Record<string, v.GenericSchema> = {};
  const input: Record<string, unknown> = {};
  for (const name of names) {
    const value = fieldInput(name, d);
    // Typed but not a number: say so, rather than "enter a number".
    if (typeof value === 'number' && !Number.isFinite(value)) errors[name] = 'invalid';
    entries[name] = fields[name] as v.GenericSchema;
    input[name] = value;
  }
  const result = v.safeParse(v.object(entries), input, { abortPipeEarly: true });
  const found = result.success ? {} : issuesToFields(result.issues);
  return { ...found, ...errors };
}

export function buildSubmission(d: DraftValues, id: string, lang: Language): SubmissionResult {
  const forSomeoneElse = d.for_someone_else === true;
  const kind = d.kind;
  const details = {
    food: ['household_size', 'dietary_needs', 'cooking'],
    prescription: ['pharmacy', 'prescription_ready', 'prescription_payment'],
    self_isolation_support: ['support_tasks', 'support_other', 'support_frequency'],
    other: ['description'],
  }[kind ?? ''] as FieldName[] | undefined;
  const pick = (names: readonly FieldName[]) =>
    Object.fromEntries(names.map((n) => [n, fieldInput(n, d)]));
  return parseSubmission({
    id,
    lang,
    for_someone_else: d.for_someone_else,
    requester: forSomeoneElse
      ? {
          name: d.requester_name,
          phone: d.requester_phone,
          relationship: d.requester_relationship ?? '',
        }
      : null,
    kind,
    details: pick(details ?? []),
    needed_by: d.needed_by,
    circumstances: pick([
      'self_isolating',
      'shielding',
      'lives_alone',
      'no_food_today',
      'medicine_runs_out_days',
    ]),
    contact: pick([
      'name',
      'phone',
      'address_line1',
      'address_line2',
      'town',
      'postcode',
      'contact_method',
      'access_needs',
      'language',
      'consent_to_share',
    ]),
  });
}
