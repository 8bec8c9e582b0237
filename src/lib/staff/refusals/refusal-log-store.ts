/**
 * The refusal log (refusal-log.ts) kept in the device's replica as a `_local` document: it never
 * replicates, survives reloads and purges, and goes with the replica at sign-out.
 */
import { requestIdOf } from '#domain/documents/doc-ids.ts';
import type { ReadModelDb } from '../data/read-model-handle.ts';
import { requestsById } from '../data/requests/request-queries.ts';
import type { SyncSnapshot } from '../sync/status/sync-snapshot.ts';
import { nextLog, orphaned, type LoggedRefusal } from './refusal-log.ts';

import { refusalLogId } from '../sync/replica/local-doc-ids.ts';

type LogDoc = { _id: string; _rev?: string; entries: LoggedRefusal[] };

const read = (db: PouchDB.Database) =>
  db.get<LogDoc>(refusalLogId).catch((): LogDoc => ({ _id: refusalLogId, entries: [] }));

/** Brings the log up to date with the sync status; returns the entries. */
export async function updateRefusalLog(
  db: PouchDB.Database,
  model: ReadModelDb,
  denied: SyncSnapshot['denied'],
): Promise<LoggedRefusal[]> {
  const doc = await read(db);
  const ids = [
    ...new Set([
      ...doc.entries.map((r) => r.requestId),
      ...denied.flatMap((d) => requestIdOf(d.id) ?? []),
    ]),
  ];
  const requests = await requestsById(model, ids);
  const entries = nextLog(
    doc.entries,
    denied,
    (id) => {
      const request = requests.get(id);
      return request ? { reference: request.reference, kind: request.kind } : null;
    },
    (id) => requests.has(id),
  );
  if (JSON.stringify(entries) !== JSON.stringify(doc.entries)) {
    // Another tab writing at the same moment wins; the next update catches up.
    await db.put({ ...doc, entries }).catch(() => undefined);
  }
  return entries;
}

/** The user has read the refusals of requests that are gone: they leave the log. */
export async function dismissOrphaned(
  db: PouchDB.Database,
  present: (requestId: string) => boolean,
): Promise<LoggedRefusal[]> {
  const doc = await read(db);
  const gone = new Set(orphaned(doc.entries, present));
  const entries = doc.entries.filter((r) => !gone.has(r));
  await db.put({ ...doc, entries }).catch(() => undefined);
  return entries;
}
