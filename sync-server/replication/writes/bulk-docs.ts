/**
 * `POST /db/_bulk_docs`: every document validated by the domain schema and judged against the
 * present (write-judge.ts) before anything is stored. A refusal is that document's answer,
 * `{ id, error: "forbidden", reason }`, which PouchDB's replicator reports as `denied`; the rest of
 * the batch is written. Requests are judged first, so a contact, note or event in the same batch
 * is judged against the request as this batch leaves it.
 *
 * Bounded: at most `maxDocs` documents a batch (413, and the device halves its batch), at most
 * `WriteLimit` documents a minute per account (429), and judging yields to the event loop, so a
 * batch never keeps `/healthz` or anyone else's sync waiting.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-docs
 */
import type { Context } from 'hono';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import type { Candidate } from '#domain/people/assignable.ts';
import { docClassOf, requestIdOf } from '#domain/documents/doc-ids.ts';
import type { StoredDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import { apiError } from '../../http/api-error.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';
import { badRequest } from '../couch/couch-errors.ts';
import type { KeyedLock } from './keyed-lock.ts';
import { presentOf } from './present-outcome.ts';
import { settleAll } from './resolve-conflicts.ts';
import { placeNeededFor } from '../../geo/place-needed.ts';
import { eventsIn } from './related/handover-reason.ts';
import { judge, refuse, type Verdict } from './write-judge.ts';
import type { WriteLimit } from './write-limit.ts';

export type BulkDocsOptions = {
  db: ReplicatedDb;
  now: () => Date;
  lock: KeyedLock;
  limit: WriteLimit;
  maxDocs: number;
  candidate: (userId: string) => Promise<Candidate>;
  /** The requests stored now as duplicates of one (routing/duplicate-links.ts). */
  duplicatesOf: (requestId: string) => Promise<string[]>;
  /** Binds a new request's reference for its writer (sync-server/intake/reference-pool.ts). */
  useReference: (
    user: StaffUser,
    reference: string,
    requestId: string,
  ) => Promise<ForbiddenReason | null>;
  /** Told of every contact whose old revisions should leave storage (compaction.ts). */
  onContactChanged: (id: string) => void;
  /**
   * Told of every request or profile a written document leaves without its points, or with stale
   * ones (sync-server/geo/place-needed.ts).
   */
  onPlaceNeeded?: (docId: string) => Promise<void>;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** With `new_edits: false`, revisions the server already has need no judging and no writing. */
async function knownRevs(
  db: ReplicatedDb,
  docs: unknown[],
  newEdits: boolean,
): Promise<Set<string>> {
  if (newEdits) return new Set();
  const asked: Record<string, string[]> = {};
  for (const d of docs) {
    if (isObject(d) && typeof d._id === 'string' && typeof d._rev === 'string') {
      (asked[d._id] ??= []).push(d._rev);
    }
  }
  const diff = (await db.revsDiff(asked)) as Record<string, { missing?: string[] }>;
  const known = new Set<string>();
  for (const [id, revs] of Object.entries(asked)) {
    for (const rev of revs) if (!diff[id]?.missing?.includes(rev)) known.add(`${id}@${rev}`);
  }
  return known;
}

/** Gives the event loop a turn every few milliseconds of judging. */
function yielder(sliceMs = 5) {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

const rank = (id: string) => (docClassOf(id) === 'request' ? 0 : 1);

export async function bulkDocs(
  c: Context,
  options: BulkDocsOptions,
  user: StaffUser,
  body: unknown,
) {
  const { db } = options;
  const docs = isObject(body) ? body.docs : undefined;
  const newEdits = isObject(body) ? (body.new_edits ?? true) : true;
  if (!Array.isArray(docs) || typeof newEdits !== 'boolean') {
    return badRequest(c, 'Send { "docs": [...], "new_edits"?: boolean }.');
  }
  if (docs.length > options.maxDocs) {
    const reason = `At most ${options.maxDocs} documents a batch; send smaller batches.`;
    return apiError(c, 413, 'payload_too_large', reason);
  }
  const allowance = options.limit.take(user.id, docs.length);
  if (!allowance.ok) {
    c.header('Retry-After', String(allowance.retryAfterS));
    return apiError(c, 429, 'rate_limited', 'Too many changes at once; try again shortly.');
  }
  const ids = docs.map((d) => (isObject(d) && typeof d._id === 'string' ? d._id : ''));
  const related = ids.flatMap((id) => requestIdOf(id) ?? []);
  // A request named as the one kept takes turns too, so of a chain made in two batches at once
  // the second is judged with the first stored (duplicate-link.ts).
  const kept = docs.flatMap((d) =>
    isObject(d) && typeof d.duplicate_of === 'string' ? [d.duplicate_of] : [],
  );
  return options.lock.run([...ids, ...related, ...kept], async () => {
    const ctx = {
      db,
      user,
      newEdits,
      present: await presentOf(db, [...ids, ...related]),
      known: await knownRevs(db, docs, newEdits),
      judgedAt: options.now().toISOString(),
      batchRequests: new Map<string, RequestDoc>(),
      batchEvents: eventsIn(docs),
      candidate: options.candidate,
      duplicatesOf: options.duplicatesOf,
      useReference: (reference: string, requestId: string) =>
        options.useReference(user, reference, requestId),
    };
    // Requests first, then the rest; answers go back in the order the documents came.
    const order = docs.map((_, i) => i).sort((a, b) => rank(ids[a] ?? '') - rank(ids[b] ?? ''));
    const verdicts: Verdict[] = new Array<Verdict>(docs.length);
    const breathe = yielder();
    for (const i of order) {
      verdicts[i] = await judge(ctx, docs[i], ids[i] ?? '');
      await breathe();
    }
    refuseMovesWithoutReason(verdicts, ids);
    const writes = verdicts.flatMap((v) => ('write' in v ? [v.write] : []));
    const written = await storeInSlices(db, writes, newEdits);
    await writeAfter(db, verdicts);
    const writtenIds = [...new Set(writes.map((w) => w._id))];
    await settleAll(db, writtenIds);
    for (const id of writtenIds) if (docClassOf(id) === 'contact') options.onContactChanged(id);
    await markPlacesNeeded(options, writes);
    let next = 0;
    const answer = verdicts.map((v) => {
      if ('refused' in v) return v.refused;
      if ('unchanged' in v) return { ok: true, id: v.unchanged };
      return written[next++] ?? { ok: true, id: v.write._id };
    });
    return c.json(answer, 201);
  });
}

/**
 * A request moved to another area on the strength of an event in the same batch stands only if
 * that event was stored too (handover-reason.ts); the event is judged after the request.
 */
function refuseMovesWithoutReason(verdicts: Verdict[], ids: readonly string[]) {
  const stood = new Set(verdicts.flatMap((v, i) => ('refused' in v ? [] : [ids[i]])));
  verdicts.forEach((v, i) => {
    if ('write' in v && v.needs !== undefined && !stood.has(v.needs)) {
      verdicts[i] = refuse(v.write._id, 'no_handover_reason');
    }
  });
}

/** Points are worked out later (sync-server/geo/); a marker that fails to save fails no write. */
async function markPlacesNeeded(options: BulkDocsOptions, writes: StoredDoc[]) {
  if (options.onPlaceNeeded === undefined) return;
  const ids = new Set(writes.flatMap((doc) => placeNeededFor(doc) ?? []));
  for (const id of ids) {
    await options.onPlaceNeeded(id).catch((error: unknown) => console.error('geocode:', error));
  }
}

/** Stored a slice at a time, the event loop free in between; answers in the order given. */
async function storeInSlices(db: ReplicatedDb, docs: StoredDoc[], newEdits: boolean) {
  const answers: (PouchDB.Core.Response | PouchDB.Core.Error)[] = [];
  for (let i = 0; i < docs.length; i += 100) {
    const part = docs.slice(i, i + 100) as PouchDB.Core.PutDocument<object>[];
    answers.push(...(await db.bulkDocs(part, { new_edits: newEdits })));
  }
  return answers;
}

/**
 * What follows a batch: deletions carried out on the present winner (present-outcome.ts) and the
 * events kept of refused late progress (late-progress.ts). An event already kept by an earlier
 * try of the same write answers `conflict`, which is what it should: it is there once.
 */
async function writeAfter(db: ReplicatedDb, verdicts: Verdict[]) {
  const deletions = verdicts.flatMap((v) => ('write' in v && v.thenDelete ? [v.thenDelete] : []));
  const kept = verdicts.flatMap((v): EventDoc[] => ('refused' in v && v.keep ? [v.keep] : []));
  const after: StoredDoc[] = [...deletions, ...kept];
  if (after.length > 0) await db.bulkDocs(after as PouchDB.Core.PutDocument<object>[]);
}
