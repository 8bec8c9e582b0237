/**
 * What a coordinator or an admin does on the server while a staff device watches: hand a task to
 * someone else, and switch an account off. Written through the running server's own storage, as a
 * replicated write or `npm run admin` would leave it.
 */
import { assign } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { setDisabled } from '../../../../sync-server/accounts/account-store.ts';
import type { AppServer } from './app-server.ts';

/** Gives the request to `to` (a user id), as coordinator `by`; returns the stored revision. */
export async function handOver(
  server: AppServer,
  requestId: string,
  to: string,
  by: string,
): Promise<RequestDoc> {
  const db = server.storage.replicatedDb;
  const current = await db.get<RequestDoc>(requestId);
  const handed = assign(current, to, by, new Date().toISOString());
  const { rev } = await db.put(handed);
  return { ...handed, _rev: rev };
}

export async function disableAccount(server: AppServer, username: string): Promise<void> {
  const ctx = {
    store: server.storage.serverOnly,
    now: () => new Date(),
    scrypt: { N: 2 ** 10, r: 8, p: 1 },
  };
  const result = await setDisabled(ctx, username, true);
  if (!result.ok) throw new Error(`could not disable ${username}: ${result.problem}`);
}

/** A coordinator moves a volunteer to other areas (their approved profile decides their view). */
export async function setVolunteerAreas(server: AppServer, userId: string, areas: string[]) {
  const db = server.storage.replicatedDb;
  const profile = await db.get<VolunteerDoc>(volunteerDocId(userId));
  await db.put({ ...profile, areas });
}
