/**
 * Storage on PouchDB. With a directory it is LevelDB on disk (the default); the same class opens
 * CouchDB databases when given an `http(s)://` prefix through pouchdb-node's http adapter, which is
 * how `COUCHDB_URL` will plug in later.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import {
  replicatedDbName,
  serverOnlyDbName,
  type MutableDocStore,
  type Storage,
  type StoredDoc,
} from './storage.ts';

type PouchError = { status?: number; reason?: string };

const hasStatus = (error: unknown, status: number) =>
  typeof error === 'object' && error !== null && (error as PouchError).status === status;

class PouchDocStore implements MutableDocStore {
  readonly #db: PouchDB.Database;

  /** The database itself, as `Storage.replica`. */
  get db(): PouchDB.Database {
    return this.#db;
  }

  constructor(db: PouchDB.Database) {
    this.#db = db;
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
    try {
      await this.#db.get(doc._id, { revs: false });
      return 'exists';
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
      if ((error as PouchError).reason === 'deleted') return 'exists';
    }
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
    await this.#db.info();
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}

/** `location` is a data directory, or a CouchDB server URL ending in `/`. */
export async function openPouchStorage(location: string): Promise<Storage> {
  const isRemote = /^https?:\/\//.test(location);
  if (!isRemote) await mkdir(location, { recursive: true });
  const open = (name: string) =>
    new PouchDocStore(new PouchDB(isRemote ? `${location}${name}` : path.join(location, name)));
  const replicated = open(replicatedDbName);
  const serverOnly = open(serverOnlyDbName);
  return {
    replicated,
    replica: replicated.db,
    serverOnly,
    close: async () => {
      await Promise.all([replicated.close(), serverOnly.close()]);
    },
  };
}
