/** The ledger's count against two real in-memory databases, driven by hand. */
import { describe, expect, it } from 'vitest';
import { UploadLedger } from '$lib/staff/sync/upload-ledger.ts';
import { request } from '../../domain/staff/factories.ts';
import { memoryDb } from './pouch.ts';

describe('UploadLedger', () => {
  it('counts a document pulled from the server as pending only until the server confirms it', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs([request(), request()]);
    await local.replicate.from(remote);
    const ledger = new UploadLedger(local);
    await ledger.load();
    // Nothing known yet (say, after a reload offline): conservative, never "all on the server".
    expect((await ledger.count()).pending).toBe(2);
    await ledger.confirm(remote); // `_revs_diff`: the server has both
    expect((await ledger.count()).pending).toBe(0);
  });

  it('counts past the acknowledged seq only, and keeps the seq across a reload', async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    await local.bulkDocs([request(), request()]);
    const { update_seq } = await local.info();
    await ledger.acknowledged(update_seq);
    await local.put(request());
    expect((await ledger.count()).pending).toBe(1);
    const reloaded = new UploadLedger(local);
    await reloaded.load();
    expect((await reloaded.count()).pending).toBe(1);
  });

  it('keeps a refused document pending after the checkpoint passes it, until a revision is accepted', async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    const doc = request();
    const { rev } = await local.put(doc);
    await ledger.denied(doc._id, 'not_in_your_areas');
    await ledger.acknowledged((await local.info()).update_seq);
    expect(await ledger.count()).toEqual({
      pending: 1,
      denied: [{ id: doc._id, rev, reason: 'not_in_your_areas' }],
    });
    ledger.pushed([{ _id: doc._id, _rev: rev }]);
    expect(await ledger.count()).toEqual({ pending: 0, denied: [] });
  });

  it('reads each change once, however many counts follow, and still sees later ones', async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    await local.bulkDocs([request(), request(), request()]);
    expect((await ledger.count()).pending).toBe(3);
    const read: number[] = [];
    const changes = local.changes.bind(local);
    local.changes = ((opts: PouchDB.Core.ChangesOptions) => {
      const feed = changes(opts);
      void feed.then((r) => read.push(r.results.length));
      return feed;
    }) as typeof local.changes;
    expect((await ledger.count()).pending).toBe(3);
    const later = request();
    await local.put(later);
    expect((await ledger.count()).pending).toBe(4);
    // Three changes read before the spy, none again: one read found nothing, one the new document.
    expect(read).toEqual([0, 1]);
    ledger.pulled([{ _id: later._id, _rev: (await local.get(later._id))._rev }]);
    expect((await ledger.count()).pending).toBe(3);
  });

  it('drops documents the push acknowledged, counting only changes after the seq', async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    const first = request();
    const put = await local.put(first);
    await local.put(request());
    expect((await ledger.count()).pending).toBe(2);
    await ledger.acknowledged((await local.info()).update_seq);
    expect((await ledger.count()).pending).toBe(0);
    // A document changed again after the acknowledged seq is a candidate again.
    await local.put({ ...first, _rev: put.rev, urgency: 'high' });
    expect((await ledger.count()).pending).toBe(1);
  });
});
