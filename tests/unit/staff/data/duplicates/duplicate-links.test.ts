/**
 * The duplicate links of a request's page, read through the model's indexes both ways, and the
 * version 5 index added to a model that already holds rows.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelDb, catchUp } from '$lib/staff/data/model/read-model.ts';
import { duplicateLinks, possibleDuplicates } from '$lib/staff/data/duplicates/duplicate-links.ts';
import { requestBundle } from '$lib/staff/data/requests/request-bundle.ts';
import { markDuplicate, setRegister } from '#domain/requests/edits.ts';
import { at, contactFor, request, user } from '../../../../support/factories.ts';
import { memoryDb } from '../../sync/pouch.ts';

let n = 0;
const open: Dexie[] = [];
afterEach(async () => {
  for (const m of open.splice(0)) await m.delete();
});

async function modelWith(docs: object[], name = `links-${++n}`) {
  const db = memoryDb();
  const model = new ReadModelDb(name);
  open.push(model);
  await db.bulkDocs(docs);
  await catchUp(db, model);
  return { db, model };
}

const coordinator = user('coordinator', ['ceredigion']);
/** Two requests from one person (the factory's contact), and one they may be kept for. */
const pair = () => {
  const [kept, dup] = [request(), request()];
  return { kept, dup, docs: [kept, contactFor(kept), dup, contactFor(dup)] };
};

describe('duplicate links through the read model', () => {
  it('finds the request kept from the duplicate, and the duplicates from the one kept', async () => {
    const { kept, dup } = pair();
    const marked = markDuplicate(dup, kept._id, coordinator.id, at(20));
    const early = markDuplicate(request(), kept._id, coordinator.id, at(5));
    const unrelated = request();
    const { model } = await modelWith([kept, marked, early, unrelated]);

    const fromDup = await duplicateLinks(model, marked);
    expect(fromDup.kept?._id).toBe(kept._id);
    expect(fromDup.duplicates).toEqual([]);
    const fromKept = await duplicateLinks(model, kept);
    expect(fromKept.kept).toBeNull();
    expect(fromKept.duplicates.map((d) => d._id).sort()).toEqual([marked._id, early._id].sort());
    expect(fromKept.duplicates.every((d) => d.duplicate_of === kept._id)).toBe(true);
    expect(await duplicateLinks(model, unrelated)).toEqual({ kept: null, duplicates: [] });
  });

  it('follows a reopened duplicate: the link leaves both sides', async () => {
    const { kept, dup } = pair();
    const db = memoryDb();
    const model = new ReadModelDb(`links-${++n}`);
    open.push(model);
    const marked = markDuplicate(dup, kept._id, coordinator.id, at(20));
    const put = await db.put(marked);
    await db.put(kept);
    await catchUp(db, model);
    expect((await duplicateLinks(model, kept)).duplicates).toHaveLength(1);
    const reopened = setRegister(marked, 'status', 'triaged', coordinator.id, at(30));
    await db.put({ ...reopened, _rev: put.rev });
    await catchUp(db, model);
    expect((await duplicateLinks(model, kept)).duplicates).toEqual([]);
  });

  it('gives the request bundle its links, and none for a request not held', async () => {
    const { kept, dup } = pair();
    const marked = markDuplicate(dup, kept._id, coordinator.id, at(20));
    const { model } = await modelWith([kept, marked]);
    expect((await requestBundle(model, marked._id)).links.kept?.reference).toBe(kept.reference);
    expect((await requestBundle(model, kept._id)).links.duplicates.map((d) => d._id)).toEqual([
      marked._id,
    ]);
    expect((await requestBundle(model, 'request:unknown')).links).toEqual({
      kept: null,
      duplicates: [],
    });
  });

  it('gives each possible duplicate with the request it names', async () => {
    const { kept, dup, docs } = pair();
    const { model } = await modelWith(docs);
    const found = await possibleDuplicates(model, dup._id);
    expect(found.map((f) => [f.id, f.request._id, f.request.area])).toEqual([
      [kept._id, kept._id, kept.area],
    ]);
    expect(found[0]?.fields.length).toBeGreaterThan(0);
  });

  it('starts a model an older release left again, and has the links once caught up', async () => {
    const { kept, dup } = pair();
    const marked = markDuplicate(dup, kept._id, coordinator.id, at(20));
    const { db, model: source } = await modelWith([kept, marked]);
    const rows = await source.requests.toArray();
    // A device's model as version 4 left it (its schema, as it was released), with rows in it.
    const name = `links-${++n}`;
    const old = new Dexie(name);
    old.version(4).stores({
      requests:
        'id, [queue+rank], [status+kind], [status+area], [status+urgency], [status+language], ' +
        '[status+assignee], [status+overdue], assignee, triage_day, *search, *dupkeys, ' +
        '[assignee+fields_meta.assignee.at]',
      meta: 'key',
    });
    await old.table('requests').bulkPut(rows);
    await old.table('meta').put({ key: 'since', value: 7 });
    old.close();

    const upgraded = new ReadModelDb(name);
    open.push(upgraded);
    expect(await upgraded.requests.count()).toBe(0);
    expect(await upgraded.meta.get('since')).toBeUndefined();
    await catchUp(db, upgraded);
    expect((await duplicateLinks(upgraded, kept)).duplicates.map((d) => d._id)).toEqual([
      marked._id,
    ]);
  });
});
