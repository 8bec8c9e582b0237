/**
 * The signed-in staff member's device, started once per page load and shared by the staff pages.
 * PouchDB and the replicator are loaded only here, by dynamic import, so no resident page ever
 * downloads them. The device starts and stops its replicator; `status` is a read-only view of the
 * replicator's snapshots for the pages, and `device.refresh` counts uploads again after a write.
 * The device's databases are named by the account's id (`user_id`, as the server's session answer
 * gives it); a replica a device kept under the username is moved first (replica-upgrade.ts).
 *
 * When the server ends access (session over, account disabled; see sync/device.ts for what is
 * wiped), the account is forgotten on this device and the user is taken to sign-in, with what
 * happened kept for that page to say (`takeDeviceEnd`): that data was removed, and how many
 * unsent changes were lost or are waiting for them to sign in again.
 */
import { goto } from '$app/navigation';
import type { DeviceEnd, StaffDevice } from './sync/device.ts';
import type { SyncStatus } from './sync/status/sync-status.svelte.ts';
import { signOut, type IdentifiedAccount } from './session.ts';

export type DeviceSession = {
  username: string;
  /** The account's id (a UUID): what documents name this person by, and the databases too. */
  userId: string;
  device: StaffDevice;
  status: SyncStatus;
};

let session: Promise<DeviceSession> | null = null;
/** The session once started, as runes: the staff layout shows its sync status on every page. */
const started = $state<{ session: DeviceSession | null }>({ session: null });
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

export function deviceSession(account: IdentifiedAccount): Promise<DeviceSession> {
  if (session) return session;
  const { username, user_id: userId } = account;
  const starting = (async () => {
    const [{ startStaffDevice }, { SyncStatus }, { moveUsernameReplica }] = await Promise.all([
      import('./sync/device.ts'),
      import('./sync/status/sync-status.svelte.ts'),
      import('./sync/replica/replica-upgrade.ts'),
    ]);
    await moveUsernameReplica(username, userId);
    const device = startStaffDevice(userId, location.origin, (end) => void accessEnded(end));
    return { username, userId, device, status: new SyncStatus(device.snapshots) };
  })();
  // A move that failed destroyed nothing: the next page (or reload) tries again.
  session = starting;
  starting.then(
    (s) => {
      if (session === starting) started.session = s;
    },
    () => {
      if (session === starting) session = null;
    },
  );
  return starting;
}

/** After sign-out the next account starts a device of its own. */
export function forgetDeviceSession(): void {
  session = null;
  started.session = null;
}

/** The device session this page has started, or null: read only, it starts nothing. */
export function startedDeviceSession(): DeviceSession | null {
  return started.session;
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
