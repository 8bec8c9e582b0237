/**
 * What every work screen starts from: the signed-in account, its device (replica, read model, sync
 * status) and the user id its documents carry. Null when nobody is signed in on this device.
 */
import { deviceSession, type DeviceSession } from '../device-session.svelte.ts';
import { signedInAccount, type StaffAccount } from '../session.ts';
import { staffUserIdOf } from './staff-user-id.ts';

export type WorkSession = { account: StaffAccount; session: DeviceSession; userId: string };

export async function openWork(): Promise<WorkSession | null> {
  const account = signedInAccount();
  if (!account) return null;
  const [session, userId] = await Promise.all([
    deviceSession(account),
    staffUserIdOf(account.username),
  ]);
  return { account, session, userId };
}
