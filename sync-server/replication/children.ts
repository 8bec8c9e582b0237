/**
 * A request's contact, notes and events: their ids name the request (doc-ids.ts), so one key and
 * two key ranges find them all without an index.
 */
import type { ReplicaDb } from '../storage.ts';
import type { Body } from './read-filter.ts';

export type ChildRow = { id: string; rev: string; doc: Body };

export async function childrenOf(db: ReplicaDb, requestId: string): Promise<ChildRow[]> {
  const uuid = requestId.replace(/^request:/, '');
  const range = (prefix: string) =>
    db.allDocs<Body>({
      startkey: `${prefix}:${uuid}:`,
      endkey: `${prefix}:${uuid}:\ufff0`,
      include_docs: true,
    });
  const [contact, notes, events] = await Promise.all([
    db.allDocs<Body>({ keys: [`contact:${uuid}`], include_docs: true }),
    range('note'),
    range('event'),
  ]);
  const rows: ChildRow[] = [];
  for (const row of [...contact.rows, ...notes.rows, ...events.rows]) {
    if ('error' in row || row.value.deleted || !row.doc) continue;
    rows.push({ id: row.id, rev: row.value.rev, doc: row.doc as Body });
  }
  return rows;
}
