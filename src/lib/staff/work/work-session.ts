/**
 * What every work screen starts from: the signed-in account, its device (replica, read model, sync
 * status) and the user id its documents carry, as the server gave it at sign-in. Null when nobody is
 * signed in on this device (or, once, when a device signed in before the id was given cannot ask).
 */
import { deviceSession, type DeviceSession } from '../device-session.svelte.ts';
import { accountWithId, type IdentifiedAccount } from '../session.ts';

export type WorkSession = { account: IdentifiedAccount; session: DeviceSession; userId: string };

export async function openWork(): Promise<WorkSession | null> {
  const account = await accountWithId();
  if (!account) return null;
  return { account, session: await deviceSession(account), userId: account.user_id };
}
