/**
 * `GET /db/_evictions?since=<token>`: the ids a device must purge because they LEFT its user's view
 * (a task unassigned or handed to someone else, a task finished or the resident's consent to share
 * withdrawn so its contact goes, a closed task past the volunteer retention time). The answer is `{ ids, last_seq }` or, when the user's role or
 * areas changed since `since` (its view key differs), `{ reset: true, ids: [], last_seq }`: the
 * device then wipes and syncs afresh, as nothing short of that can say what the old view held.
 *
 * Why a purge list and not tombstones in `_changes`: a tombstone the server made up would stay on
 * the device under the same id, be pushed back as a deletion the policy refuses, and shadow the
 * document if it came back into view. `purge` (PouchDB's indexeddb adapter) removes the document
 * and its history, so a later return is an ordinary new document to the replicator. The device
 * calls this after each pull with the checkpoint it pulled from, then stores `last_seq`; the
 * purge of an id it never held is a no-op, so the list may over-approximate (it only ever names
 * documents the user was allowed to read at some revision, so it reveals nothing).
 *
 * How: each request changed since `since` is judged at its current revision and at up to
 * `historyDepth` earlier ones (their bodies, kept until compaction); what some earlier revision let
 * the user read and the current one does not is evicted, with its contact, notes and events.
 * The changed requests, their children and the retention check come from the routing index
 * (routing-index.ts); only the changed requests' earlier revisions are read.
 * Limits: a request edited more than `historyDepth` times between two syncs, or compacted (CouchDB
 * compacts on its own), can miss its eviction.
 */
import type { Context } from 'hono';
import { canRead, canReadRequest, isPastVolunteerRetention } from '#domain/access/access.ts';
import { docClassOf } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';
import type { ReadFilter } from '../reads/read-filter.ts';
import type { Body, IndexEntry } from '../routing/index-entry.ts';
import type { RoutingIndex } from '../routing/routing-index.ts';
import { storedBodies } from '../routing/stored-bodies.ts';
import { parseSince, seqToken, viewKey } from './view-seq.ts';

const historyDepth = 20;

/**
 * What `entry` was routed by, newest first: its current routing, the earlier routings the index
 * has read (kept through compaction, as long as this instance runs), then whatever earlier
 * revision bodies the database still holds (for changes made before this instance started).
 */
async function history(db: ReplicatedDb, entry: IndexEntry): Promise<StaffDoc[]> {
  const known = [entry.routing, ...entry.earlier].filter(
    (b): b is Body => b !== null && typeof b.type === 'string',
  ) as unknown as StaffDoc[];
  const stored = await storedBodies(db, entry.id, entry.rev, { depth: historyDepth });
  return [...known, ...(stored as unknown as StaffDoc[])];
}

async function requestEvictions(
  db: ReplicatedDb,
  index: RoutingIndex,
  user: StaffUser,
  now: string,
  change: IndexEntry,
) {
  const bodies = (await history(db, change)) as RequestDoc[];
  const current = change.deleted ? undefined : (change.routing as RequestDoc | null);
  const earlier = bodies.filter((b) => canReadRequest(user, b, now));
  if (earlier.length === 0) return [];
  const readableNow = current != null && canReadRequest(user, current, now);
  const ids = readableNow ? [] : [change.id];
  for (const child of index.childrenOf(change.id)) {
    const doc = child.routing as unknown as StaffDoc | null;
    if (doc === null) continue;
    const was = earlier.some((r) => canRead(user, doc, r, now));
    const is = readableNow && canRead(user, doc, current ?? undefined, now);
    if (was && !is) ids.push(child.id);
  }
  return ids;
}

/** Profiles (a coordinator's areas, a volunteer's own) leave a view by changing themselves. */
async function otherEvictions(db: ReplicatedDb, user: StaffUser, now: string, change: IndexEntry) {
  const bodies = await history(db, change);
  const current = change.deleted ? null : (change.routing as StaffDoc | null);
  if (current !== null && canRead(user, current, undefined, now)) return [];
  return bodies.some((b) => canRead(user, b, undefined, now)) ? [change.id] : [];
}

/** A volunteer's closed tasks leave their phone with time, without changing. */
function retentionEvictions(index: RoutingIndex, user: StaffUser, now: string) {
  if (user.role !== 'volunteer') return [];
  const ids: string[] = [];
  for (const entry of index.entries()) {
    const request = entry.routing as unknown as RequestDoc | null;
    if (entry.deleted || request?.type !== 'request' || request.assignee !== user.id) continue;
    if (!isPastVolunteerRetention(request, now)) continue;
    // Only what the task let them read before time ran out (canRead without a clock).
    const held = index.childrenOf(entry.id).filter((child) => {
      const doc = child.routing as unknown as StaffDoc | null;
      return doc !== null && canRead(user, doc, request);
    });
    ids.push(entry.id, ...held.map((c) => c.id));
  }
  return ids;
}

export async function evictions(
  c: Context,
  db: ReplicatedDb,
  filter: ReadFilter,
  user: StaffUser,
  now: string,
) {
  const key = viewKey(user);
  await filter.current();
  const index = filter.index;
  const latest = index.lastSeq;
  const latestPos = index.pos;
  const asked = c.req.query('since') ?? '0';
  const since = parseSince(asked, key, latest);
  if (asked !== '0' && since === 0) {
    return c.json({ reset: true, ids: [], last_seq: seqToken(latest, key) });
  }
  const ids = new Set<string>();
  const start = await index.start(since);
  // The index may move on while bodies are read below: the walk is taken first.
  const changed = [...index.from(start)].filter((e) => e.pos <= latestPos);
  for (const entry of changed) {
    const cls = docClassOf(entry.id);
    const found =
      cls === 'request'
        ? await requestEvictions(db, index, user, now, entry)
        : cls === 'volunteer' || cls === 'area'
          ? await otherEvictions(db, user, now, entry)
          : [];
    for (const id of found) ids.add(id);
  }
  for (const id of retentionEvictions(index, user, now)) ids.add(id);
  return c.json({ ids: [...ids].sort(), last_seq: seqToken(latest, key) });
}
