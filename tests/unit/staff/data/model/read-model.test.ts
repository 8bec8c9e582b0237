import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelDb, catchUp, rebuild, removeRows } from '$lib/staff/data/model/read-model.ts';
import { followChanges } from '$lib/staff/data/model/follow-changes.ts';
import { contactFor, note, profile, request, testUuid } from '../../../../support/factories.ts';
import { memoryDb } from '../../sync/pouch.ts';

let n = 0;
const open: ReadModelDb[] = [];
const model = () => {
  const m = new ReadModelDb(`read-${++n}`);
  open.push(m);
  return m;
};
afterEach(async () => {
  for (const m of open.splice(0)) await m.delete();
});

const snapshot = async (m: ReadModelDb) => ({
  requests: await m.requests.toArray(),
  contacts: await m.contacts.toArray(),
  notes: await m.notes.toArray(),
  volunteers: await m.volunteers.toArray(),
});

describe('read model', () => {
  it('follows inserts, updates and deletions, queryable by the compound indexes', async () => {
    const db = memoryDb();
    const m = model();
    const follow = followChanges(db, m);
    const r1 = request({ area: 'ceredigion', status: 'triaged' });
    const r2 = request({ area: 'powys' });
    const volunteer = testUuid();
    const put1 = await db.put(r1);
    await db.bulkDocs([r2, contactFor(r1), note(r1, volunteer), profile(volunteer, ['powys'])]);
    await follow.idle();
    const inArea = (area: string) =>
      m.requests.where('[area+queue+rank]').between([area, 0, ''], [area, 2, '\uffff']);
    expect((await inArea('ceredigion').toArray()).map((r) => r.id)).toEqual([r1._id]);
    expect(await m.contacts.where('request_id').equals(r1._id).count()).toBe(1);
    expect(await m.volunteers.where('areas').equals('powys').count()).toBe(1);
    expect(
      await m.notes.where('[request_id+created_at]').between([r1._id], [r1._id, '\uffff']).count(),
    ).toBe(1);

    await db.put({ ...r1, _rev: put1.rev, urgency: 'high' });
    await follow.idle();
    expect((await m.requests.get(r1._id))?.urgency).toBe('high');
    const urgent = m.requests.where('[urgency+queue+rank]').between(['high', 0, ''], ['high', 2, '\uffff']);
    expect(await urgent.count()).toBe(1);

    const current = await db.get(r2._id);
    await db.remove(current);
    await follow.idle();
    expect(await m.requests.get(r2._id)).toBeUndefined();
    expect(await m.requests.count()).toBe(1);
    follow.stop();
  });

  it('rebuilds from seq 0 to the same tables', async () => {
    const db = memoryDb();
    const m = model();
    const docs = Array.from({ length: 1200 }, (_, i) =>
      request({ area: i % 2 ? 'powys' : 'gwynedd' }),
    );
    await db.bulkDocs(docs);
    await db.remove(await db.get(docs[0]!._id));
    await catchUp(db, m);
    const before = await snapshot(m);
    expect(before.requests).toHaveLength(1199);
    await m.requests.put({ ...before.requests[0]!, status: 'done' }); // drift the model
    await rebuild(db, m);
    expect(await snapshot(m)).toEqual(before);
  });

  it('removes rows of purged documents by id', async () => {
    const db = memoryDb();
    const m = model();
    const r = request();
    await db.bulkDocs([r, contactFor(r)]);
    await catchUp(db, m);
    await removeRows(m, [r._id, contactFor(r)._id, 'nonsense']);
    expect(await m.requests.count()).toBe(0);
    expect(await m.contacts.count()).toBe(0);
  });

  it('catches up with a batch of writes in a few reads, not one per document', async () => {
    const db = memoryDb();
    const m = model();
    const reads = countReads(db);
    const follow = followChanges(db, m);
    await follow.idle();
    reads.length = 0;
    const told = new Promise<void>((resolve) => {
      let n = 0;
      const feed = db.changes({ since: 'now', live: true }).on('change', () => {
        if (++n === 300) resolve(void feed.cancel());
      });
    });
    await db.bulkDocs(Array.from({ length: 300 }, () => request()));
    await told; // the follower's own feed has said "changed" 300 times by now too
    await follow.idle();
    expect(await m.requests.count()).toBe(300);
    // The live feed says "changed" 300 times; the waiting catch-up answers them all.
    expect(reads.length).toBeLessThan(10);
    follow.stop();
  });
});

/** The one-off reads of `db`'s changes feed (the live feed apart), as the number of results each. */
function countReads(db: PouchDB.Database): number[] {
  const reads: number[] = [];
  const changes = db.changes.bind(db);
  db.changes = ((opts?: PouchDB.Core.ChangesOptions) => {
    const feed = changes(opts);
    if (!opts?.live) void feed.then((r) => reads.push(r.results.length));
    return feed;
  }) as typeof db.changes;
  return reads;
}
