/**
 * Storage on PouchDB. With a directory it is LevelDB on disk (the default); given the `http(s)://`
 * URL of a CouchDB server (`COUCHDB_URL`) the same class opens the two databases there through
 * pouchdb-node's http adapter, creating them if they do not exist yet. Credentials stay in the URL
 * PouchDB holds and never appear in a message this module writes.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import { askCouch, CouchRefusal } from './couch-answer.ts';
import { openCouchDatabase } from './couch-open.ts';
import { isCouchUrl, redactUrl } from './couch-url.ts';
import {
  replicatedDbName,
  serverOnlyDbName,
  type MutableDocStore,
  type Storage,
  type StoredDoc,
} from './storage.ts';

export { StorageUnavailableError } from './couch-open.ts';

type PouchError = { status?: number; reason?: string };

/** A health check's patience: load balancers give up after a few seconds too. */
const pingTimeoutMs = 5_000;

const hasStatus = (error: unknown, status: number) =>
  typeof error === 'object' && error !== null && (error as PouchError).status === status;

class PouchDocStore implements MutableDocStore {
  readonly #db: PouchDB.Database;
  readonly #isRemote: boolean;

  /** The database itself, as `Storage.replicatedDb`. */
  get db(): PouchDB.Database {
    return this.#db;
  }

  constructor(db: PouchDB.Database, isRemote: boolean) {
    this.#db = db;
    this.#isRemote = isRemote;
  }

  async get<T extends StoredDoc>(id: string): Promise<T | null> {
    try {
      return (await this.#db.get(id)) as unknown as T;
    } catch (error) {
      if (hasStatus(error, 404)) return null;
      throw error;
    }
  }

  async putIfAbsent(doc: StoredDoc): Promise<'created' | 'exists'> {
    // A put without `_rev` would silently revive a deleted document; look for a tombstone first.
    // `_all_docs` tells a tombstone from nothing the same way on LevelDB and over HTTP, where a
    // GET of a deleted document may say `missing` rather than `deleted` (express-pouchdb does).
    const { rows } = await this.#db.allDocs({ keys: [doc._id] });
    if (rows.some((row) => !('error' in row))) return 'exists';
    try {
      await this.#db.put(doc);
      return 'created';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async putUnlessLive(doc: StoredDoc): Promise<'created' | 'exists'> {
    // Without `_rev`, CouchDB and PouchDB write over a deleted document and refuse a live one (409).
    try {
      await this.#db.put(doc);
      return 'created';
    } catch (error) {
      if (hasStatus(error, 409)) return 'exists';
      throw error;
    }
  }

  async replace(doc: StoredDoc & { _rev: string }): Promise<'replaced' | 'conflict'> {
    try {
      await this.#db.put(doc);
      return 'replaced';
    } catch (error) {
      // 409: `_rev` is stale. 404: deleted since it was read, and must not be brought back.
      if (hasStatus(error, 409) || hasStatus(error, 404)) return 'conflict';
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    const doc = await this.get(id);
    if (doc === null) return;
    try {
      await this.#db.remove(doc as unknown as PouchDB.Core.RemoveDocument);
    } catch (error) {
      if (!hasStatus(error, 404) && !hasStatus(error, 409)) throw error;
    }
  }

  async idsWithPrefix(prefix: string): Promise<string[]> {
    const result = await this.#db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` });
    return result.rows.map((row) => row.id);
  }

  async ping(): Promise<void> {
    if (!this.#isRemote) {
      await this.#db.info();
      return;
    }
    // Not `info()`, which resolves with CouchDB's refusal (couch-answer.ts).
    const answer = await askCouch(this.#db, 'GET', pingTimeoutMs);
    if (answer.status !== 200) throw new CouchRefusal(answer);
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}

/** Where the data is, for logs: the directory, or the CouchDB server without its credentials. */
export const describeLocation = (location: string) =>
  isCouchUrl(location) ? `CouchDB at ${redactUrl(location)}` : location;

/**
 * `location` is a data directory, or a CouchDB server URL ending in `/`. A CouchDB server that
 * cannot be used (unreachable, refusing, locked out, lacking a permission) is a
 * `StorageUnavailableError` here, not at the first request (couch-open.ts).
 */
export async function openPouchStorage(location: string): Promise<Storage> {
  const isRemote = isCouchUrl(location);
  if (!isRemote) await mkdir(location, { recursive: true });
  const open = async (name: string) =>
    isRemote ? openCouchDatabase(location, name) : new PouchDB(path.join(location, name));
  const replicatedDb = await open(replicatedDbName);
  const serverOnlyDb = await open(serverOnlyDbName).catch(async (error: unknown) => {
    await replicatedDb.close();
    throw error;
  });
  const replicated = new PouchDocStore(replicatedDb, isRemote);
  const serverOnly = new PouchDocStore(serverOnlyDb, isRemote);
  return {
    replicated,
    replicatedDb: replicated.db,
    serverOnly,
    close: async () => {
      await Promise.all([replicated.close(), serverOnly.close()]);
    },
  };
}
