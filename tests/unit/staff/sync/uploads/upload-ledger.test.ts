/**
 * The ledger's count against a real in-memory database, driven by hand. Its confirmation by the
 * server's `_revs_diff` runs against the real server in
 * tests/integration/staff-device/sync-status.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { UploadLedger } from '$lib/staff/sync/uploads/upload-ledger.ts';
import { request } from '../../../../support/factories.ts';
import { memoryDb } from '../pouch.ts';

describe('UploadLedger', () => {
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
    const read = countReads(local);
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

  it("takes another reader's page of changes as its own read, only where its own read ended", async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    const docs = [request(), request()];
    await local.bulkDocs(docs);
    const page = await local.changes({ since: 0, style: 'all_docs' });
    const reads = countReads(local);
    // A page that does not start where the ledger's reading ended is not taken.
    ledger.observe({ since: 1, results: page.results.slice(1), lastSeq: page.last_seq });
    ledger.observe({ since: 0, results: page.results, lastSeq: page.last_seq });
    expect((await ledger.count()).pending).toBe(2);
    expect(reads).toEqual([0]); // nothing left to read: the page was taken
    ledger.pulled(docs.map((d, i) => ({ _id: d._id, _rev: page.results[i]!.changes[0]!.rev })));
    expect((await ledger.count()).pending).toBe(0);
  });
});

describe('UploadLedger pages read by others', () => {
  it('adds the rest of a page that overlaps what it has taken, and no gap', async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    await local.bulkDocs(Array.from({ length: 5 }, () => request()));
    const all = (await local.changes({ since: 0, style: 'all_docs' })).results;
    const seqOf = (i: number) => all[i]!.seq as number;
    const reads = countReads(local);
    ledger.observe({ since: 0, results: all.slice(0, 3), lastSeq: seqOf(2) });
    ledger.observe({ since: seqOf(1), results: all.slice(2), lastSeq: seqOf(4) });
    expect((await ledger.count()).pending).toBe(5);
    expect(reads).toEqual([0]);
    // A page that starts past what was taken would leave a gap: not taken, read instead.
    await local.bulkDocs([request(), request()]);
    const next = (await local.changes({ since: seqOf(4), style: 'all_docs' })).results;
    ledger.observe({ since: next[0]!.seq, results: next.slice(1), lastSeq: next[1]!.seq });
    expect((await ledger.count()).pending).toBe(7);
    expect(reads).toEqual([0, 2, 2]); // this test's own read of the two, then the ledger's
  });
});

/** The one-off reads of `db`'s changes feed, as the number of results each. */
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
