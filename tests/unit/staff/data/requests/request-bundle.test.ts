import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { noBundle, requestBundle } from '$lib/staff/data/requests/request-bundle.ts';
import {
  at,
  contactFor,
  event,
  note,
  request,
  testUuid,
} from '../../../../support/factories.ts';
import { readModels } from '../read-models.ts';

const modelWith = readModels('request-bundle');
const author = testUuid();

describe("a request's page, read as documents", () => {
  it('gives the request, its contact, and its notes and events oldest first', async () => {
    const doc = request();
    const other = request();
    const later = { ...note(doc, author), created_at: at(30) };
    const earlier = { ...note(doc, author, false), created_at: at(5) };
    const second = { ...event(doc, author), at: at(20) };
    const first = { ...event(doc, author), at: at(4) };
    const model = await modelWith([
      doc,
      contactFor(doc),
      later,
      second,
      earlier,
      first,
      other,
      note(other, author),
      event(other, author),
    ]);
    const bundle = await requestBundle(model, doc._id);
    expect(bundle.request).toEqual(doc);
    expect(bundle.contact).toEqual(contactFor(doc));
    expect(bundle.notes).toEqual([earlier, later]);
    expect(bundle.events).toEqual([first, second]);
  });

  it('gives no contact when the device does not hold it', async () => {
    const doc = request();
    const bundle = await requestBundle(await modelWith([doc]), doc._id);
    expect(bundle.request).toEqual(doc);
    expect(bundle.contact).toBeNull();
  });

  it('gives nothing for a request the device does not hold', async () => {
    const model = await modelWith([request()]);
    expect(await requestBundle(model, 'request:not-here')).toEqual(noBundle);
  });
});
