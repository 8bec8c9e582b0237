/**
 * Where the server keeps its documents, behind an interface small enough that the engine is a
 * choice made once at start-up (docs/architecture.md, "Embedded default, distributed engine when outgrown").
 *
 * Two databases, never mixed: `replicated` holds what devices will sync (`request:*`, `contact:*`);
 * `serverOnly` holds what must never leave the server (`receipt:*`, `ref:*`, `user:*`, `session:*`).
 */
import type PouchDB from 'pouchdb-node';

export type StoredDoc = { _id: string; [field: string]: unknown };

export interface DocStore {
  /** The document, or null when it does not exist (or was deleted). */
  get<T extends StoredDoc>(id: string): Promise<T | null>;
  /**
   * Writes the document only if no document with its id exists or ever existed (a deleted one is
   * not brought back). Atomic per id: of two racing writers exactly one gets `created`.
   */
  putIfAbsent(doc: StoredDoc): Promise<'created' | 'exists'>;
  /** Deletes the document if it exists; used to release a claim that lost a race. */
  remove(id: string): Promise<void>;
  /** Ids of live documents starting with `prefix`, in id order. */
  idsWithPrefix(prefix: string): Promise<string[]>;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A store whose documents can also change: staff accounts and their sessions. */
export interface MutableDocStore extends DocStore {
  /**
   * Writes `doc` over the stored document only if `doc._rev` (from `get`) is still its current
   * revision; `conflict` when another writer got there first or the document is gone. The caller
   * decides whether to re-read and retry, so no update is ever lost silently.
   */
  replace(doc: StoredDoc & { _rev: string }): Promise<'replaced' | 'conflict'>;
  /**
   * Writes the document unless a live one has its id: unlike `putIfAbsent`, one deleted is written
   * over, for what comes and goes under one id (a geocoding marker, removed when done and needed
   * again when the document changes). Atomic per id: of two racing writers exactly one gets
   * `created`.
   */
  putUnlessLive(doc: StoredDoc): Promise<'created' | 'exists'>;
}

/**
 * The replicated database's own PouchDB API, narrowed to what the replication endpoints under `/db`
 * use (sync-server/replication/): they speak CouchDB's protocol, which needs revisions, the changes
 * feed and `_local` documents that `DocStore` deliberately hides.
 */
export type ReplicatedDb = Pick<
  PouchDB.Database,
  'info' | 'changes' | 'revsDiff' | 'bulkGet' | 'get' | 'put' | 'bulkDocs' | 'allDocs' | 'compact'
>;

/**
 * The replicated database is one database with one name, seen two ways: `replicated` as whole
 * documents (`DocStore`), `replicatedDb` as CouchDB's protocol (revisions, changes) for `/db`.
 * ("Replica" is a device's copy of it, never this.)
 */
export interface Storage {
  replicated: DocStore;
  replicatedDb: ReplicatedDb;
  serverOnly: MutableDocStore;
  close(): Promise<void>;
}

export const replicatedDbName = 'cymorth';
export const serverOnlyDbName = 'cymorth_server';
