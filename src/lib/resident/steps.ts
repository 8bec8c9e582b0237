/**
 * The resident's questions, one thing per page (GOV.UK "question pages"), in order. A step is shown
 * when its `when` holds for the answers so far; its controls say how each answer is asked. Text
 * for step `x` lives under `request.<key>` in the locales.
 */
import {
  contactMethods,
  cookingFacilities,
  languages,
  prescriptionPayment,
  prescriptionReadiness,
  requestKinds,
  supportFrequency,
  supportTasks,
  type FieldName,
} from '#domain/questions/request-fields.ts';
import type { DraftValues } from './draft-values.ts';

export type Control =
  | { type: 'radios'; field: FieldName; options: readonly string[]; hints?: readonly string[] }
  | {
      type: 'yes-no';
      field: FieldName;
      /** Welsh answers echo the question's verb ("Cewch" / "Na chewch"): every pair is the question's own. */
      labels: { yes: string; no: string };
      hints?: { no?: string; yes?: string };
    }
  | {
      type: 'text' | 'tel' | 'number' | 'textarea';
      field: FieldName;
      optional?: boolean;
      autocomplete?: string;
      width?: 'short' | 'medium';
    }
  | {
      type: 'checkboxes';
      field: 'support_tasks';
      options: readonly string[];
      other: 'support_other';
    }
  | { type: 'circumstances' }
  | { type: 'needed-by' };

export type Step = {
  id: string;
  /** Locale key under `request.` */
  key: string;
  controls: readonly Control[];
  /** Fields validated when the page is submitted. */
  fields: readonly FieldName[];
  when?: (d: DraftValues) => boolean;
  /** The page has a heading of its own and several labelled fields below it. */
  grouped?: boolean;
};

const isKind = (kind: string) => (d: DraftValues) => d.kind === kind;
const single = (
  id: string,
  key: string,
  control: Control & { field: FieldName },
  when?: Step['when'],
): Step => ({
  id,
  key,
  controls: [control],
  fields: [control.field],
  when,
});

export const steps: readonly Step[] = [
  single('who', 'who', {
    type: 'yes-no',
    field: 'for_someone_else',
    labels: { no: 'request.who.options.self', yes: 'request.who.options.someone_else' },
    hints: { yes: 'request.who.options.someone_else_hint' },
  }),
  {
    id: 'requester',
    key: 'requester',
    grouped: true,
    when: (d) => d.for_someone_else === true,
    fields: ['requester_name', 'requester_phone', 'requester_relationship'],
    controls: [
      { type: 'text', field: 'requester_name', autocomplete: 'name' },
      { type: 'tel', field: 'requester_phone', autocomplete: 'tel', width: 'medium' },
      { type: 'text', field: 'requester_relationship', optional: true },
    ],
  },
  single('kind', 'kind', {
    type: 'radios',
    field: 'kind',
    options: requestKinds,
    hints: ['food', 'prescription', 'self_isolation_support'],
  }),
  single(
    'household',
    'household',
    { type: 'number', field: 'household_size', width: 'short' },
    isKind('food'),
  ),
  single(
    'diet',
    'diet',
    { type: 'textarea', field: 'dietary_needs', optional: true },
    isKind('food'),
  ),
  single(
    'cooking',
    'cooking',
    { type: 'radios', field: 'cooking', options: cookingFacilities },
    isKind('food'),
  ),
  single('pharmacy', 'pharmacy', { type: 'text', field: 'pharmacy' }, isKind('prescription')),
  single(
    'prescription-ready',
    'prescription_ready',
    { type: 'radios', field: 'prescription_ready', options: prescriptionReadiness },
    isKind('prescription'),
  ),
  single(
    'prescription-payment',
    'prescription_payment',
    { type: 'radios', field: 'prescription_payment', options: prescriptionPayment },
    isKind('prescription'),
  ),
  {
    id: 'support-tasks',
    key: 'support_tasks',
    when: isKind('self_isolation_support'),
    fields: ['support_tasks', 'support_other'],
    controls: [
      { type: 'checkboxes', field: 'support_tasks', options: supportTasks, other: 'support_other' },
    ],
  },
  single(
    'support-frequency',
    'support_frequency',
    { type: 'radios', field: 'support_frequency', options: supportFrequency },
    isKind('self_isolation_support'),
  ),
  single('description', 'description', { type: 'textarea', field: 'description' }, isKind('other')),
  { id: 'needed-by', key: 'needed_by', fields: ['needed_by'], controls: [{ type: 'needed-by' }] },
  {
    id: 'circumstances',
    key: 'circumstances',
    fields: [
      'self_isolating',
      'shielding',
      'lives_alone',
      'no_food_today',
      'medicine_runs_out_days',
    ],
    controls: [{ type: 'circumstances' }],
  },
  single('name', 'name', { type: 'text', field: 'name', autocomplete: 'name' }),
  single('phone', 'phone', { type: 'tel', field: 'phone', autocomplete: 'tel', width: 'medium' }),
  {
    id: 'address',
    key: 'address',
    grouped: true,
    fields: ['address_line1', 'address_line2', 'town', 'postcode'],
    controls: [
      { type: 'text', field: 'address_line1', autocomplete: 'address-line1' },
      { type: 'text', field: 'address_line2', optional: true, autocomplete: 'address-line2' },
      { type: 'text', field: 'town', autocomplete: 'address-level2', width: 'medium' },
      { type: 'text', field: 'postcode', autocomplete: 'postal-code', width: 'short' },
    ],
  },
  single('contact-method', 'contact_method', {
    type: 'radios',
    field: 'contact_method',
    options: contactMethods,
  }),
  single('access-needs', 'access_needs', {
    type: 'textarea',
    field: 'access_needs',
    optional: true,
  }),
  single('language', 'language', { type: 'radios', field: 'language', options: languages }),
  single('consent', 'consent', {
    type: 'yes-no',
    field: 'consent_to_share',
    labels: { yes: 'request.consent.options.yes', no: 'request.consent.options.no' },
  }),
];

export function findStep(id: string): Step | undefined {
  return steps.find((s) => s.id === id);
}

export function applicableSteps(d: DraftValues): Step[] {
  return steps.filter((s) => !s.when || s.when(d));
}

/** The step after `id` for these answers, or null when the next page is "check your answers". */
export function nextStep(id: string, d: DraftValues): Step | null {
  const list = applicableSteps(d);
  const i = list.findIndex((s) => s.id === id);
  return list[i + 1] ?? null;
}

export function previousStep(id: string, d: DraftValues): Step | null {
  const list = applicableSteps(d);
  const i = list.findIndex((s) => s.id === id);
  return i > 0 ? (list[i - 1] ?? null) : null;
}
