/**
 * The same suite over more than one storage, as PouchDB runs one suite over its adapter pairs: the
 * server keeps its data in PouchDB on LevelDB by default, or in a CouchDB database with
 * `COUCHDB_URL` (docs/architecture.md, "Storage and sync"). A suite that must hold on both is
 * written once inside `forEachStorage` and starts every server with the `storage` it is given.
 */
import { describe } from 'vitest';

/** Where a test server keeps its data: the embedded default, or a CouchDB server over HTTP. */
export type StorageKind = 'leveldb' | 'couchdb';
export const storageKinds: readonly StorageKind[] = ['leveldb', 'couchdb'];

/**
 * The storage of servers started without saying which: LevelDB, or CouchDB for a run of the whole
 * integration project with `CYMORTH_TEST_STORAGE=couchdb`.
 */
export const defaultStorageKind = (): StorageKind =>
  process.env.CYMORTH_TEST_STORAGE === 'couchdb' ? 'couchdb' : 'leveldb';

/** `suite` once on each storage, in a `describe` named after it: "bounds on _bulk_docs (couchdb)". */
export function forEachStorage(title: string, suite: (storage: StorageKind) => void): void {
  describe.each(storageKinds)(`${title} (%s)`, suite);
}
