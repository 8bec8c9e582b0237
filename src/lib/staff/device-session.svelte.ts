/**
 * The signed-in staff member's device, started once per page load and shared by the staff pages.
 * PouchDB and the replicator are loaded only here, by dynamic import, so no resident page ever
 * downloads them. The device starts and stops its replicator; `status` is a read-only view of the
 * replicator's snapshots for the pages, and `device.refresh` counts uploads again after a write.
 *
 * When the server ends access (session over, account disabled; see sync/device.ts for what is
 * wiped), the account is forgotten on this device and the user is taken to sign-in, with what
 * happened kept for that page to say (`takeDeviceEnd`): that data was removed, and how many
 * unsent changes were lost or are waiting for them to sign in again.
 */
import { goto } from '$app/navigation';
import type { DeviceEnd, StaffDevice } from './sync/device.ts';
import type { SyncStatus } from './sync/sync-status.svelte.ts';
import { signOut, type StaffAccount } from './session.ts';

export type DeviceSession = { username: string; device: StaffDevice; status: SyncStatus };

let session: Promise<DeviceSession> | null = null;
const endKey = 'cymorth.staff.device-end';

async function accessEnded(end: DeviceEnd): Promise<void> {
  forgetDeviceSession();
  try {
    sessionStorage.setItem(endKey, JSON.stringify(end));
  } catch {
    // Private browsing without storage: the sign-in page then says nothing more.
  }
  await signOut();
  const lang = /^\/(cy|en)\//.exec(location.pathname)?.[1] ?? 'cy';
  await goto(`/${lang}/staff/sign-in`, { replaceState: true });
}

export function deviceSession(account: StaffAccount): Promise<DeviceSession> {
  session ??= (async () => {
    const [{ startStaffDevice }, { SyncStatus }] = await Promise.all([
      import('./sync/device.ts'),
      import('./sync/sync-status.svelte.ts'),
    ]);
    const device = startStaffDevice(
      account.username,
      location.origin,
      (end) => void accessEnded(end),
    );
    return { username: account.username, device, status: new SyncStatus(device.snapshots) };
  })();
  return session;
}

/** After sign-out the next account starts a device of its own. */
export function forgetDeviceSession(): void {
  session = null;
}

/**
 * What the last end of access did on this device, once (the sign-in page shows it with the
 * `staff.device_end.*` messages); null when access did not end by itself.
 */
export function takeDeviceEnd(): DeviceEnd | null {
  try {
    const saved = sessionStorage.getItem(endKey);
    sessionStorage.removeItem(endKey);
    return saved ? (JSON.parse(saved) as DeviceEnd) : null;
  } catch {
    return null;
  }
}
