/**
 * Which incarnation of the replicated database this is, so a server can tell the database its
 * routing index was read from from one deleted and made again under the same name: `npm run seed
 * -- --force` on CouchDB while servers run (LevelDB lets only one process open a database, so
 * there the seeder cannot run beside a server). The routing index reads the feed on from where it
 * stopped; a new database's feed is another feed, and every document of the old one would stay
 * listed until the server restarted.
 *
 * Nothing CouchDB 3 answers about a database tells its incarnations apart: `instance_start_time`
 * is always "0" (https://docs.couchdb.org/en/stable/api/database/common.html), and its sequences
 * are opaque, never to be compared (https://docs.couchdb.org/en/stable/api/database/changes.html),
 * so "the sequence went backwards" proves nothing (a re-created database answers an old `since`
 * with its own feed from the start). Nor can the seeder know whether servers on other machines are
 * connected. So the database carries its own mark: a `_local` document with a random id, written
 * by the first server to find it missing, and gone with the database it marks. `_local`
 * documents never appear in `_changes`, `_all_docs` or replication
 * (https://docs.couchdb.org/en/stable/api/local.html), and devices' checkpoints are stored as
 * `_local/<user id>:<id>` (local-docs.ts), so no device can read or overwrite this one.
 */
import { randomUUID } from 'node:crypto';
import type { ReplicatedDb } from './storage.ts';

const markId = '_local/cymorth-generation';

/**
 * How often the routing index reads the mark: at most once a second, not at every catch-up (one
 * more request before every `/db` answer). A re-created database is noticed within it.
 */
export const generationCheckMs = 1000;

type Mark = { _id: string; generation?: unknown };

const statusOf = (error: unknown) => (error as { status?: unknown } | null)?.status;

/** The mark's generation, or null when there is none (or no database: then writing one fails). */
async function readMark(db: ReplicatedDb): Promise<string | null> {
  try {
    return String((await db.get<Mark>(markId)).generation);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** The database's mark, written first if it has none. Rejects when the database cannot be read. */
export async function databaseGeneration(db: ReplicatedDb): Promise<string> {
  const found = await readMark(db);
  if (found !== null) return found;
  const generation = randomUUID();
  try {
    await db.put<Mark>({ _id: markId, generation });
    return generation;
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  // Another instance marked it between our read and our write: its mark is the one.
  const theirs = await readMark(db);
  if (theirs === null) throw new Error(`${markId} vanished as it was written`);
  return theirs;
}
