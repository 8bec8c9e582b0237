/**
 * When the server ends access, on the browser build of PouchDB over fake-indexeddb: a disabled
 * account's device is wiped with its unsent change counted; a device whose session ended keeps an
 * unsent change, and is wiped when nothing is unsent. The server is a stand-in refusing all of
 * `/db` as the real one does (sync-server/accounts/session-gate.ts).
 */
import 'fake-indexeddb/auto';
import './browser-globals.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-browser';
import { deviceDbName } from '$lib/staff/sync/device-db.ts';
import { startStaffDevice, type DeviceEnd } from '$lib/staff/sync/device.ts';
import { SyncStatus } from '$lib/staff/sync/sync-status.svelte.ts';
import { request, testUuid } from '../../domain/staff/factories.ts';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A server answering every request with `status`, as the session gate does. */
async function refusingServer(status: number, error: string): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error, reason: error }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const databasesOf = async (userId: string) =>
  (await indexedDB.databases()).filter((d) => d.name?.includes(userId)).map((d) => d.name);

/** A device whose replica already holds a change made offline (or none), then started. */
async function startDevice(origin: string, unsent: boolean) {
  const userId = testUuid();
  if (unsent) {
    const local = new PouchDB(deviceDbName(userId), { adapter: 'indexeddb' });
    await local.put(request());
    await local.close();
  }
  let resolveEnd: (end: DeviceEnd) => void = () => {};
  const ended = new Promise<DeviceEnd>((resolve) => (resolveEnd = resolve));
  const device = startStaffDevice(userId, new SyncStatus(), origin, resolveEnd);
  return { userId, device, ended };
}

describe('access ended by the server', () => {
  it('wipes a disabled account’s device, counting what was unsent', async () => {
    const origin = await refusingServer(403, 'account_disabled');
    const { userId, device, ended } = await startDevice(origin, true);
    expect(await ended).toEqual({ reason: 'disabled', wiped: true, unsent: 1 });
    expect(await databasesOf(userId)).toEqual([]);
    expect(await device.signOut()).toBe('wiped');
  });

  it('keeps an unsent change when the session ended', async () => {
    const origin = await refusingServer(401, 'session_expired');
    const { userId, device, ended } = await startDevice(origin, true);
    expect(await ended).toEqual({ reason: 'session-ended', wiped: false, unsent: 1 });
    expect(await databasesOf(userId)).toHaveLength(2);
    // Signing out is still the user's choice, warned.
    expect(await device.signOut()).toBe('unsent');
    expect(await device.signOut({ force: true })).toBe('wiped');
    expect(await databasesOf(userId)).toEqual([]);
  });

  it('wipes when the session ended and nothing was unsent', async () => {
    const origin = await refusingServer(401, 'unauthorized');
    const { userId, ended } = await startDevice(origin, false);
    expect(await ended).toEqual({ reason: 'session-ended', wiped: true, unsent: 0 });
    expect(await databasesOf(userId)).toEqual([]);
  });
});
