/**
 * The Dexie read model (docs/architecture.md, "Storage and sync"): PouchDB's documents projected into tables
 * with the indexes the screens query. Fed by the local changes feed in batches; the seq reached is
 * stored in the same transaction as the rows, so a crash never skips or half-applies a batch, and
 * `rebuild()` replays everything from seq 0.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import {
  projectDoc,
  tableOfClass,
  type AreaRow,
  type ContactRow,
  type ProjectedRequest,
  type EventRow,
  type NoteRow,
  type RequestRow,
  type TableName,
  type VolunteerRow,
} from './projections.ts';
import { docClassOf } from '#domain/documents/doc-ids.ts';
import { joinBatch } from './desk-rows.ts';
import { moveTallies } from './tallies.ts';

type Meta = { key: string; value: unknown };

// The request indexes of versions 2 to 6 (desk-order.ts): the queue in order, one index beside
// the status for each filter, search by prefix.
const requestIndexes = [
  'id',
  '[queue+rank]',
  '[status+kind]',
  '[status+area]',
  '[status+urgency]',
  '[status+language]',
  '[status+assignee]',
  '[status+overdue]',
  'assignee',
  'triage_day',
  '*search',
];

/**
 * Version 7's: each filter's field ahead of the queue's order (`[kind+queue+rank]`, …), so any one
 * filter's page is the first entries of one range, and search entries in the desk's order
 * (`searchEntry`); the counts are tallies (tallies.ts), not index walks.
 */
const deskIndexes = [
  'id',
  '[queue+rank]',
  '[status+queue+rank]',
  '[kind+queue+rank]',
  '[area+queue+rank]',
  '[area+kind+queue+rank]',
  '[urgency+queue+rank]',
  '[language+queue+rank]',
  '[assignee+queue+rank]',
  '[overdue+queue+rank]',
  'triage_day',
  '*search',
  '*dupkeys',
  '[assignee+fields_meta.assignee.at]',
  'duplicate_of',
];

export class ReadModelDb extends Dexie {
  requests!: EntityTable<RequestRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  volunteers!: EntityTable<VolunteerRow, 'id'>;
  areas!: EntityTable<AreaRow, 'id'>;
  meta!: EntityTable<Meta, 'key'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      requests: 'id, [status+urgency], [area+status], assignee, needed_by, updated_at',
      contacts: 'id, request_id',
      notes: 'id, [request_id+created_at]',
      events: 'id, [request_id+at]',
      volunteers: 'id, *areas, approval',
      areas: 'id',
      meta: 'key',
    });
    // Version 2: the queue is read in order through `[queue+rank]`, each filter through its own
    // index beside the status, search by prefix through `*search` (desk-order.ts, search-keys.ts).
    // Rows of version 1 lack those fields, so the model starts again from seq 0.
    this.version(2)
      .stores({
        requests: requestIndexes.join(', '),
      })
      .upgrade(startAgain);
    // Version 3: search keys in the domain's normal forms (search/search-keys.ts) and the keys a
    // possible duplicate shares (`*dupkeys`, duplicates/duplicate-keys.ts); rows start again.
    this.version(3)
      .stores({ requests: [...requestIndexes, '*dupkeys'].join(', ') })
      .upgrade(startAgain);
    // Version 4: a volunteer's latest task through `[assignee+fields_meta.assignee.at]`, the
    // stamp of the assignment that gave it them (volunteer-queries.ts). Rows already hold that
    // field, so IndexedDB builds the index over them and nothing is replayed.
    this.version(4).stores({
      requests: [...requestIndexes, '*dupkeys', '[assignee+fields_meta.assignee.at]'].join(', '),
    });
    // Version 5: the requests closed as duplicates of one, through `duplicate_of`
    // (duplicate-links.ts). Rows already carry the field, so IndexedDB indexes them as they are.
    this.version(5).stores({
      requests: [
        ...requestIndexes,
        '*dupkeys',
        '[assignee+fields_meta.assignee.at]',
        'duplicate_of',
      ].join(', '),
    });
    // Version 6: events by `field`, so the few late claims on a device are found without reading
    // every event (handover-queries.ts). Dexie indexes the rows it holds; nothing is read again.
    this.version(6).stores({ events: 'id, [request_id+at], field' });
    // Version 7: ordered indexes per filter, search entries in the desk's order, and tallies
    // (deskIndexes above). Search entries and tallies are new kinds of data: rows start again.
    this.version(7)
      .stores({ requests: [...deskIndexes, 'assignee'].join(', ') })
      .upgrade(startAgain);
    // Version 8: no `assignee` index: `[assignee+queue+rank]` finds the same rows, and every index
    // entry is written again on each change a row takes (catching up pays it for every request).
    this.version(8).stores({ requests: deskIndexes.join(', ') });
  }
}

/** The model starts again from seq 0 when its rows gain fields older rows lack. */
async function startAgain(tx: Transaction): Promise<void> {
  for (const table of [...tables, 'meta']) await tx.table(table).clear();
}

export const readModelName = (userId: string) => `cymorth-${userId}-read`;

const tables: TableName[] = ['requests', 'contacts', 'notes', 'events', 'volunteers', 'areas'];
const batchSize = 500;

export async function readSince(model: ReadModelDb): Promise<string | number> {
  return ((await model.meta.get('since'))?.value as string | number | undefined) ?? 0;
}

/**
 * A page of the local changes feed as the read model read it (`style: 'all_docs'`, so with every
 * leaf): the upload ledger takes it as its own read instead of reading every document again.
 */
export type ChangesPage = {
  since: string | number;
  results: PouchDB.Core.ChangesResponseChange<object>[];
  lastSeq: string | number;
};

const readPage = (db: PouchDB.Database, since: string | number) =>
  db.changes({ since, limit: batchSize, include_docs: true, style: 'all_docs' });

/** Applies every change after the stored seq; returns how many changes it read. */
export async function catchUp(
  db: PouchDB.Database,
  model: ReadModelDb,
  onPage?: (page: ChangesPage) => void,
): Promise<number> {
  let read = 0;
  let since = await readSince(model);
  for (;;) {
    const feed = await readPage(db, since);
    if (feed.results.length === 0) return read;
    onPage?.({ since, results: feed.results, lastSeq: feed.last_seq });
    read += feed.results.length;
    await storePage(model, feed.results, feed.last_seq);
    since = feed.last_seq;
  }
}

/** One page of the feed into the tables, with the seq it reached, in one transaction. */
async function storePage(
  model: ReadModelDb,
  results: PouchDB.Core.ChangesResponseChange<object>[],
  lastSeq: string | number,
): Promise<void> {
  const puts = new Map<TableName, { id: string }[]>(tables.map((t) => [t, []]));
  const deletes = new Map<TableName, string[]>(tables.map((t) => [t, []]));
  for (const change of results) {
    const p = projectDoc(change.id, change.doc);
    if (p.op === 'put') puts.get(p.table)?.push(p.row);
    if (p.op === 'delete') deletes.get(p.table)?.push(p.id);
  }
  await model.transaction('rw', [...tables, 'meta'], async () => {
    const requests = await joinBatch(
      model,
      puts.get('requests') as ProjectedRequest[],
      puts.get('contacts') as ContactRow[],
      deletes.get('contacts') ?? [],
      new Date().toISOString(),
    );
    const requestIds = [...requests.map((r) => r.id), ...(deletes.get('requests') ?? [])];
    const before = await model.requests.bulkGet(requestIds);
    await moveTallies(model, before, requests);
    puts.set('requests', requests);
    // A change appears once per batch (the feed gives each doc at its latest seq), so deletes
    // and puts of the same id cannot both be in one batch.
    for (const [table, ids] of deletes) if (ids.length) await model.table(table).bulkDelete(ids);
    for (const [table, rows] of puts) if (rows.length) await model.table(table).bulkPut(rows);
    await model.meta.put({ key: 'since', value: lastSeq });
  });
}

/** Clears the model and replays the whole local database. */
export async function rebuild(
  db: PouchDB.Database,
  model: ReadModelDb,
  onPage?: (page: ChangesPage) => void,
): Promise<void> {
  await model.transaction('rw', [...tables, 'meta'], async () => {
    for (const table of [...tables, 'meta']) await model.table(table).clear();
    await model.meta.put({ key: 'since', value: 0 });
  });
  await catchUp(db, model, onPage);
}

/** Removes rows by document id (purged documents never reach the changes feed). */
export async function removeRows(model: ReadModelDb, ids: string[]): Promise<void> {
  await model.transaction('rw', [...tables, 'meta'], async () => {
    const requests = ids.filter((id) => docClassOf(id) === 'request');
    await moveTallies(model, await model.requests.bulkGet(requests), []);
    for (const id of ids) {
      const cls = docClassOf(id);
      if (cls !== null) await model.table(tableOfClass[cls]).delete(id);
    }
  });
}
