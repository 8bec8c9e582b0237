/**
 * References held for a member of staff, as `POST /api/staff/references` would hand them to their
 * device (sync-server/intake/reference-pool.ts), written straight into the server-only database so
 * a test can make requests that the server accepts as taken by them; `takeHeld` gives each out once.
 */
import { makeReference } from '#domain/requests/reference.ts';
import { referenceDocId } from '../../../sync-server/residents/reference-claim.ts';
import type { TestServer } from '../server/test-server.ts';
import { dbFetch } from './replication-fixtures.ts';

const held = new Map<string, string[]>();

/** Claims `count` references for `userId` on `server`, for `takeHeld` to give out from now on. */
export async function holdReferences(
  server: Pick<TestServer, 'storage'>,
  userId: string,
  count: number,
): Promise<string[]> {
  const claimed: string[] = [];
  while (claimed.length < count) {
    const reference = makeReference(() => Math.floor(Math.random() * 10));
    const doc = { _id: referenceDocId(reference), type: 'reference', request_id: null };
    const answer = await server.storage.serverOnly.putIfAbsent({ ...doc, held_by: userId });
    if (answer === 'created') claimed.push(reference);
  }
  // A new server's references replace any an earlier test's server held for the same user.
  held.set(userId, claimed);
  return claimed;
}

/** A reference held for `userId` not given out before; null when none is left. */
export const takeHeld = (userId: string): string | null => held.get(userId)?.shift() ?? null;

/** `POST /api/staff/references` as a device sends it, with `cookie`'s session. */
export async function askForPool(server: TestServer, cookie: string | undefined, body: unknown) {
  const res = await dbFetch(server, '/api/staff/references', {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
