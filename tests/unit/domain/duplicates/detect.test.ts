/**
 * Duplicate detection: the same person typed two ways is found by phone, address or name with
 * postcode, within 14 days and not after, and the match says which fields matched.
 */
import { describe, expect, it } from 'vitest';
import { addressKey, streetKey } from '#domain/duplicates/address-key.ts';
import { allDuplicates, duplicatesOf } from '#domain/duplicates/detect.ts';
import {
  duplicateCandidate,
  duplicateKeys,
  taggedDuplicateKeys,
} from '#domain/duplicates/duplicate-keys.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { contactFor, request } from '../../../support/factories.ts';

type Person = Partial<ContactDoc['contact']>;

const day = 86_400_000;
const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * day).toISOString();

function made(person: Person, createdAt?: string, duplicateOf?: string) {
  const doc: RequestDoc = request();
  const contact = contactFor(doc);
  const r = { ...doc, created_at: createdAt ?? doc.created_at };
  return duplicateCandidate(duplicateOf === undefined ? r : { ...r, duplicate_of: duplicateOf }, {
    contact: { ...contact.contact, ...person },
  });
}

const sian: Person = {
  name: 'Siân Pritchard',
  phone: '07700 900123',
  address_line1: '12 Heol y Felin',
  postcode: 'SA31 1AA',
};

describe('address keys', () => {
  it('writes common street abbreviations out, English and Welsh, and drops punctuation', () => {
    expect(streetKey('12a, High St.')).toBe('12a high street');
    expect(streetKey('Flat 2, 4 Maes-y-Dre Rd')).toBe('flat 2 4 maes y dre road');
    expect(streetKey('3 Hl y Felin')).toBe(streetKey('3 HEOL Y FELIN'));
    expect(addressKey({ address_line1: '1 Park Ave', postcode: 'cf101aa' })).toBe(
      'CF10 1AA|1 park avenue',
    );
  });

  it('gives no key without a whole postcode or a first line', () => {
    expect(addressKey({ address_line1: '1 High Street', postcode: 'CF10' })).toBe(null);
    expect(addressKey({ address_line1: ' , ', postcode: 'CF10 1AA' })).toBe(null);
  });
});

describe('duplicatesOf', () => {
  it('matches the same person typed differently on every field, and says so', () => {
    const web = made(sian);
    const phone = made(
      {
        name: 'SIAN PRITCHARD',
        phone: '+44 7700 900123',
        address_line1: '12 Hl y Felin',
        postcode: 'sa311aa',
      },
      later(web.created_at, 2),
    );
    expect(duplicatesOf(web, [phone])).toEqual([
      { id: phone.id, reference: phone.reference, fields: ['phone', 'address', 'name_postcode'] },
    ]);
    expect(duplicatesOf(phone, [web])[0]?.fields).toEqual(['phone', 'address', 'name_postcode']);
  });

  it('matches on any one field alone', () => {
    const a = made(sian);
    const byPhone = made({ name: 'Rhys', address_line1: '1 Other Rd', phone: '07700900123' });
    const byAddress = made({
      name: 'Rhys',
      phone: '01970 000000',
      address_line1: '12 heol y felin',
      postcode: 'SA31 1AA',
    });
    const byName = made({
      name: 'sian pritchard',
      phone: '01970 000001',
      address_line1: 'Fferm Ucha',
      postcode: 'SA31 1AA',
    });
    const fields = duplicatesOf(a, [byPhone, byAddress, byName]).map((m) => m.fields);
    expect(fields).toEqual([['phone'], ['address'], ['name_postcode']]);
  });

  it('does not take the same name in another postcode, nor the requester’s phone, for a match', () => {
    const a = made(sian);
    const b = made({
      ...sian,
      phone: '01970 111111',
      address_line1: '1 Stryd Fawr',
      postcode: 'LL55 1AA',
    });
    expect(duplicatesOf(a, [b])).toEqual([]);
  });

  it('flags within 14 days either way, and not after', () => {
    const a = made(sian);
    const inside = made(sian, later(a.created_at, 14));
    const before = made(sian, later(a.created_at, -14));
    const outside = made(sian, later(a.created_at, 14.01));
    expect(duplicatesOf(a, [outside, inside, before]).map((m) => m.id)).toEqual([
      before.id,
      inside.id,
    ]);
  });

  it('ignores the request itself, repeats, and a pair already marked duplicate', () => {
    const a = made(sian);
    const marked = made(sian, undefined, a.id);
    expect(duplicatesOf(a, [a, marked, marked])).toEqual([]);
    expect(duplicatesOf(marked, [a])).toEqual([]);
  });

  it('keys each field once, tagged, for the read model', () => {
    const keys = duplicateKeys({ contact: { ...contactFor(request()).contact, ...sian } });
    expect(taggedDuplicateKeys(keys)).toEqual([
      'phone:07700900123',
      'address:SA31 1AA|12 heol y felin',
      'name_postcode:SA31 1AA|sian pritchard',
    ]);
  });
});

describe('allDuplicates', () => {
  it('flags both of each pair and leaves the rest alone', () => {
    const a = made(sian);
    const b = made({ ...sian, name: 'S Pritchard', address_line1: 'Other', phone: '07700900123' });
    const c = made({
      name: 'Rhys',
      phone: '01970 000000',
      address_line1: 'Elsewhere',
      postcode: 'CF10 1AA',
    });
    const flagged = allDuplicates([a, b, c]);
    expect([...flagged.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(flagged.get(a.id)).toEqual([{ id: b.id, reference: b.reference, fields: ['phone'] }]);
  });
});
