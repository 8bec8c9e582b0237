/**
 * Valid submissions for the integration tests, one per kind, and a way to vary them. Every test
 * builds on these, so a change to the domain schema shows up as a failing test here first.
 */
import { randomUUID } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function foodSubmission(overrides: Record<string, Json> = {}): Record<string, Json> {
  return {
    id: randomUUID(),
    lang: 'cy',
    kind: 'food',
    for_someone_else: false,
    requester: null,
    needed_by: '2030-01-15',
    circumstances: {
      self_isolating: true,
      shielding: false,
      lives_alone: true,
      no_food_today: false,
      medicine_runs_out_days: null,
    },
    contact: {
      name: 'Siân Jones',
      phone: '07700 900982',
      address_line1: '12 Heol y Frenhines',
      address_line2: '',
      town: 'Caerdydd',
      postcode: 'cf10 1aa',
      contact_method: 'phone_call',
      access_needs: '',
      language: 'cy',
      consent_to_share: true,
    },
    details: { household_size: 2, dietary_needs: 'Llysieuol', cooking: 'microwave_only' },
    ...overrides,
  };
}

export function onBehalfSubmission(): Record<string, Json> {
  return foodSubmission({
    for_someone_else: true,
    requester: { name: 'Gareth Davies', phone: '+44 29 2018 0000', relationship: 'cymydog' },
  });
}

export function prescriptionSubmission(): Record<string, Json> {
  return foodSubmission({
    kind: 'prescription',
    details: {
      pharmacy: 'Fferyllfa Stryd Fawr',
      prescription_ready: 'ready_now',
      prescription_payment: 'nothing_to_pay',
    },
  });
}

export function supportSubmission(): Record<string, Json> {
  return foodSubmission({
    kind: 'self_isolation_support',
    details: {
      support_tasks: ['shopping', 'dog_walking'],
      support_other: '',
      support_frequency: 'weekly',
    },
  });
}

export function otherSubmission(): Record<string, Json> {
  return foodSubmission({ kind: 'other', details: { description: 'Help to read a letter' } });
}

/** A copy with `path` (e.g. `['contact', 'postcode']`) set to `value`, or removed if undefined. */
export function withField(
  base: Record<string, Json>,
  path: readonly string[],
  value: Json | undefined,
): Record<string, Json> {
  const copy = structuredClone(base);
  let node: Record<string, Json> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
