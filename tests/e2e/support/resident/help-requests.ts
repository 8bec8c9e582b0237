/**
 * Data factories: a resident's request as the answers they would give, one factory per kind of
 * help. Tests say only what matters to them (`foodForMyself({ neededBy: 'today' })`); the rest is
 * plausible, valid and Welsh-flavoured. Values are plain data; the journey (journey.spec.ts) turns them
 * into clicks and key presses in either language.
 */
import type { Lang } from './locales.ts';

export type NeededBy = 'today' | 'tomorrow' | 'few_days' | 'week';
export type Circumstance =
  'self_isolating' | 'shielding' | 'lives_alone' | 'no_food_today' | 'medicine_running_out';
export type SupportTask =
  'shopping' | 'check_in_call' | 'collecting_post' | 'dog_walking' | 'other';

export type Help =
  | {
      kind: 'food';
      householdSize: number;
      dietaryNeeds: string;
      cooking: 'full_kitchen' | 'microwave_only' | 'kettle_only' | 'none';
    }
  | {
      kind: 'prescription';
      pharmacy: string;
      ready: 'ready_now' | 'ready_later' | 'not_sure';
      payment: 'nothing_to_pay' | 'needs_paying' | 'not_sure';
    }
  | {
      kind: 'self_isolation_support';
      tasks: SupportTask[];
      otherTask: string;
      frequency: 'once' | 'weekly' | 'few_times_a_week' | 'daily';
    }
  | { kind: 'other'; description: string };

export type Requester = { name: string; phone: string; relationship: string };

export type HelpRequest = {
  /** Null when the resident asks for themselves. */
  requester: Requester | null;
  help: Help;
  neededBy: NeededBy;
  circumstances: Circumstance[];
  /** Asked only when `medicine_running_out` is among the circumstances. */
  medicineRunsOutDays: number | null;
  name: string;
  phone: string;
  address: { line1: string; line2: string; town: string; postcode: string };
  contactMethod: 'phone_call' | 'text_message' | 'either';
  accessNeeds: string;
  language: Lang;
  consent: boolean;
};

const base = (): Omit<HelpRequest, 'help'> => ({
  requester: null,
  neededBy: 'tomorrow',
  circumstances: ['self_isolating', 'lives_alone'],
  medicineRunsOutDays: null,
  name: 'Siân Prydderch',
  phone: '07700 900982',
  address: { line1: '12 Heol y Frenhines', line2: '', town: 'Aberystwyth', postcode: 'sy23 3dy' },
  contactMethod: 'phone_call',
  accessNeeds: '',
  language: 'cy',
  consent: true,
});

export function foodForMyself(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    ...base(),
    help: { kind: 'food', householdSize: 2, dietaryNeeds: 'Llysieuol', cooking: 'microwave_only' },
    ...overrides,
  };
}

export function prescriptionForSomeoneElse(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    ...base(),
    requester: { name: 'Gareth Davies', phone: '029 2018 0000', relationship: 'Neighbour' },
    help: {
      kind: 'prescription',
      pharmacy: 'High Street Pharmacy, Llandeilo',
      ready: 'ready_now',
      payment: 'nothing_to_pay',
    },
    circumstances: ['shielding', 'medicine_running_out'],
    medicineRunsOutDays: 2,
    name: 'Margaret Evans',
    phone: '01558 823 000',
    address: {
      line1: '3 Rhosmaen Street',
      line2: 'Flat 2',
      town: 'Llandeilo',
      postcode: 'SA19 6EN',
    },
    contactMethod: 'either',
    accessNeeds: 'Hard of hearing, please knock loudly',
    language: 'en',
    ...overrides,
  };
}

export function supportWhileIsolating(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    ...base(),
    help: {
      kind: 'self_isolation_support',
      tasks: ['shopping', 'dog_walking', 'other'],
      otherTask: 'Rhoi dŵr i’r planhigion',
      frequency: 'few_times_a_week',
    },
    neededBy: 'few_days',
    contactMethod: 'text_message',
    ...overrides,
  };
}

export function somethingElse(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    ...base(),
    help: { kind: 'other', description: 'Help to read a letter from the council' },
    neededBy: 'week',
    circumstances: [],
    language: 'en',
    consent: false,
    ...overrides,
  };
}
