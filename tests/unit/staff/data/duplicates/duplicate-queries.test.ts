import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { duplicatesAmong, duplicatesFor } from '$lib/staff/data/duplicates/duplicate-queries.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { contactFor, request } from '../../../../support/factories.ts';
import { readModelsWithDb } from '../read-models.ts';

const modelWith = readModelsWithDb('dups');

/** A request and its contact, the resident's details changed by `person`. */
function asked(person: Partial<ContactDoc['contact']>, at = '2030-01-10T09:00:00.000Z') {
  const r: RequestDoc = { ...request(), created_at: at };
  const c = contactFor(r);
  return [r, { ...c, contact: { ...c.contact, ...person } } as ContactDoc] as const;
}

const someoneElse = {
  name: 'Gwenllian Prys',
  phone: '01970 611 000',
  address_line1: '2 Heol y Bont',
  postcode: 'SY23 1AB',
};

describe('possible duplicates, through the read model', () => {
  it('finds the request sharing a phone written another way, on both, with the field', async () => {
    const [a, ca] = asked({
      ...someoneElse,
      name: 'Aled Rees',
      phone: '+44 7700 900123',
      address_line1: '1 Stryd',
    });
    const [b, cb] = asked({ phone: '07700-900123' });
    const [c, cc] = asked(someoneElse);
    const { model } = await modelWith([a, ca, b, cb, c, cc]);
    expect(await duplicatesFor(model, a._id)).toEqual([
      { id: b._id, reference: b.reference, fields: ['phone'] },
    ]);
    expect((await duplicatesFor(model, b._id)).map((m) => m.id)).toEqual([a._id]);
    const flagged = await duplicatesAmong(model, [a._id, b._id, c._id]);
    expect([...flagged.keys()].sort()).toEqual([a._id, b._id].sort());
  });

  it('matches a street abbreviated and a name with its accent, not one past 14 days', async () => {
    const [a, ca] = asked({ ...someoneElse, address_line1: '2 Heol y Bont', phone: '01970 600 001' });
    const [b, cb] = asked(
      { ...someoneElse, name: 'Gwenllïan PRYS', phone: '01970 600 002' },
      '2030-01-20T09:00:00.000Z',
    );
    const [late, cl] = asked(someoneElse, '2030-02-20T09:00:00.000Z');
    const { model } = await modelWith([a, ca, b, cb, late, cl]);
    const fields = (await duplicatesFor(model, a._id)).map((m) => [m.id, m.fields]);
    expect(fields).toEqual([[b._id, ['address', 'name_postcode']]]);
  });

  it('finds nothing for a request held without its contact, and forgets a settled pair', async () => {
    const [a, ca] = asked({});
    const [b] = asked({});
    const [c, cc] = asked({});
    const settled = { ...c, status: 'cancelled' as const, duplicate_of: a._id };
    const { model } = await modelWith([a, ca, b, settled, cc]);
    expect(await duplicatesFor(model, b._id)).toEqual([]);
    expect(await duplicatesFor(model, a._id)).toEqual([]);
    expect(await duplicatesFor(model, 'request:unknown')).toEqual([]);
  });
});
