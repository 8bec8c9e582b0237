/**
 * The whole decision, for the server's follower and its sender alike: does this request, as it is
 * now, owe its resident a message, in which language, to where? Everything it needs is passed in
 * (the contact, whether the number replied STOP, the time), so the server's two moments of
 * judging (when it queues and again when it sends) judge by one rule.
 */
import type { Language } from '../languages.ts';
import type { ContactDoc } from '../requests/contact.ts';
import type { RequestDoc } from '../requests/request.ts';
import { isRecipient, recipientOf, type NoRecipient, type Recipient } from './recipient.ts';
import {
  isTimely,
  messageDue,
  personalisationOf,
  type ResidentMessage,
} from './resident-messages.ts';

export type MessageToSend = {
  send: true;
  message: ResidentMessage;
  key: string;
  /** The resident's language for everything sent to them (the request's `language`). */
  language: Language;
  recipient: Recipient;
  personalisation: { reference: string };
};

export type NothingToSend = {
  send: false;
  why: 'no_moment' | 'too_late' | 'no_contact' | NoRecipient;
};

type Decided = Pick<
  RequestDoc,
  'status' | 'outcome' | 'created_at' | 'fields_meta' | 'reference' | 'language'
>;

export function messageToSend(
  request: Decided,
  contact: Pick<ContactDoc, 'contact'> | null,
  optedOut: boolean,
  now: Date,
): MessageToSend | NothingToSend {
  const due = messageDue(request);
  if (due === null) return { send: false, why: 'no_moment' };
  if (!isTimely(due, now)) return { send: false, why: 'too_late' };
  if (contact === null) return { send: false, why: 'no_contact' };
  const recipient = recipientOf(contact, optedOut);
  if (!isRecipient(recipient)) return { send: false, why: recipient };
  return {
    send: true,
    message: due.message,
    key: due.key,
    language: request.language,
    recipient,
    personalisation: personalisationOf(request),
  };
}
