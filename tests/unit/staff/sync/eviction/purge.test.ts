/**
 * Purge needs the `indexeddb` adapter (the memory adapter has no purge), so this runs the browser
 * build of PouchDB on fake-indexeddb, through device-db's own opener.
 */
import 'fake-indexeddb/auto';
import '../browser-globals.ts';
import { describe, expect, it } from 'vitest';
import { openDeviceDbs, wipe } from '$lib/staff/sync/replica/device-db.ts';
import { purgeFromDevice } from '$lib/staff/sync/eviction/purge.ts';
import { catchUp } from '$lib/staff/data/model/read-model.ts';
import { UploadLedger } from '$lib/staff/sync/uploads/upload-ledger.ts';
import { contactFor, request, testUuid } from '../../../../support/factories.ts';

describe('purgeFromDevice and wipe', () => {
  it('removes every leaf of each id from PouchDB and the rows from the read model', async () => {
    const userId = testUuid();
    const dbs = openDeviceDbs(userId, 'http://localhost');
    const { local, model } = dbs;
    const kept = request();
    const gone = request();
    await local.bulkDocs([kept, gone, contactFor(gone)]);
    // A conflicting second leaf, as replication can leave one.
    await local.bulkDocs([{ ...gone, _rev: '1-ffff', urgency: 'high' }], { new_edits: false });
    await catchUp(local, model);
    expect(await model.requests.count()).toBe(2);

    const purged = await purgeFromDevice(local, model, [gone._id, contactFor(gone)._id, 'x']);
    expect(purged).toEqual([gone._id, contactFor(gone)._id]);
    await expect(local.get(gone._id)).rejects.toMatchObject({ status: 404 });
    await expect(local.get(contactFor(gone)._id)).rejects.toMatchObject({ status: 404 });
    expect(await local.get(kept._id)).toMatchObject({ _id: kept._id });
    expect((await model.requests.toArray()).map((r) => r.id)).toEqual([kept._id]);
    expect(await model.contacts.count()).toBe(0);

    await wipe(userId, dbs);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(
      `cymorth-${userId}-read`,
    );
  });

  it("takes a purged document out of the ledger's pending count (a purge changes no seq)", async () => {
    const userId = testUuid();
    const dbs = openDeviceDbs(userId, 'http://localhost');
    const ledger = new UploadLedger(dbs.local);
    await ledger.load();
    const gone = request();
    await dbs.local.bulkDocs([request(), gone]);
    await dbs.local.bulkDocs([{ ...gone, _rev: '1-ffff', urgency: 'high' }], { new_edits: false });
    expect((await ledger.count()).pending).toBe(2);
    await purgeFromDevice(dbs.local, dbs.model, [gone._id]);
    expect((await ledger.count()).pending).toBe(1);
    await wipe(userId, dbs);
  });
});
