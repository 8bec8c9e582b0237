/**
 * The bench page's script, bundled by scripts/bench/sync/first-sync/bench-page-bundle.ts and served beside
 * Cymorth's app and by the plain server. It exposes what the bench times in the browser:
 * stock pouchdb-browser (`indexeddb` adapter, as the app uses) replicating from a URL, and the
 * floor, Dexie `bulkPut` of the same documents into IndexedDB.
 */
import PouchDB from 'pouchdb-browser';
import indexeddb from 'pouchdb-adapter-indexeddb';
import Dexie from 'dexie';

PouchDB.plugin(indexeddb);

export type ReplicateResult = { ms: number; docsWritten: number; docsRead: number };
export type FloorResult = { ms: number; docs: number };

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

async function replicate(
  url: string,
  options: { batch_size: number; batches_limit: number },
): Promise<ReplicateResult> {
  const local = new PouchDB(unique('bench'), { adapter: 'indexeddb' });
  const remote = new PouchDB(url, {
    skip_setup: true,
    fetch: (u, opts) => PouchDB.fetch(u, { ...opts, credentials: 'include' }),
  });
  try {
    const t0 = performance.now();
    const result = await local.replicate.from(remote, options);
    return {
      ms: performance.now() - t0,
      docsWritten: result.docs_written,
      docsRead: result.docs_read,
    };
  } finally {
    await local.destroy();
  }
}

/** The documents are fetched first (untimed); only the write into IndexedDB is timed. */
async function dexieFloor(allDocsUrl: string): Promise<FloorResult> {
  const response = await fetch(allDocsUrl, { credentials: 'include' });
  const body = (await response.json()) as { rows: { doc?: { _id: string } }[] };
  const docs = body.rows.flatMap((r) => (r.doc ? [r.doc] : []));
  const db = new Dexie(unique('floor'));
  db.version(1).stores({ docs: '_id' });
  try {
    const t0 = performance.now();
    await db.table('docs').bulkPut(docs);
    return { ms: performance.now() - t0, docs: docs.length };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
}

const bench = { replicate, dexieFloor, signIn };
export type BenchPage = typeof bench;
(globalThis as unknown as { cymorthBench: BenchPage }).cymorthBench = bench;
