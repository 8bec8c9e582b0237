/**
 * A staff device's first sync against the real server (src/lib/staff/sync/replicator/
 * first-sync.ts and bulk-load.ts): it pulls only, is finished only once everything is pulled, is retried when the
 * server is away, and is not done twice. What the device sends up is watched at its fetch
 * (browser.ts), which passes every request on to the server.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { eventually } from '../../support/eventually.ts';
import { browser } from './browser.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncSnapshot } from '$lib/staff/sync/status/sync-snapshot.ts';
import { request } from '../../support/factories.ts';
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

/** The requests that send a device's revisions up. */
const sendsUp = (path: string) => path === '/db/_revs_diff' || path === '/db/_bulk_docs';

describe('first sync', () => {
  it('pulls only, is finished only once everything is pulled, then uploads local writes', async () => {
    const { server, cathId } = await signedInCoordinator();
    await seed(
      server,
      Array.from({ length: 30 }, () => request()),
    );
    const { local, remote } = deviceDbs(server);
    const offline = [requestBy(cathId), requestBy(cathId)]; // written before the first sync
    await local.bulkDocs(offline);
    const states: SyncSnapshot[] = [];
    const upWhilePulling: string[] = [];
    browser.beforeSend = ({ url }) => {
      if (sendsUp(url.pathname) && !states.at(-1)?.initialSync.finished)
        upWhilePulling.push(url.pathname);
    };
    replicate({ local, remote, batchSize: 10, onState: (s) => states.push(s) });
    await eventually(
      () => states.at(-1)?.everythingOnServer && states.at(-1)?.initialSync.finished,
      { what: () => JSON.stringify(states.at(-1)), every: 20 },
    );
    const first = states.findIndex((s) => s.initialSync.finished);
    // The total is what `/db` says she may read (readable-count.ts): the 30 she pulls, so the
    // device shows "n of 30" from the first page on, not a count with no end.
    expect(states[first]?.initialSync).toEqual({ done: 30, total: 30, finished: true });
    expect(states.find((s) => s.initialSync.done > 0)?.initialSync.total).toBe(30);
    expect(states.slice(0, first).some((s) => s.initialSync.done > 0)).toBe(true); // progress
    expect(upWhilePulling).toEqual([]); // nothing sent up before the pull completed
    expect(browser.sent.some((s) => sendsUp(s.url.pathname))).toBe(true); // but sent after it
    expect(await local.get('_local/cymorth-initial-sync')).toMatchObject({
      at: expect.any(String),
    });
    expect(await storedIds(server, 'request:')).toHaveLength(32);
    expect((await local.info()).doc_count).toBe(32);
  });

  it('the live sync after it offers the server nothing it pulled, and still uploads what is new', async () => {
    const { server, cathId } = await signedInCoordinator();
    await seed(
      server,
      Array.from({ length: 30 }, () => request()),
    );
    const { local, remote } = deviceDbs(server);
    const states: SyncSnapshot[] = [];
    const offered: string[] = [];
    browser.beforeSend = ({ url, body }) => {
      if (url.pathname === '/db/_revs_diff' && states.at(-1)?.initialSync.finished)
        offered.push(...Object.keys(JSON.parse(body ?? '{}') as object));
    };
    replicate({ local, remote, batchSize: 10, onState: (s) => states.push(s) });
    const last = () => JSON.stringify(states.at(-1));
    await eventually(() => states.at(-1)?.initialSync.finished, { what: last, every: 20 });
    await new Promise((r) => setTimeout(r, 300)); // the live sync's first pass
    expect(offered).toEqual([]);
    const written = requestBy(cathId);
    await local.put(written);
    await eventually(async () => (await storedIds(server, 'request:')).length === 31, {
      what: last,
      every: 20,
    });
    // Only the new document is offered. A live push may ask about it twice (a second pass that
    // starts before the first one's checkpoint is written, seen on a loaded CI machine): that
    // costs one small request, not a document the device pulled.
    expect([...new Set(offered)]).toEqual([written._id]);
  });

  it('a device whose first pull completed before goes straight to the live sync', async () => {
    const { server } = await signedInCoordinator();
    const { local, remote } = deviceDbs(server);
    const flag = { _id: '_local/cymorth-initial-sync', at: new Date().toISOString() };
    const { rev } = await local.put(flag);
    await seed(server, [request(), request()]);
    const { until: untilState } = replicate({ local, remote });
    const s = await untilState((x) => x.initialSync.finished);
    expect(s.initialSync.done).toBe(0); // not counted as a first sync
    await eventually(async () => (await local.info()).doc_count >= 2, {
      what: () => 'the live sync pulled nothing',
      every: 20,
    });
    // Its first revision still: no first sync wrote it again.
    expect(await local.get(flag._id)).toMatchObject({ _rev: rev });
  });

  it('a first pull that fails is retried, and finished only when it completes', async () => {
    const { server } = await signedInCoordinator();
    await seed(server, [request(), request(), request()]);
    const { local, remote } = deviceDbs(server);
    await server.stopListening();
    const { until: untilState } = replicate({ local, remote });
    const failed = await untilState((s) => s.error !== null);
    expect(failed.initialSync.finished).toBe(false);
    await server.listenAgain(); // the backoff retries after its 1 s floor
    const done = await untilState((s) => s.initialSync.finished);
    expect(done.initialSync.done).toBe(3);
    expect(done.error).toBeNull();
  });
});
