/**
 * The signed-in staff member's device, started once per page load and shared by the staff pages.
 * PouchDB and the replication are loaded only here, by dynamic import, so no resident page ever
 * downloads them.
 */
import type { StaffDevice } from './sync/device.ts';
import type { SyncStatus } from './sync/sync-status.svelte.ts';
import type { StaffAccount } from './session.ts';

export type DeviceSession = { username: string; device: StaffDevice; status: SyncStatus };

let session: Promise<DeviceSession> | null = null;

export function deviceSession(account: StaffAccount): Promise<DeviceSession> {
  session ??= (async () => {
    const [{ startStaffDevice }, { SyncStatus }] = await Promise.all([
      import('./sync/device.ts'),
      import('./sync/sync-status.svelte.ts'),
    ]);
    const status = new SyncStatus();
    const device = startStaffDevice(account.username, status);
    return { username: account.username, device, status };
  })();
  return session;
}

/** After sign-out the next account starts a device of its own. */
export function forgetDeviceSession(): void {
  session = null;
}
