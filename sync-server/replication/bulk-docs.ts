/**
 * `POST /db/_bulk_docs`: every document validated by the domain schema and judged by `canWrite`
 * against the stored winner before anything is stored. A refusal is that document's answer,
 * `{ id, error: "forbidden", reason }`, which PouchDB's replicator reports as `denied`; the rest of
 * the batch is written. A time set further than five minutes ahead of the server's clock is refused
 * (`clock-ahead`, stamps.ts), so a device with a wrong clock cannot win merges. Requests are judged
 * first, so a contact, note or event in the same batch is judged against the request as this batch
 * leaves it.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-docs
 */
import type { Context } from 'hono';
import { canWrite } from '#domain/staff/access.ts';
import { docClassOf, requestIdOf } from '#domain/staff/doc-ids.ts';
import { parseStaffDoc, type StoredDoc } from '#domain/staff/documents.ts';
import type { ForbiddenReason } from '#domain/staff/forbidden-reasons.ts';
import type { StaffRequestDoc } from '#domain/staff/request-doc.ts';
import type { StaffUser } from '#domain/staff/users.ts';
import type { ReplicaDb } from '../storage.ts';
import { badRequest } from './couch-errors.ts';
import { settleConflicts } from './resolve-conflicts.ts';
import { routableTombstone } from './routable-tombstone.ts';

type Refusal = { id: string; error: 'forbidden'; reason: ForbiddenReason };
type Outcome = Refusal | { write: StoredDoc } | { unchanged: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const refuse = (id: string, reason: ForbiddenReason): Refusal => ({
  id,
  error: 'forbidden',
  reason,
});

/** The current winners of these ids; a deletion as a bare tombstone. */
async function winners(db: ReplicaDb, ids: string[]): Promise<Map<string, StoredDoc>> {
  const result = await db.allDocs({ keys: [...new Set(ids)], include_docs: true });
  const map = new Map<string, StoredDoc>();
  for (const row of result.rows) {
    if ('error' in row) continue;
    map.set(
      row.id,
      row.value.deleted
        ? { _id: row.id, _rev: row.value.rev, _deleted: true }
        : (row.doc as unknown as StoredDoc),
    );
  }
  return map;
}

/**
 * What a replicated revision replaces: its newest ancestor the server holds, so an edit made
 * offline on an older revision is judged as the edit it was (a concurrent branch is then merged
 * by `settleConflicts`), not as an undoing of whatever won meanwhile. Without a known ancestor
 * (a new document, or history the server never had) it is judged against the current winner.
 */
async function replacedRevision(
  db: ReplicaDb,
  doc: StoredDoc,
  winner: StoredDoc | null,
): Promise<StoredDoc | null> {
  const history = doc._revisions;
  if (history === undefined) return winner;
  for (let i = 1; i < Math.min(history.ids.length, 20); i++) {
    const rev = `${history.start - i}-${history.ids[i]}`;
    if (winner?._rev === rev) return winner;
    try {
      const body = (await db.get(doc._id, { rev })) as unknown as StoredDoc;
      return 'type' in body ? body : { _id: doc._id, _rev: rev, _deleted: true };
    } catch {
      // Not on the server: look further back.
    }
  }
  return winner;
}

/** With `new_edits: false`, revisions the server already has need no judging and no writing. */
async function knownRevs(db: ReplicaDb, docs: unknown[], newEdits: boolean): Promise<Set<string>> {
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

/** `now` is the server's clock: writes stamped too far ahead of it are refused (`clock-ahead`). */
export async function bulkDocs(
  c: Context,
  db: ReplicaDb,
  user: StaffUser,
  body: unknown,
  now: () => Date = () => new Date(),
) {
  const docs = isObject(body) ? body.docs : undefined;
  const newEdits = isObject(body) ? (body.new_edits ?? true) : true;
  if (!Array.isArray(docs) || typeof newEdits !== 'boolean') {
    return badRequest(c, 'Send { "docs": [...], "new_edits"?: boolean }.');
  }
  const ids = docs.map((d) => (isObject(d) && typeof d._id === 'string' ? d._id : ''));
  const current = await winners(db, [...ids, ...ids.flatMap((id) => requestIdOf(id) ?? [])]);
  const known = await knownRevs(db, docs, newEdits);
  const batchRequests = new Map<string, StaffRequestDoc>();
  const judgedAt = now().toISOString();

  const judge = async (input: unknown, id: string): Promise<Outcome> => {
    if (!isObject(input) || id === '' || Object.hasOwn(input, '__proto__')) {
      return refuse(id, 'invalid-document');
    }
    if (typeof input._rev === 'string' && known.has(`${id}@${input._rev}`))
      return { unchanged: id };
    const parsed = parseStaffDoc(input);
    if (!parsed.ok) return refuse(id, 'invalid-document');
    const requestId = requestIdOf(id);
    const stored = requestId === null ? undefined : current.get(requestId);
    const related =
      requestId === null
        ? undefined
        : (batchRequests.get(requestId) ??
          (stored && 'type' in stored && stored.type === 'request' ? stored : undefined));
    const winner = current.get(id) ?? null;
    const before = newEdits ? winner : await replacedRevision(db, parsed.doc, winner);
    const verdict = canWrite(user, before, parsed.doc, related, judgedAt);
    if (!verdict.ok) return refuse(id, verdict.reason);
    if ('type' in parsed.doc && parsed.doc.type === 'request') batchRequests.set(id, parsed.doc);
    return { write: routableTombstone(parsed.doc, before) };
  };

  // Requests first, then the rest; answers go back in the order the documents came.
  const order = docs.map((_, i) => i);
  order.sort((a, b) => rank(ids[a] ?? '') - rank(ids[b] ?? ''));
  const outcomes: Outcome[] = new Array<Outcome>(docs.length);
  for (const i of order) outcomes[i] = await judge(docs[i], ids[i] ?? '');

  const writes = outcomes.flatMap((o) => ('write' in o ? [o.write] : []));
  const written = writes.length
    ? await db.bulkDocs(writes as PouchDB.Core.PutDocument<object>[], { new_edits: newEdits })
    : [];
  for (const id of new Set(writes.map((w) => w._id))) await settleConflicts(db, id);

  let next = 0;
  const answer = outcomes.map((o) => {
    if ('error' in o) return o;
    if ('unchanged' in o) return { ok: true, id: o.unchanged };
    return written[next++] ?? { ok: true, id: o.write._id };
  });
  return c.json(answer, 201);
}

const rank = (id: string) => (docClassOf(id) === 'request' ? 0 : 1);
