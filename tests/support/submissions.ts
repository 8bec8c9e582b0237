/**
 * Valid raw submissions, one per kind, as a phone would send them (untyped JSON), and complete
 * resident drafts for the same four kinds. Tests vary these rather than writing their own, so a
 * schema change shows up in one place.
 */
import type { RequestKind } from '#domain/questions/request-fields.ts';
import type { DraftValues } from '$lib/resident/draft-values.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const sampleId = '3b241101-e2bb-4255-8caf-4136c566a962';

/** The personal details used below, to search stored documents for. */
export const person = {
  name: 'Siân Jones',
  phone: '+44 7700 900982',
  phoneStored: '07700900982',
  address_line1: '12 Ffordd Llanbadarn',
  address_line2: 'Penparcau',
  town: 'Aberystwyth',
  postcode: 'sy23 1aa',
  postcodeStored: 'SY23 1AA',
  district: 'SY23',
  access_needs: 'Trwm fy nghlyw',
  requester_name: 'Gareth Davies',
  requester_phone: '029 2018 0000',
  requester_phoneStored: '02920180000',
  requester_relationship: 'Cymydog',
} as const;

const detailsByKind: Record<RequestKind, JsonObject> = {
  food: { household_size: 2, dietary_needs: 'Llysieuol', cooking: 'microwave_only' },
  prescription: {
    pharmacy: 'Fferyllfa Stryd Fawr',
    prescription_ready: 'ready_now',
    prescription_payment: 'nothing_to_pay',
  },
  self_isolation_support: {
    support_tasks: ['shopping', 'other'],
    support_other: 'Postio llythyr',
    support_frequency: 'weekly',
  },
  other: { description: 'Help i ddarllen llythyr' },
};

export function rawSubmission(kind: RequestKind, overrides: JsonObject = {}): JsonObject {
  return {
    id: sampleId,
    lang: 'cy',
    kind,
    for_someone_else: false,
    requester: null,
    needed_by: '2030-01-15',
    circumstances: {
      self_isolating: false,
      shielding: false,
      lives_alone: true,
      no_food_today: false,
      medicine_runs_out_days: null,
    },
    contact: {
      name: person.name,
      phone: person.phone,
      address_line1: person.address_line1,
      address_line2: person.address_line2,
      town: person.town,
      postcode: person.postcode,
      contact_method: 'phone_call',
      access_needs: person.access_needs,
      language: 'cy',
      consent_to_share: true,
    },
    details: structuredClone(detailsByKind[kind]),
    ...overrides,
  };
}

export function onBehalfSubmission(kind: RequestKind = 'food'): JsonObject {
  return rawSubmission(kind, {
    for_someone_else: true,
    requester: {
      name: person.requester_name,
      phone: person.requester_phone,
      relationship: person.requester_relationship,
    },
  });
}

/** A copy with the value at `path` replaced, or removed when `value` is undefined. */
export function withPath(base: Json, path: readonly string[], value: Json | undefined): Json {
  const copy = structuredClone(base);
  let node = copy as JsonObject;
  for (const key of path.slice(0, -1)) node = node[key] as JsonObject;
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const draftDetails: Record<RequestKind, DraftValues> = {
  food: { household_size: '3', dietary_needs: '', cooking: 'full_kitchen' },
  prescription: {
    pharmacy: 'Fferyllfa Penparcau',
    prescription_ready: 'ready_later',
    prescription_payment: 'not_sure',
  },
  self_isolation_support: { support_tasks: ['check_in_call'], support_frequency: 'daily' },
  other: { description: 'Newid bwlb golau yn y gegin' },
};

/** Every question answered, as the form holds the answers (numbers as typed text). */
export function completeDraft(kind: RequestKind, overrides: DraftValues = {}): DraftValues {
  return {
    client_id: sampleId,
    for_someone_else: false,
    kind,
    ...draftDetails[kind],
    needed_by: '2030-01-15',
    needed_by_choice: 'tomorrow',
    self_isolating: true,
    medicine_running_out: false,
    name: person.name,
    phone: person.phone,
    address_line1: person.address_line1,
    town: person.town,
    postcode: person.postcode,
    contact_method: 'either',
    language: 'en',
    consent_to_share: false,
    ...overrides,
  };
}
