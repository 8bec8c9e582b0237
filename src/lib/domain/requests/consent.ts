/**
 * Whether the resident agreed that the volunteer doing their task may see their contact (name,
 * address, phone, health details): docs/architecture.md, "Access", lets a volunteer read the contact
 * only "while assigned to them **and** the resident consented (or a coordinator recorded consent)".
 *
 * It lives on the request, not the contact: it is not personal data, and the access policy judges a
 * contact by its request (the server's routing index holds requests' routing fields, never a
 * contact's body). Who recorded it and when are the register's stamp (`fields_meta.consent`), so
 * they cannot disagree with it and every write of it names its writer (write-integrity.ts).
 *
 * `form` is the resident's own answer on the web form, and only the resident's: a member of staff
 * records what they heard by phone, in person or in writing, so the record never claims the resident
 * ticked a box they did not.
 */
import * as v from 'valibot';

export const consentMethods = ['form', 'phone', 'in_person', 'in_writing'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** How a member of staff may have heard the resident's answer. */
export const recordedMethods = ['phone', 'in_person', 'in_writing'] as const;
export type RecordedMethod = (typeof recordedMethods)[number];

export type Consent = { given: boolean; how: ConsentMethod };

export const consentSchema = v.strictObject(
  { given: v.boolean('invalid'), how: v.picklist(consentMethods, 'invalid') },
  'invalid',
);

export const isRecordedMethod = (value: unknown): value is RecordedMethod =>
  (recordedMethods as readonly unknown[]).includes(value);

/**
 * The resident (or a coordinator for them) agreed to share. Judged on whatever holds a request's
 * fields, a routing projection included; anything without a recorded `given: true` is a no, so a
 * document from before consent was recorded never shares a contact.
 */
export function hasConsent(request: { consent?: Partial<Consent> | null }): boolean {
  return request.consent?.given === true;
}

/** The resident's answer on the web form, as intake records it. */
export const formConsent = (consentToShare: boolean): Consent => ({
  given: consentToShare,
  how: 'form',
});

/** A consent as the history stores it (`given:phone`, `not_given:form`): an event value. */
export const consentValue = (c: Consent): string => `${c.given ? 'given' : 'not_given'}:${c.how}`;

/** Back from `consentValue`; null for anything else. */
export function parseConsentValue(value: string | null): Consent | null {
  const [state, how] = (value ?? '').split(':');
  if (state !== 'given' && state !== 'not_given') return null;
  if (!(consentMethods as readonly unknown[]).includes(how)) return null;
  return { given: state === 'given', how: how as ConsentMethod };
}
