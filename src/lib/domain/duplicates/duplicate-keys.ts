/**
 * What two requests must share to be taken for the same need: the resident's phone, their address
 * (address-key.ts), or their name with their postcode. Each is a key the read model can index, so a
 * device finds a request's possible duplicates with a lookup per key, never a scan. The phone of
 * someone asking on the resident's behalf is not a key: one daughter asking for both parents is two
 * requests, not one (their address or names will still match when it is one person twice).
 */
import type { ContactDoc } from '../requests/contact.ts';
import type { RequestDoc } from '../requests/request.ts';
import { nameKey, phoneKey, postcodeKey } from '../search/normal-forms.ts';
import { addressKey } from './address-key.ts';

export const matchFields = ['phone', 'address', 'name_postcode'] as const;
export type MatchField = (typeof matchFields)[number];

export type DuplicateKeys = Record<MatchField, string | null>;

export function duplicateKeys(contact: Pick<ContactDoc, 'contact'>): DuplicateKeys {
  const person = contact.contact;
  const postcode = postcodeKey(person.postcode);
  const name = nameKey(person.name);
  return {
    phone: phoneKey(person.phone),
    address: addressKey(person),
    name_postcode: postcode === null || name === '' ? null : `${postcode}|${name}`,
  };
}

/** A request as duplicate detection reads it: when it came in, and its keys. */
export type DuplicateCandidate = {
  id: string;
  reference: string;
  created_at: string;
  /** The request this one was marked a duplicate of, if any (mark-duplicate.ts). */
  duplicate_of?: string | undefined;
  keys: DuplicateKeys;
};

export function duplicateCandidate(
  request: Pick<RequestDoc, '_id' | 'reference' | 'created_at'> & { duplicate_of?: string },
  contact: Pick<ContactDoc, 'contact'>,
): DuplicateCandidate {
  return {
    id: request._id,
    reference: request.reference,
    created_at: request.created_at,
    duplicate_of: request.duplicate_of,
    keys: duplicateKeys(contact),
  };
}

/** The keys tagged by field (`phone:07700900123`), for one multi-entry index. */
export function taggedDuplicateKeys(keys: DuplicateKeys): string[] {
  return matchFields.flatMap((f) => {
    const key = keys[f];
    return key === null ? [] : [`${f}:${key}`];
  });
}
