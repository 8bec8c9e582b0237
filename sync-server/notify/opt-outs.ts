/**
 * Numbers whose owners replied STOP, in the server-only database, never replicated. The id is a
 * hash of the number as the form stores it (`sms-stop:<sha-256>`), since no id may hold personal
 * data (docs/architecture.md, "Access"); the document holds only when. A second STOP changes
 * nothing; one after a deletion (were replying START ever to remove it) is kept again.
 */
import { createHash } from 'node:crypto';
import { normalisePhone } from '#domain/questions/contact-format.ts';
import type { DocStore, MutableDocStore } from '../storage/storage.ts';

export const optOutPrefix = 'sms-stop:';

export const optOutId = (phone: string) =>
  `${optOutPrefix}${createHash('sha256')
    .update(`cymorth-sms:${normalisePhone(phone)}`)
    .digest('hex')}`;

export async function recordOptOut(
  store: MutableDocStore,
  phone: string,
  now: Date,
): Promise<void> {
  await store.putUnlessLive({ _id: optOutId(phone), type: 'sms_opt_out', at: now.toISOString() });
}

export async function hasOptedOut(store: DocStore, phone: string): Promise<boolean> {
  return (await store.get(optOutId(phone))) !== null;
}
