/**
 * The signed-in staff member's device, started once per page load and shared by the staff pages,
 * in two steps so the first screen does not wait for sync:
 * - at once, the Dexie read model (`model`), which is all a screen reads, and a sync status that
 *   knows nothing yet (`status.known` false);
 * - then the replica and its sync (sync/device.ts): after the frame that draws the page's first
 *   screen, on a page that said while it initialised that it draws one from the read model
 *   (`startSyncAfter`), otherwise after the first frame; or sooner when anything asks for them
 *   (`device()`: a write, sign-out). PouchDB and the replicator are loaded only
 *   here, by dynamic import: no resident page ever downloads them, and a staff page parses them
 *   after its first screen, not before (`npm run bench -- volunteer`).
 * The read model shown before the device starts is the one the last visit left; the device
 * catches it up with the replica's changes since then, and the screens' live queries follow.
 *
 * The device's databases are named by the account's id (`user_id`, as the server's session answer
 * gives it); a replica a device kept under the username is moved first (replica-upgrade.ts).
 *
 * When the server ends access (session over, account disabled; see sync/device.ts for what is
 * wiped), the account is forgotten on this device and the user is taken to sign-in, with what
 * happened kept for that page to say (`takeDeviceEnd`): that data was removed, and how many
 * unsent changes were lost or are waiting for them to sign in again.
 */
import { goto } from '$app/navigation';
import type { ReadModelDb } from './data/read-model-handle.ts';
import type { DeviceEnd, StaffDevice } from './sync/device.ts';
import type { SyncStatus } from './sync/status/sync-status.svelte.ts';
import { signOut, type IdentifiedAccount } from './session.ts';

export type DeviceSession = {
  username: string;
  /** The account's id (a UUID): what documents name this person by, and the databases too. */
  userId: string;
  /** The read model, open from the start: what screens read. */
  model: ReadModelDb;
  /** The replica and its sync, started by the first call if not started yet: what writes go to. */
  device: () => Promise<StaffDevice>;
  status: SyncStatus;
};

let session: Promise<DeviceSession> | null = null;
/** The session once its device has started, as runes: the staff layout shows its sync status. */
const started = $state<{ session: DeviceSession | null }>({ session: null });
const endKey = 'cymorth.staff.device-end';
/** A page that said it would draw from the read model, and never did, still syncs after this. */
const latestStartMs = 10_000;

let drawsFirst = false;
let drawn: () => void = () => {};
const firstScreen = new Promise<void>((resolve) => (drawn = resolve));

/**
 * Called while a page initialises: its first screen comes from the read model alone, and is drawn
 * once `shown()` is true; the device starts after the frame that draws it.
 */
export function startSyncAfter(shown: () => boolean): void {
  drawsFirst = true;
  $effect(() => {
    if (shown()) drawn();
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** After the next frame is painted; a tab in the background, where frames never come, soon. */
const afterPaint = () =>
  Promise.race([
    new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    delay(250),
  ]);

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
    // Imported here, not above: the staff layout imports this module, and the sign-in and
    // sign-up pages need none of them.
    const [{ openReadModel }, { SyncStatus }, { mayHoldUsernameDbs }] = await Promise.all([
      import('./data/read-model-handle.ts'),
      import('./sync/status/sync-status.svelte.ts'),
      import('./sync/replica/db-names.ts'),
    ]);
    // Only a device signed in before the databases were named by the id needs PouchDB for this.
    if (await mayHoldUsernameDbs(username, userId)) {
      const { moveUsernameReplica } = await import('./sync/replica/replica-upgrade.ts');
      await moveUsernameReplica(username, userId);
    }
    const model = openReadModel(userId);
    const status = new SyncStatus();
    let device: Promise<StaffDevice> | null = null;
    const opened: DeviceSession = {
      username,
      userId,
      model,
      status,
      device: () =>
        (device ??= import('./sync/device.ts').then(
          ({ startStaffDevice }) => {
            const d = startStaffDevice(
              userId,
              location.origin,
              (end) => void accessEnded(end),
              model,
            );
            status.follow(d.snapshots);
            if (session === starting) started.session = opened;
            return d;
          },
          (error: unknown) => {
            // Its code not cached, offline: the next write, or the next page, asks again.
            device = null;
            throw error;
          },
        )),
    };
    const first = drawsFirst
      ? Promise.race([firstScreen.then(afterPaint), delay(latestStartMs)])
      : afterPaint();
    void first.then(() => {
      if (session === starting)
        opened.device().catch((e: unknown) => console.error('the device did not start', e));
    });
    return opened;
  })();
  // A move that failed destroyed nothing: the next page (or reload) tries again.
  session = starting;
  starting.catch(() => {
    if (session === starting) session = null;
  });
  return starting;
}

/** After sign-out the next account starts a device of its own. */
export function forgetDeviceSession(): void {
  session = null;
  started.session = null;
}

/** The device session whose sync this page has started, or null: read only, it starts nothing. */
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
