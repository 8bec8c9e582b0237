/**
 * The eviction cycle's bookkeeping (src/lib/staff/sync/eviction/eviction-cycle.ts) against the real
 * server's `GET /db/_evictions`: which token it asks with, when it stores the next one, and what it
 * hands to `purge`. What leaves Vera's view leaves it for real: Cath, her coordinator, hands a task
 * to Owen through the server, which judges that write as any other. `purge` records the ids it is
 * handed (purge.test.ts in tests/unit checks the purge itself); the asks and the server's answers
 * are read at the device's fetch (browser.ts).
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { browser } from './browser.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import { assign } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { evictionCycle, readToken, writeToken } from '$lib/staff/sync/eviction/eviction-cycle.ts';
import type { EndReason } from '$lib/staff/sync/eviction/eviction-plan.ts';
import { at, contactFor, profile, request } from '../../support/factories.ts';
import { remoteDb, staff, type Staff } from '../../support/staff/replication-fixtures.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import {
  cleanUp,
  deviceDbs,
  disableAccount,
  seed,
  signInOnDevice,
  startServer,
} from './device-fixtures.ts';

afterEach(cleanUp);

/**
 * Vera's device, holding her two tasks `a` and `b` and their contacts as pulled from the server;
 * Cath may hand either to Owen. `uploadable` is what the device counts as waiting to upload.
 */
async function veraWithTwoTasks() {
  const server = await startServer();
  const [cath, vera, owen] = await Promise.all([
    staff(server, 'cath', 'coordinator', ['ceredigion']),
    staff(server, 'vera', 'volunteer', ['ceredigion']),
    staff(server, 'owen', 'volunteer', ['ceredigion']),
  ]);
  const a = request({ status: 'assigned', assignee: vera.user.id });
  const b = request({ status: 'assigned', assignee: vera.user.id });
  const volunteers = [profile(vera.user.id, ['ceredigion']), profile(owen.user.id, ['ceredigion'])];
  await seed(server, [a, b, contactFor(a), contactFor(b), ...volunteers]);
  await signInOnDevice(server, 'vera');
  const { local, remote } = deviceDbs(server);
  await local.replicate.from(remote);
  browser.sent = [];
  const purged: string[][] = [];
  const ended: EndReason[] = [];
  const state = { uploadable: 0 };
  const cycle = evictionCycle({
    local,
    remote,
    origin: server.url,
    uploadable: () => Promise.resolve(state.uploadable),
    purge: (ids) => {
      purged.push(ids);
      return Promise.resolve(ids);
    },
    onEnd: (reason) => ended.push(reason),
  });
  const handToOwen = (task: RequestDoc) => handOver(server, cath, task, owen.user.id);
  return { server, vera, local, a, b, handToOwen, purged, ended, state, cycle };
}

/** The coordinator's device hands `task` to `to`: a write the server judges and stores. */
async function handOver(server: TestServer, by: Staff, task: RequestDoc, to: string) {
  const coordinator = remoteDb(server, by.cookie);
  const { _rev } = await coordinator.get(task._id);
  const [result] = await coordinator.bulkDocs([{ ...assign(task, to, by.user.id, at(101)), _rev }]);
  if (!result || 'error' in result) throw new Error(`not handed over: ${JSON.stringify(result)}`);
}

/** The tokens the device asked `_evictions` with, in order. */
const asked = () => browser.sentTo('_evictions').map((s) => s.url.searchParams.get('since'));

/** The `last_seq` of each `_evictions` answer, in order. */
const answered = () =>
  Promise.all(
    browser
      .sentTo('_evictions')
      .map(async (s) => ((await s.answer) as { last_seq: string }).last_seq),
  );

/** A token from the server as the device would hold it after an earlier cycle. */
async function tokenNow(server: TestServer): Promise<string> {
  const res = await fetch(`${server.url}/db/_evictions?since=now`);
  const { last_seq } = (await res.json()) as { last_seq: string };
  browser.sent = [];
  return last_seq;
}

describe('the eviction cycle', () => {
  it('starts from the server’s seq and drops what the server no longer lists', async () => {
    const d = await veraWithTwoTasks();
    await d.handToOwen(d.b);
    await d.cycle.run();
    expect(asked()).toEqual(['now']);
    expect(d.purged).toEqual([[requestContactId(d.b._id), d.b._id]]);
    expect(await readToken(d.local)).toBe((await answered())[0]);
  });

  it('purges what left since its token, then moves the token on', async () => {
    const d = await veraWithTwoTasks();
    const token = await tokenNow(d.server);
    await writeToken(d.local, token);
    await d.handToOwen(d.a);
    await d.cycle.run();
    expect(asked()).toEqual([token]);
    expect(d.purged).toEqual([[requestContactId(d.a._id), d.a._id]]); // as the server lists them
    const [next] = await answered();
    expect(next).not.toBe(token);
    expect(await readToken(d.local)).toBe(next);
  });

  it('keeps its token while changes wait to upload, and on a failed answer', async () => {
    const d = await veraWithTwoTasks();
    d.state.uploadable = 1;
    const token = await tokenNow(d.server);
    await writeToken(d.local, token);
    await d.handToOwen(d.a);
    await d.cycle.run();
    d.state.uploadable = 0;
    await d.server.stopListening(); // no answer at all
    await d.cycle.run();
    expect(d.purged).toEqual([]);
    expect(await readToken(d.local)).toBe(token);
    await d.server.listenAgain();
    await d.cycle.run();
    expect(asked()).toEqual([token, token, token]);
    expect(browser.sentTo('_evictions').map((s) => s.status)).toEqual([200, 0, 200]);
    expect(d.purged).toEqual([[requestContactId(d.a._id), d.a._id]]); // as the server lists them
  });

  it('ends access on 403 and asks nothing more', async () => {
    const d = await veraWithTwoTasks();
    const token = await tokenNow(d.server);
    await writeToken(d.local, token);
    await disableAccount(d.server, 'vera');
    await d.cycle.run();
    await d.cycle.run();
    expect(d.ended).toEqual(['disabled']);
    expect(asked()).toEqual([token]);
    expect(browser.sentTo('_evictions')[0]?.status).toBe(403);
  });

  it('runs one cycle at a time, and once more if asked meanwhile', async () => {
    const d = await veraWithTwoTasks();
    const token = await tokenNow(d.server);
    await writeToken(d.local, token);
    // The server moves on before each ask (a request comes in for Gwynedd), so each answer
    // carries a token of its own.
    browser.beforeSend = async ({ url }) => {
      if (url.pathname === '/db/_evictions') await seed(d.server, [request({ area: 'gwynedd' })]);
    };
    const first = d.cycle.run();
    void d.cycle.run();
    void d.cycle.run();
    await first;
    await expect.poll(() => browser.sentTo('_evictions').length).toBe(2);
    const [second, third] = await answered();
    await expect.poll(() => readToken(d.local)).toBe(third);
    expect(asked()).toEqual([token, second]);
    expect(new Set([token, second, third]).size).toBe(3);
  });
});
