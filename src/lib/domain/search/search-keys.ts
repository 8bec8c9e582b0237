/**
 * The keys a request is found by on a coordinator's device, made from the request and its contact
 * with the same normal forms a typed query goes through (normal-forms.ts), so the read model can
 * store them in indexes and answer a search offline with an index lookup, never a scan. The
 * resident's name and phone are keys, and so are those of whoever asked on their behalf, since
 * either may ring. A reader without the contact (a volunteer, read-access.ts) gets the request's
 * keys only: reference and district.
 */
import type { ContactDoc } from '../requests/contact.ts';
import type { RequestDoc } from '../requests/request.ts';
import { nameKeys, phoneKey, postcodeKey } from './normal-forms.ts';

export const searchKinds = ['reference', 'phone', 'postcode', 'district', 'name'] as const;
export type SearchKind = (typeof searchKinds)[number];

export type RequestSearchKeys = {
  reference: string;
  district: string;
  postcode: string | null;
  phones: string[];
  names: string[];
};

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
}

export function requestSearchKeys(
  request: Pick<RequestDoc, 'reference' | 'postcode_district'>,
  contact: Pick<ContactDoc, 'contact' | 'requester'> | null,
): RequestSearchKeys {
  const person = contact?.contact;
  const requester = contact?.requester ?? null;
  return {
    reference: request.reference,
    district: request.postcode_district,
    postcode: person ? postcodeKey(person.postcode) : null,
    phones: unique([
      person ? phoneKey(person.phone) : null,
      requester && phoneKey(requester.phone),
    ]),
    names: unique([...nameKeys(person?.name ?? ''), ...nameKeys(requester?.name ?? '')]),
  };
}

/** One key for one index of everything: the kind, a colon, the key (`phone:07700900123`). */
export function taggedKey(kind: SearchKind, key: string): string {
  return `${kind}:${key}`;
}

/** Every key of a request, tagged, for a single multi-entry index searched by prefix. */
export function taggedSearchKeys(keys: RequestSearchKeys): string[] {
  return [
    taggedKey('reference', keys.reference),
    taggedKey('district', keys.district),
    ...(keys.postcode === null ? [] : [taggedKey('postcode', keys.postcode)]),
    ...keys.phones.map((k) => taggedKey('phone', k)),
    ...keys.names.map((k) => taggedKey('name', k)),
  ];
}
