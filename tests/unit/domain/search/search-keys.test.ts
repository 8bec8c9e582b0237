/**
 * The keys a request is stored under: the request's own, the resident's and the requester's, and
 * only the request's when the reader may not see the contact.
 */
import { describe, expect, it } from 'vitest';
import { requestSearchKeys, taggedSearchKeys } from '#domain/search/search-keys.ts';
import { contactFor, request } from '../../../support/factories.ts';

describe('requestSearchKeys', () => {
  const doc = request();
  const contact = contactFor(doc);

  it('keys the reference, district, postcode, phone and name in their normal forms', () => {
    const keys = requestSearchKeys(doc, {
      ...contact,
      contact: { ...contact.contact, name: 'Siân Ŵyn', phone: '07700900123', postcode: 'CF10 1AA' },
    });
    expect(keys).toEqual({
      reference: doc.reference,
      district: doc.postcode_district,
      postcode: 'CF10 1AA',
      phones: ['07700900123'],
      names: ['sian wyn', 'wyn'],
    });
    expect(taggedSearchKeys(keys)).toEqual([
      `reference:${doc.reference}`,
      `district:${doc.postcode_district}`,
      'postcode:CF10 1AA',
      'phone:07700900123',
      'name:sian wyn',
      'name:wyn',
    ]);
  });

  it('keys whoever asked on the resident’s behalf too, once each', () => {
    const keys = requestSearchKeys(doc, {
      contact: { ...contact.contact, name: 'Ann Hughes', phone: '01970 123456' },
      requester: { name: 'Rhys Hughes', phone: '+44 1970 123456', relationship: 'son' },
    });
    expect(keys.phones).toEqual(['01970123456']);
    expect(keys.names).toEqual(['ann hughes', 'hughes', 'rhys hughes']);
  });

  it('gives only the request’s keys without the contact', () => {
    expect(requestSearchKeys(doc, null)).toEqual({
      reference: doc.reference,
      district: doc.postcode_district,
      postcode: null,
      phones: [],
      names: [],
    });
  });
});
