/**
 * The desk bench's page script, bundled by scripts/bench/desk/desk-serve.ts. It drives the app's
 * REAL staff data modules in Chromium — the PouchDB replica (`indexeddb` adapter, as the device
 * opens it), the Dexie read model fed by `catchUp`/`rebuild`, `queuePage` and `filterCounts` as
 * the queue page calls them, and `rankVolunteers` — and times them with `performance.now()`.
 * Beside them, the old way (old-queue.ts) as the baseline. Node orchestrates (run-desk.ts).
 */
import Dexie from 'dexie';
import PouchDB from '../../../../src/lib/staff/sync/replica/pouchdb.ts';
import {
  catchUp,
  readSince,
  rebuild,
  ReadModelDb,
} from '../../../../src/lib/staff/data/model/read-model.ts';
import { projectDoc } from '../../../../src/lib/staff/data/model/projections.ts';
import { queuePage } from '../../../../src/lib/staff/data/desk/desk-queries.ts';
import { filterCounts } from '../../../../src/lib/staff/data/desk/desk-counts.ts';
import type { DeskFilters } from '../../../../src/lib/staff/data/desk/desk-filters.ts';
import type { StaffUser } from '../../../../src/lib/domain/people/users.ts';
import { rankVolunteers } from '../../../../src/lib/domain/matching/rank.ts';
import { brokenRule, type MatchRequest } from '../../../../src/lib/domain/matching/eligibility.ts';
import type { VolunteerCandidate } from '../../../../src/lib/domain/matching/eligibility.ts';
import { windowMask } from '../../../../src/lib/domain/matching/availability-window.ts';
import { oldDesk } from './old-queue.ts';

/** One desk query as the bench times it: a filter set with a label. */
export type DeskCase = { label: string; filters: DeskFilters };
export type Timed = { label: string; ms: number[]; total: number; shown: number };
export type Way = 'indexed' | 'old';

let db: PouchDB.Database | null = null;
let model: ReadModelDb | null = null;
/** What the old way's live query held between renders (old-queue.ts), kept for the heap figure. */
let held: unknown = null;

const open = () => {
  db ??= new PouchDB('cymorth-bench', { adapter: 'indexeddb', auto_compaction: true });
  model ??= new ReadModelDb('cymorth-bench-read');
  return { db, model };
};

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Writes the documents of each chunk into the replica as replication would (`new_edits: false`). */
async function load(urls: string[]): Promise<{ docs: number; ms: number }> {
  const { db } = open();
  const t0 = performance.now();
  let docs = 0;
  for (const url of urls) {
    const chunk = await fetchJson<PouchDB.Core.PutDocument<object>[]>(url);
    await db.bulkDocs(chunk, { new_edits: false });
    docs += chunk.length;
  }
  return { docs, ms: performance.now() - t0 };
}

/** `rebuild`: the read model cleared and replayed from seq 0 (the catch-up baseline). */
async function build(): Promise<{ ms: number; requests: number }> {
  const { db, model } = open();
  const t0 = performance.now();
  await rebuild(db, model);
  const ms = performance.now() - t0;
  return { ms, requests: await model.requests.count() };
}

/** What catching up costs, and the parts of it any way of keeping a read model pays. */
export type CatchUpTimes = {
  ms: number;
  read: number;
  /** The replica's own write of the changes, as replication stores them. */
  replicaWriteMs: number;
  /** Reading the changes back from the replica's feed, as `catchUp` reads them. */
  feedMs: number;
  /** The same, with each document checked against the domain's schema (`projectDoc`). */
  feedCheckedMs: number;
  /** The rows catch-up stored, written again into the model's table (all its indexes). */
  rowWriteMs: number;
  /** The same rows through IndexedDB's own API, without Dexie: what Dexie adds to the write. */
  nativeWriteMs: number;
  /** The same rows into a table with no index but the key: IndexedDB's floor for them. */
  plainWriteMs: number;
};

/**
 * The remote changes land in the replica (`bulkDocs`, `new_edits: false`, timed as the
 * replica's own cost), then `catchUp` brings the model level. Beside it, where the time goes: the
 * changes read back from the replica alone, then read and checked, and the rows it stored written
 * again, with the model's indexes and without any.
 */
async function catchUpAfter(url: string): Promise<CatchUpTimes> {
  const { db, model } = open();
  const changes = await fetchJson<PouchDB.Core.PutDocument<object>[]>(url);
  let t0 = performance.now();
  await db.bulkDocs(changes, { new_edits: false });
  const replicaWriteMs = performance.now() - t0;
  const since = await readSince(model);
  const readFeed = async (check: boolean) => {
    const start = performance.now();
    for (let s = since, n = -1; n !== 0;) {
      const feed = await db.changes({
        since: s,
        limit: 500,
        include_docs: true,
        style: 'all_docs',
      });
      if (check) for (const c of feed.results) projectDoc(c.id, c.doc);
      n = feed.results.length;
      s = feed.last_seq;
    }
    return performance.now() - start;
  };
  const feedMs = await readFeed(false);
  const feedCheckedMs = await readFeed(true);
  t0 = performance.now();
  const read = await catchUp(db, model);
  const ms = performance.now() - t0;

  const rows = (await model.requests.bulkGet(changes.map((c) => c._id!))).filter((r) => !!r);
  t0 = performance.now();
  await model.requests.bulkPut(rows);
  const rowWriteMs = performance.now() - t0;
  t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = model.backendDB().transaction('requests', 'readwrite');
    const store = tx.objectStore('requests');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const nativeWriteMs = performance.now() - t0;
  const plain = new Dexie('cymorth-bench-plain');
  plain.version(1).stores({ rows: 'id' });
  await plain.table('rows').bulkPut(rows);
  t0 = performance.now();
  await plain.table('rows').bulkPut(rows);
  const plainWriteMs = performance.now() - t0;
  plain.close();
  return {
    ms,
    read,
    replicaWriteMs,
    feedMs,
    feedCheckedMs,
    rowWriteMs,
    nativeWriteMs,
    plainWriteMs,
  };
}

/**
 * Each case `runs` times. Through the indexes: after one untimed warm-up, `queuePage` alone or,
 * `withCounts`, beside `filterCounts` as the queue page runs its two live queries. The old way:
 * one read of the whole table giving the page and the counts (its warm-up would be as slow as
 * a run, and the run is dominated by the read, so there is none).
 */
async function queue(
  way: Way,
  user: StaffUser,
  cases: DeskCase[],
  runs: number,
  limit: number,
  now: string,
  withCounts: boolean,
): Promise<Timed[]> {
  const { model } = open();
  const once = async (f: DeskFilters) => {
    if (way === 'old') return (await oldDesk(model, user, f, limit, now)).page;
    if (!withCounts) return queuePage(model, user, f, limit, now);
    const [page] = await Promise.all([
      queuePage(model, user, f, limit, now),
      filterCounts(model, f, user.areas),
    ]);
    return page;
  };
  const out: Timed[] = [];
  for (const c of cases) {
    const first = way === 'indexed' ? await once(c.filters) : null;
    const ms: number[] = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = await once(c.filters);
      ms.push(performance.now() - t0);
    }
    out.push({ label: c.label, ms, total: last?.total ?? 0, shown: last?.items.length ?? 0 });
  }
  return out;
}

/** The ids of each case's page, for checking that the two ways agree. */
async function pageIds(way: Way, user: StaffUser, f: DeskFilters, limit: number, now: string) {
  const { model } = open();
  const p =
    way === 'indexed'
      ? await queuePage(model, user, f, limit, now)
      : (await oldDesk(model, user, f, limit, now)).page;
  return { total: p.total, capped: p.capped, ids: p.items.map((i) => i.request._id) };
}

type RankCase = { request: MatchRequest };

/**
 * `rankVolunteers` for each request over the same candidates, `runs` times each; beside it the
 * floor: the hard rules alone over every candidate (no points, no sort).
 */
function rank(candidates: VolunteerCandidate[], cases: RankCase[], runs: number, now: string) {
  const ranked: number[] = [];
  const floor: number[] = [];
  let eligible = 0;
  for (const { request } of cases) {
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      const m = rankVolunteers(request, candidates, now);
      ranked.push(performance.now() - t0);
      eligible += i === 0 ? m.ranked.length : 0;
      t0 = performance.now();
      const window = windowMask(now, request.needed_by);
      let ok = 0;
      for (const c of candidates) if (brokenRule(c, request, window) === null) ok++;
      floor.push(performance.now() - t0);
      if (ok !== m.ranked.length) throw new Error('the floor and the ranking disagree');
    }
  }
  return { ranked, floor, eligiblePerRequest: eligible / cases.length };
}

/** The old way's state between renders: every request row, as its live query held it. */
async function holdOld(): Promise<number> {
  held = await open().model.requests.toArray();
  return (held as unknown[]).length;
}

function dropOld(): void {
  held = null;
}

const bench = { load, build, catchUpAfter, queue, pageIds, rank, holdOld, dropOld };
export type DeskBenchPage = typeof bench;
(globalThis as unknown as { deskBench: DeskBenchPage }).deskBench = bench;
