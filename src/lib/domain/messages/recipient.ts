/**
 * Who may be sent a message about a request, and how. Texts need the resident's own word: their
 * answer to "How should we contact you?" (questions/request-fields.ts `contact_method`) is the
 * consent, and a resident who wants no messages answers "Phone call" there, so the form asks
 * nothing new. "Text message" and "Either is fine" agree to texts; the number must be a mobile
 * (a landline cannot take one); and a number whose owner replied STOP is never texted again
 * (sms-replies.ts). The form asks for no email address, so no email is sent.
 */
import { isUkMobile } from '../questions/contact-format.ts';
import type { ContactDoc } from '../requests/contact.ts';

export type Recipient = { channel: 'sms'; phone: string };
export type NoRecipient = 'no_consent' | 'not_mobile' | 'opted_out';

/** The resident said texts are fine (`text_message` or `either`). */
export function agreesToTexts(contact: Pick<ContactDoc, 'contact'>): boolean {
  const method = contact.contact.contact_method;
  return method === 'text_message' || method === 'either';
}

/** Where to send, or why not. `optedOut`: the number replied STOP (the server keeps that). */
export function recipientOf(
  contact: Pick<ContactDoc, 'contact'>,
  optedOut: boolean,
): Recipient | NoRecipient {
  if (!agreesToTexts(contact)) return 'no_consent';
  if (!isUkMobile(contact.contact.phone)) return 'not_mobile';
  if (optedOut) return 'opted_out';
  return { channel: 'sms', phone: contact.contact.phone };
}

export const isRecipient = (r: Recipient | NoRecipient): r is Recipient => typeof r !== 'string';
