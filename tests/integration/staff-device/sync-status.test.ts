/**
 * The sync status a staff device shows (src/lib/staff/sync/replicator/, uploads/), with
 * the device replicating with the real server: what it counts as waiting to upload and when the
 * server confirms it, what the server refused and why, the server away and back, the server's own
 * 413 for a batch over its limit, and the status shared by two tabs of one user.
 *
 * Why these live in tests/integration and not tests/unit: they run the real sync server in-process
 * on a port with real storage, and by this project's layers (docs/architecture.md, "Architecture":
 * `tests/`) that is an integration test; tests/unit keeps the device's pure parts (sync-snapshot,
 * eviction-plan) and its local databases driven by hand. Both vitest projects run in Node, so
 * nothing is lost by the move: the browser the device code expects (fake IndexedDB, `self`,
 * `navigator`, a cookie-keeping `fetch`) is set up by browser.ts, not by the project, and the
 * integration project's longer hook timeout suits a server start.
 */
import { eventually } from '../../support/eventually.ts';
import { browser } from './browser.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { followChanges } from '$lib/staff/data/model/follow-changes.ts';
import { Replicator, type ReplicatorOptions } from '$lib/staff/sync/replicator/replicator.ts';
import type { Lock } from '$lib/staff/sync/replicator/tab-leadership.ts';
import type { SyncSnapshot } from '$lib/staff/sync/status/sync-snapshot.ts';
import { UploadLedger } from '$lib/staff/sync/uploads/upload-ledger.ts';
import { at, request, testUuid } from '../../support/factories.ts';
import {
  cleanUp,
  deviceDbs,
  replicate,
  requestBy,
  seed,
  signedInCoordinator,
  storedIds,
} from './device-fixtures.ts';

afterEach(cleanUp);

describe('replication status', () => {
  it('counts uploads a few times per pulled batch, not once per document', async () => {
    const { server } = await signedInCoordinator();
    await seed(
      server,
      Array.from({ length: 1500 }, () => request()),
    );
    const { local, remote } = deviceDbs(server);
    let reads = 0;
    const changes = local.changes.bind(local);
    local.changes = ((opts?: PouchDB.Core.ChangesOptions) => {
      if (!opts?.live) reads++;
      return changes(opts);
    }) as typeof local.changes;
    const { until: untilState, handle } = replicate({ local, remote, batchSize: 500 });
    const done = await untilState((s) => s.initialSync.finished && s.everythingOnServer, 15_000);
    expect(done.pendingUploads).toBe(0);
    await handle.refresh(); // after every count asked for so far
    expect((await local.info()).doc_count).toBe(1500);
    // The local feed reports each of the 1,500 documents; three batches need a handful of counts.
    expect(reads).toBeLessThan(60);
  });

  it("counts from the read model's pages: the pulled documents are read once, not twice", async () => {
    const { server } = await signedInCoordinator();
    await seed(
      server,
      Array.from({ length: 1500 }, () => request()),
    );
    const { local, remote, model } = deviceDbs(server);
    // The ledger's own reads: not live, no docs (the read model's), not the push's (return_docs).
    const ownReads: number[] = [];
    const changes = local.changes.bind(local);
    local.changes = ((opts?: PouchDB.Core.ChangesOptions) => {
      const own = !opts?.live && !opts?.include_docs && !opts?.return_docs; // before PouchDB sets them
      const feed = changes(opts);
      if (own) void feed.then((r) => ownReads.push(r.results.length));
      return feed;
    }) as typeof local.changes;
    let handle: ReturnType<typeof replicate>['handle'] | null = null;
    const follow = followChanges(local, model, (page) => handle?.observe(page));
    const started = replicate({ local, remote, batchSize: 500, othersRead: follow.idle });
    handle = started.handle;
    const { state } = started;
    await eventually(() => state()?.initialSync.finished, {
      what: () => JSON.stringify(state()),
      timeout: 15_000,
      every: 20,
    });
    await handle.refresh();
    expect(state()).toMatchObject({ pendingUploads: 0, everythingOnServer: true });
    await follow.idle();
    expect(await model.requests.count()).toBe(1500);
    // Without the pages it reads all 1,500 itself; with them, at most what landed between the
    // read model's catch-up and the count (in memory, a whole batch can).
    expect(ownReads.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
    follow.stop();
    await follow.idle(); // no batch is still being projected when the test ends
  });

  it('counts local changes until the server acknowledges them, and not what it pulled', async () => {
    const { server, cathId } = await signedInCoordinator();
    const onServer = [request(), request()];
    await seed(server, onServer);
    const { local, remote } = deviceDbs(server);
    const offline = [requestBy(cathId), requestBy(cathId), requestBy(cathId)];
    await local.bulkDocs(offline); // written offline
    const { until: untilState, handle, state } = replicate({ local, remote });
    const done = await untilState((s) => s.everythingOnServer && s.initialSync.finished);
    expect(done.pendingUploads).toBe(0);
    // Over HTTP the push's acknowledgement can come a moment before the sync reports its pause,
    // which is when the time of the last sync is taken.
    await expect.poll(() => state()?.lastSyncedAt).not.toBeNull();
    const all = [...onServer, ...offline].map((d) => d._id).sort();
    expect(await storedIds(server, '')).toEqual(all);
    expect((await local.info()).doc_count).toBe(5);

    const later = requestBy(cathId);
    await local.put(later); // a new local change: pending until pushed again
    await handle.refresh();
    expect(state()?.pendingUploads).toBeLessThanOrEqual(1);
    await untilState((s) => s.everythingOnServer);
    expect(await server.storage.replicatedDb.get(later._id)).toMatchObject({ _id: later._id });
  });

  it('reports a refused document: listed, counted pending, never "everything on the server"', async () => {
    const { server, cathId } = await signedInCoordinator();
    const { local, remote } = deviceDbs(server);
    // Cath took a request down for Powys, which is not her area: the server refuses it.
    const accepted = requestBy(cathId);
    const refusedDoc = requestBy(cathId, 'powys');
    await local.bulkDocs([accepted, refusedDoc]);
    const { until: untilState, handle, state } = replicate({ local, remote });
    const s = await untilState((x) => x.denied.length === 1 && x.pendingUploads === 1);
    expect(s.denied[0]).toEqual({ id: refusedDoc._id, reason: 'outside_your_areas' });
    expect(s.everythingOnServer).toBe(false);
    expect(await storedIds(server, '')).toEqual([accepted._id]);
    await new Promise((r) => setTimeout(r, 200));
    await handle.refresh();
    expect(state()?.everythingOnServer).toBe(false); // the checkpoint moved past it: still false

    // She corrects the area to her own; the server takes that edit.
    const current = await local.get<RequestDoc>(refusedDoc._id);
    await local.put(setRegister(current, 'area', 'ceredigion', cathId, at(120)));
    const after = await untilState((x) => x.everythingOnServer);
    expect(after.denied).toEqual([]);
    expect(after.pendingUploads).toBe(0);
    expect(await storedIds(server, '')).toEqual([accepted._id, refusedDoc._id].sort());
  });

  it('counts every local change while the server is unreachable, then none once it is back', async () => {
    const { server, cathId } = await signedInCoordinator();
    const { local, remote } = deviceDbs(server);
    const offline = [requestBy(cathId), requestBy(cathId), requestBy(cathId)];
    await local.bulkDocs(offline);
    await server.stopListening();
    const { until: untilState } = replicate({ local, remote });
    const away = await untilState((s) => s.error !== null);
    expect(away).toMatchObject({ pendingUploads: 3, everythingOnServer: false });
    expect(away.initialSync.finished).toBe(false);
    await server.listenAgain(); // the backoff retries after its 1 s floor
    const back = await untilState((s) => s.everythingOnServer && s.error === null);
    expect(back.pendingUploads).toBe(0);
    expect(await storedIds(server, '')).toEqual(offline.map((d) => d._id).sort());
  });

  it('halves the batch on the server’s 413 and still uploads everything', async () => {
    // The server takes at most 10 documents a `_bulk_docs` (1,000 in production).
    const { server, cathId } = await signedInCoordinator({ maxBulkDocs: 10 });
    const { local, remote } = deviceDbs(server);
    const offline = Array.from({ length: 40 }, () => requestBy(cathId));
    await local.bulkDocs(offline);
    const { until: untilState } = replicate({ local, remote, batchSize: 64 });
    const s = await untilState((x) => x.everythingOnServer, 8_000);
    expect(s.batchSize).toBeLessThanOrEqual(10);
    expect(browser.sentTo('_bulk_docs', 'POST').some((sent) => sent.status === 413)).toBe(true);
    expect(await storedIds(server, '')).toEqual(offline.map((d) => d._id).sort());
  });
});

describe('confirmed by the server', () => {
  it('counts a document pulled from the server as pending only until the server confirms it', async () => {
    const { server } = await signedInCoordinator();
    await seed(server, [request(), request()]);
    const { local, remote } = deviceDbs(server);
    await local.replicate.from(remote);
    const ledger = new UploadLedger(local);
    await ledger.load();
    // Nothing known yet (say, after a reload offline): conservative, never "all on the server".
    expect((await ledger.count()).pending).toBe(2);
    await ledger.confirm(remote); // `_revs_diff`: the server has both
    expect((await ledger.count()).pending).toBe(0);
  });
});

/** Web Locks, which Node lacks, as a mutex: one job at a time, in turn. */
function mutex(): Lock {
  let held: Promise<void> = Promise.resolve();
  return (_name, _signal, job) => {
    const turn = held.then(job);
    held = turn.catch(() => {});
    return turn;
  };
}

describe('one replication per user across tabs', () => {
  it('the second tab follows the leader, then leads when it stops', async () => {
    const { server, cathId } = await signedInCoordinator();
    const userId = testUuid();
    const lock = mutex();
    // In a browser both tabs open the same IndexedDB and reach the same origin; Node's
    // BroadcastChannel carries the leader's status.
    const { local, remote } = deviceDbs(server);
    await local.bulkDocs([requestBy(cathId), requestBy(cathId)]);
    const seen: { a: SyncSnapshot | null; b: SyncSnapshot | null } = { a: null, b: null };
    const onServer = async (n: number) => (await storedIds(server, '')).length === n;
    const seenSoFar = () => JSON.stringify(seen);
    const tab = (onState: (s: SyncSnapshot) => void) => {
      const options: ReplicatorOptions = { userId, local, remote, lock };
      const replicator = new Replicator(options);
      replicator.subscribe(onState);
      replicator.start();
      return replicator;
    };

    const tabA = tab((s) => (seen.a = s));
    await eventually(() => seen.a?.leader === true && seen.a.everythingOnServer, {
      what: seenSoFar,
      every: 20,
    });
    const tabB = tab((s) => (seen.b = s));
    await local.put(requestBy(cathId));
    await eventually(async () => (await onServer(3)) && seen.b?.everythingOnServer === true, {
      what: seenSoFar,
      every: 20,
    });
    expect(seen.b?.leader).toBe(false); // B only shows what A broadcasts
    expect(seen.a?.leader).toBe(true);

    await tabA.stop();
    await eventually(() => seen.b?.leader === true, { what: seenSoFar, every: 20 });
    await local.put(requestBy(cathId));
    await eventually(async () => (await onServer(4)) && seen.b?.everythingOnServer === true, {
      what: seenSoFar,
      every: 20,
    });
    await tabB.stop();
  });
});
