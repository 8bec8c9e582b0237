/**
 * What every work screen starts from: the signed-in account, its device (replica, read model, sync
 * status) and the user id its documents carry, as the server gave it at sign-in. Null when nobody is
 * signed in on this device (or, once, when a device signed in before the id was given cannot ask).
 */
import { deviceSession, type DeviceSession } from '../device-session.svelte.ts';
import { accountWithId, type IdentifiedAccount } from '../session.ts';
import { refreshStaffNames } from '../data/staff-names.ts';

export type WorkSession = { account: IdentifiedAccount; session: DeviceSession; userId: string };

export async function openWork(): Promise<WorkSession | null> {
  const account = await accountWithId();
  if (!account) return null;
  // While online, keep the names this user may see on the device for the pages opened offline.
  void refreshStaffNames(account.user_id, { unlessFresh: true });
  return { account, session: await deviceSession(account), userId: account.user_id };
}
