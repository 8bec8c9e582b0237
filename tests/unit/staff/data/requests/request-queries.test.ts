import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  requestById,
  requestCount,
  requestsById,
} from '$lib/staff/data/requests/request-queries.ts';
import { contactFor, request } from '../../../../support/factories.ts';
import { readModels } from '../read-models.ts';

const modelWith = readModels('request-queries');

describe('requests by key', () => {
  it('gives a request back as the document it came from, without the desk fields', async () => {
    const doc = request({ area: null });
    const model = await modelWith([doc, contactFor(doc)]);
    expect(await requestById(model, doc._id)).toEqual(doc);
    expect(await requestById(model, 'request:not-here')).toBeNull();
  });

  it('gives those of some ids the device holds, by id, leaving out the rest', async () => {
    const [a, b, c] = [request(), request({ status: 'triaged' }), request()];
    const model = await modelWith([a, b, c]);
    const found = await requestsById(model, [b._id, 'request:not-here', a._id]);
    expect([...found.keys()].sort()).toEqual([a._id, b._id].sort());
    expect(found.get(b._id)).toEqual(b);
    expect(await requestsById(model, [])).toEqual(new Map());
  });

  it('counts the requests the device holds, not their contacts', async () => {
    const [a, b] = [request(), request()];
    expect(await requestCount(await modelWith([a, contactFor(a), b]))).toBe(2);
    expect(await requestCount(await modelWith([]))).toBe(0);
  });
});
