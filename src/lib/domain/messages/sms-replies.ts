/**
 * Texts residents send back. Notify forwards each one (its received-text callback) with the
 * sender's number in international form without a plus (`447700900111`); a reply whose first word
 * is STOP, or the Welsh STOPIO, stops every message to that number. Anything else is not ours to
 * read: the reply is not kept.
 */
import { normalisePhone } from '../questions/contact-format.ts';

export function isStopReply(message: string): boolean {
  return /^\s*(stop|stopio)(?![\p{L}\p{N}])/iu.test(message);
}

/** `447700900111` (Notify's form), `+447700900111` or `07700900111` → `07700900111`. */
export function phoneOfSender(sourceNumber: string): string {
  const digits = sourceNumber.replace(/[\s\-().]/g, '');
  return /^44[1-9]\d{8,9}$/.test(digits) ? `0${digits.slice(2)}` : normalisePhone(digits);
}
