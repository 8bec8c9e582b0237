/**
 * Two real PouchDB databases replicating in-process (memory ↔ memory). The "server" is the remote
 * database behind a wrapper that can refuse documents the way Cymorth's server will (a `forbidden`
 * row in the `_bulk_docs` answer, which PouchDB turns into a `denied` event) or answer 413.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelDb, followChanges } from '$lib/staff/sync/read-model.ts';
import { noteRefusal } from '$lib/staff/sync/refusal-watch.ts';
import { startReplication } from '$lib/staff/sync/replication.ts';
import {
  firstPullCompleted,
  infoRefusalStatus,
  type SyncSnapshot,
} from '$lib/staff/sync/sync-snapshot.ts';
import { request, testUuid } from '../../domain/staff/factories.ts';
import { memoryDb } from './pouch.ts';

type BulkDocs = (
  body: { docs: { _id: string }[]; new_edits?: boolean },
  opts?: object,
) => Promise<Array<Record<string, unknown>>>;

/** The remote as a server that refuses `refused` ids and answers 413 above `maxBatch` docs. */
function server(
  db: PouchDB.Database,
  refused: Set<string>,
  maxBatch = Infinity,
  link = { down: false },
) {
  const unreachable = new Set(['info', 'get', 'put', 'revsDiff', 'bulkGet', 'bulkDocs']);
  const real = db.bulkDocs.bind(db) as unknown as BulkDocs;
  const bulkDocs: BulkDocs = async (body, opts) => {
    if (body.docs.length > maxBatch) throw Object.assign(new Error('too large'), { status: 413 });
    const allowed = body.docs.filter((d) => !refused.has(d._id));
    const written = allowed.length ? await real({ ...body, docs: allowed }, opts) : [];
    const denied = body.docs
      .filter((d) => refused.has(d._id))
      .map((d) => ({
        id: d._id,
        error: 'forbidden',
        name: 'forbidden',
        reason: 'not_in_your_areas',
      }));
    return [...written, ...denied];
  };
  return new Proxy(db, {
    get(target, prop) {
      if (link.down && typeof prop === 'string' && unreachable.has(prop)) {
        return () => Promise.reject(new TypeError('Failed to fetch'));
      }
      if (prop === 'bulkDocs') return bulkDocs;
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function replicate(local: PouchDB.Database, remote: PouchDB.Database, batchSize?: number) {
  let state: SyncSnapshot | null = null;
  const handle = startReplication({
    userId: testUuid(),
    local,
    remote,
    batchSize,
    onState: (s) => (state = s),
    random: () => 0, // retry after the 1 s floor
    lock: (_name, _signal, job) => job(),
  });
  stops.push(handle.stop);
  const until = async (check: (s: SyncSnapshot) => boolean, ms = 5_000) => {
    const end = Date.now() + ms;
    while (!(state && check(state))) {
      if (Date.now() > end) throw new Error(`timed out; last state ${JSON.stringify(state)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return state;
  };
  return { handle, until, state: () => state };
}

describe('replication status', () => {
  it('counts uploads a few times per pulled batch, not once per document', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs(Array.from({ length: 1500 }, () => request()));
    let reads = 0;
    const changes = local.changes.bind(local);
    local.changes = ((opts?: PouchDB.Core.ChangesOptions) => {
      if (!opts?.live) reads++;
      return changes(opts);
    }) as typeof local.changes;
    const { until, handle } = replicate(local, server(remote, new Set()), 500);
    const done = await until((s) => s.initialSync.finished && s.everythingOnServer, 15_000);
    expect(done.pendingUploads).toBe(0);
    await handle.refresh(); // after every count asked for so far
    expect((await local.info()).doc_count).toBe(1500);
    // The local feed reports each of the 1,500 documents; three batches need a handful of counts.
    expect(reads).toBeLessThan(60);
  });

  it("counts from the read model's pages: the pulled documents are read once, not twice", async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs(Array.from({ length: 1500 }, () => request()));
    // The ledger's own reads: not live, no docs (the read model's), not the push's (return_docs).
    const ownReads: number[] = [];
    const changes = local.changes.bind(local);
    local.changes = ((opts?: PouchDB.Core.ChangesOptions) => {
      const own = !opts?.live && !opts?.include_docs && !opts?.return_docs; // before PouchDB sets them
      const feed = changes(opts);
      if (own) void feed.then((r) => ownReads.push(r.results.length));
      return feed;
    }) as typeof local.changes;
    const model = new ReadModelDb(`replication-${testUuid()}`);
    let handle: ReturnType<typeof startReplication> | null = null;
    const follow = followChanges(local, model, (page) => handle?.observe(page));
    let state: SyncSnapshot | null = null;
    handle = startReplication({
      userId: testUuid(),
      local,
      remote: server(remote, new Set()),
      batchSize: 500,
      onState: (s) => (state = s),
      othersRead: follow.idle,
      lock: (_name, _signal, job) => job(),
    });
    stops.push(handle.stop);
    const end = Date.now() + 15_000;
    while (!(state as SyncSnapshot | null)?.initialSync.finished && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    await handle.refresh();
    expect(state).toMatchObject({ pendingUploads: 0, everythingOnServer: true });
    await follow.idle();
    expect(await model.requests.count()).toBe(1500);
    // Without the pages it reads all 1,500 itself; with them, at most what landed between the
    // read model's catch-up and the count (in memory, a whole batch can).
    expect(ownReads.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1000);
    follow.stop();
    await model.delete();
  });

  it('counts local changes until the server acknowledges them, and not what it pulled', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs([request(), request()]); // on the server already
    await local.bulkDocs([request(), request(), request()]); // written offline
    const { until, handle, state } = replicate(local, server(remote, new Set()));
    const done = await until((s) => s.everythingOnServer && s.initialSync.finished);
    expect(done.pendingUploads).toBe(0);
    expect(done.lastSyncedAt).not.toBeNull();
    expect((await remote.info()).doc_count).toBe(5);
    expect((await local.info()).doc_count).toBe(5);

    const later = request();
    await local.put(later); // a new local change: pending until pushed again
    await handle.refresh();
    expect(state()?.pendingUploads).toBeLessThanOrEqual(1);
    await until((s) => s.everythingOnServer);
    expect(await remote.get(later._id)).toMatchObject({ _id: later._id });
  });

  it('reports a refused document: listed, counted pending, never "everything on the server"', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    const refusedDoc = request();
    const refused = new Set([refusedDoc._id]);
    await local.bulkDocs([request(), refusedDoc]);
    const { until, handle, state } = replicate(local, server(remote, refused));
    const s = await until((x) => x.denied.length === 1 && x.pendingUploads === 1);
    expect(s.denied[0]).toEqual({ id: refusedDoc._id, reason: 'not_in_your_areas' });
    expect(s.everythingOnServer).toBe(false);
    expect((await remote.info()).doc_count).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    await handle.refresh();
    expect(state()?.everythingOnServer).toBe(false); // the checkpoint moved past it: still false

    // The server now accepts it (say the coordinator fixed the area); the next edit goes through.
    refused.clear();
    const current = await local.get(refusedDoc._id);
    await local.put({ ...current, urgency: 'high' });
    const after = await until((x) => x.everythingOnServer);
    expect(after.denied).toEqual([]);
    expect(after.pendingUploads).toBe(0);
  });

  it('counts every local change while the server is unreachable, then none once it is back', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    const link = { down: true };
    await local.bulkDocs([request(), request(), request()]);
    const { until } = replicate(local, server(remote, new Set(), Infinity, link));
    const offline = await until((s) => s.error !== null);
    expect(offline).toMatchObject({ pendingUploads: 3, everythingOnServer: false });
    expect(offline.initialSync.finished).toBe(false);
    link.down = false; // the backoff retries after its 1 s floor
    const back = await until((s) => s.everythingOnServer && s.error === null);
    expect(back.pendingUploads).toBe(0);
    expect((await remote.info()).doc_count).toBe(3);
  });

  it('halves the batch on 413 and still uploads everything', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await local.bulkDocs(Array.from({ length: 40 }, () => request()));
    const { until } = replicate(local, server(remote, new Set(), 10), 64);
    const s = await until((x) => x.everythingOnServer, 8_000);
    expect(s.batchSize).toBeLessThanOrEqual(10);
    expect((await remote.info()).doc_count).toBe(40);
  });
});

describe('first sync', () => {
  /** Records each call to the remote's methods that send a device's revisions up. */
  function watched(db: PouchDB.Database, seen: (method: string) => void) {
    const up = new Set(['revsDiff', 'bulkDocs']);
    return new Proxy(db, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        const fn = (value as (...a: unknown[]) => unknown).bind(target);
        if (typeof prop !== 'string' || !up.has(prop)) return fn;
        return (...args: unknown[]) => {
          seen(prop);
          return fn(...args);
        };
      },
    });
  }

  it('pulls only, is finished only once everything is pulled, then uploads local writes', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs(Array.from({ length: 30 }, () => request()));
    await local.bulkDocs([request(), request()]); // written before the first sync
    const states: SyncSnapshot[] = [];
    const upWhilePulling: string[] = [];
    const handle = startReplication({
      userId: testUuid(),
      local,
      remote: watched(server(remote, new Set()), (m) => {
        if (!states.at(-1)?.initialSync.finished) upWhilePulling.push(m);
      }),
      batchSize: 10,
      onState: (s) => states.push(s),
      random: () => 0,
      lock: (_name, _signal, job) => job(),
    });
    stops.push(handle.stop);
    const end = Date.now() + 5_000;
    while (!states.at(-1)?.everythingOnServer || !states.at(-1)?.initialSync.finished) {
      if (Date.now() > end) throw new Error(`timed out; ${JSON.stringify(states.at(-1))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const first = states.findIndex((s) => s.initialSync.finished);
    expect(states[first]?.initialSync).toEqual({ done: 30, total: 30, finished: true });
    expect(states.slice(0, first).some((s) => s.initialSync.done > 0)).toBe(true); // progress
    expect(upWhilePulling).toEqual([]); // nothing sent up before the pull completed
    expect(await local.get('_local/cymorth-initial-sync')).toMatchObject({
      at: expect.any(String),
    });
    expect((await remote.info()).doc_count).toBe(32);
    expect((await local.info()).doc_count).toBe(32);
  });

  it('the live sync after it offers the server nothing it pulled, and still uploads what is new', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs(Array.from({ length: 30 }, () => request()));
    const states: SyncSnapshot[] = [];
    const offered: string[] = [];
    const revsDiff = remote.revsDiff.bind(remote);
    remote.revsDiff = ((diff: Record<string, string[]>) => {
      if (states.at(-1)?.initialSync.finished) offered.push(...Object.keys(diff));
      return revsDiff(diff);
    }) as typeof remote.revsDiff;
    const handle = startReplication({
      userId: testUuid(),
      local,
      remote: server(remote, new Set()),
      batchSize: 10,
      onState: (s) => states.push(s),
      lock: (_name, _signal, job) => job(),
    });
    stops.push(handle.stop);
    const until = async (check: () => boolean | Promise<boolean>) => {
      const end = Date.now() + 5_000;
      while (!(await check())) {
        if (Date.now() > end) throw new Error(`timed out; ${JSON.stringify(states.at(-1))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until(() => states.at(-1)?.initialSync.finished === true);
    await new Promise((r) => setTimeout(r, 300)); // the live sync's first pass
    expect(offered).toEqual([]);
    const written = request();
    await local.put(written);
    await until(async () => (await remote.info()).doc_count === 31);
    expect(offered).toEqual([written._id]);
  });

  it('a device whose first pull completed before goes straight to the live sync', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await local.put({ _id: '_local/cymorth-initial-sync', at: new Date().toISOString() });
    await remote.bulkDocs([request(), request()]);
    const { until } = replicate(local, server(remote, new Set()));
    const s = await until((x) => x.initialSync.finished);
    expect(s.initialSync.done).toBe(0); // not counted as a first sync
    const end = Date.now() + 5_000;
    while ((await local.info()).doc_count < 2) {
      if (Date.now() > end) throw new Error('the live sync pulled nothing');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await local.get('_local/cymorth-initial-sync')).toMatchObject({ _rev: '0-1' });
  });

  it('a first pull that fails is retried, and finished only when it completes', async () => {
    const local = memoryDb('local');
    const remote = memoryDb('remote');
    await remote.bulkDocs([request(), request(), request()]);
    const link = { down: true };
    const { until } = replicate(local, server(remote, new Set(), Infinity, link));
    const failed = await until((s) => s.error !== null);
    expect(failed.initialSync.finished).toBe(false);
    link.down = false; // the backoff retries after its 1 s floor
    const done = await until((s) => s.initialSync.finished);
    expect(done.initialSync.done).toBe(3);
    expect(done.error).toBeNull();
  });
});

describe('firstPullCompleted', () => {
  it('is true only for a pull that ran to completion', () => {
    expect(firstPullCompleted({ status: 'complete', ok: true })).toBe(true);
    expect(firstPullCompleted({ status: 'cancelled', ok: true })).toBe(false);
    expect(firstPullCompleted({ status: 'complete', ok: false })).toBe(false);
    expect(firstPullCompleted(undefined)).toBe(false);
  });
});

describe('access ending', () => {
  it('a 403 that info() resolved as a body ends access as disabled, not as a later 401', async () => {
    const local = memoryDb('local');
    const db = memoryDb('remote');
    // PouchDB's http info() resolves the refusal's body; every later request is a 401.
    const remote = new Proxy(db, {
      get(target, prop) {
        if (prop === 'info')
          return () => Promise.resolve({ error: 'account_disabled', reason: 'disabled' });
        if (prop === 'changes' || prop === 'get')
          return () => Promise.reject(Object.assign(new Error('Sign in first.'), { status: 401 }));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const reasons: string[] = [];
    const handle = startReplication({
      userId: testUuid(),
      local,
      remote,
      onState: () => {},
      onAccessEnded: (reason) => reasons.push(reason),
      random: () => 0,
      lock: (_name, _signal, job) => job(),
    });
    stops.push(handle.stop);
    const end = Date.now() + 5_000;
    while (reasons.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(reasons).toEqual(['disabled']);
  });

  it('a 403 the remote’s fetch met on any request (a checkpoint read, say) ends access as disabled', async () => {
    const local = memoryDb('local');
    const db = memoryDb('remote');
    await db.bulkDocs([request()]);
    // Once the account is disabled, every request fails as a 401: its 403 went to a request
    // whose error PouchDB does not pass on, and only the remote's fetch saw it.
    let disabled = false;
    const requests = new Set(['info', 'changes', 'get', 'put', 'revsDiff', 'bulkGet', 'bulkDocs']);
    const remote = new Proxy(db, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        const fn = (value as (...a: unknown[]) => unknown).bind(target);
        if (typeof prop !== 'string' || !requests.has(prop)) return fn;
        return (...args: unknown[]) =>
          disabled
            ? Promise.reject(Object.assign(new Error('Sign in first.'), { status: 401 }))
            : fn(...args);
      },
    });
    const reasons: string[] = [];
    const states: SyncSnapshot[] = [];
    const handle = startReplication({
      userId: testUuid(),
      local,
      remote,
      onState: (s) => states.push(s),
      onAccessEnded: (reason) => reasons.push(reason),
      random: () => 0,
      lock: (_name, _signal, job) => job(),
    });
    stops.push(handle.stop);
    const until = async (check: () => boolean) => {
      const end = Date.now() + 5_000;
      while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => states.at(-1)?.initialSync.finished === true);
    disabled = true;
    noteRefusal(remote);
    await until(() => reasons.length > 0);
    expect(reasons).toEqual(['disabled']);
  });

  it('infoRefusalStatus reads the server’s refusal codes, and nothing from a real info', () => {
    expect(infoRefusalStatus({ error: 'account_disabled', reason: 'x' })).toBe(403);
    expect(infoRefusalStatus({ error: 'session_expired', reason: 'x' })).toBe(401);
    expect(infoRefusalStatus({ error: 'unauthorized', reason: 'x' })).toBe(401);
    expect(infoRefusalStatus({ db_name: 'db', doc_count: 3, update_seq: '3' })).toBeUndefined();
    expect(infoRefusalStatus(null)).toBeUndefined();
  });
});
