/**
 * What a staff device holds, read straight from the browser's IndexedDB (the PouchDB replica and the
 * Dexie read model), and a local write made with a real PouchDB in the page, as the app would make
 * one, for screens that do not write yet. The PouchDB is bundled here with esbuild from the same
 * packages the app uses, so it reads and writes the same format. The databases are named by the
 * account's id (src/lib/staff/sync/replica/device-db.ts); these helpers take the username and work
 * the id out as the server does.
 */
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { staffUserId } from '../../../../sync-server/accounts/staff-user-id.ts';

let bundle: Promise<string> | null = null;

/** PouchDB with the indexeddb adapter as a script that sets `globalThis.TestPouchDB`. */
function pouchBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: `import PouchDB from 'pouchdb-browser';
        import indexeddb from 'pouchdb-adapter-indexeddb';
        PouchDB.plugin(indexeddb);
        globalThis.TestPouchDB = PouchDB;`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

/** Names of this user's IndexedDB databases on the page's origin (replica and read model). */
export function userDatabases(page: Page, username: string): Promise<string[]> {
  return page.evaluate(async (user) => {
    const all = await indexedDB.databases();
    return all.flatMap((d) => (d.name?.includes(`cymorth-${user}`) ? [d.name] : [])).sort();
  }, staffUserId(username));
}

/**
 * Which of `ids` each store holds: the replica (a live document in PouchDB's `docs` store) and the
 * read model (a row in `table`). Databases are opened at their current version and closed again,
 * so nothing here blocks a wipe.
 */
export function heldOnDevice(
  page: Page,
  username: string,
  rows: Array<{ id: string; table: string }>,
): Promise<{ replica: string[]; readModel: string[] }> {
  return page.evaluate(
    async ({ user, rows }) => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      const open = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error(`cannot open ${name}`));
        });
      const get = (db: IDBDatabase, store: string, key: string) =>
        new Promise<unknown>((resolve, reject) => {
          if (!db.objectStoreNames.contains(store)) return resolve(undefined);
          const req = db.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error(`cannot read ${store}`));
        });
      const held = { replica: [] as string[], readModel: [] as string[] };
      const replicaName = names.find((n) => n.endsWith(`cymorth-${user}`));
      const modelName = names.find((n) => n === `cymorth-${user}-read`);
      if (replicaName) {
        const db = await open(replicaName);
        for (const { id } of rows) {
          const doc = (await get(db, 'docs', id)) as { deleted?: number } | undefined;
          if (doc && !doc.deleted) held.replica.push(id);
        }
        db.close();
      }
      if (modelName) {
        const db = await open(modelName);
        for (const { id, table } of rows) if (await get(db, table, id)) held.readModel.push(id);
        db.close();
      }
      return held;
    },
    { user: staffUserId(username), rows },
  );
}

/** Writes `doc` into the user's replica through PouchDB, as a screen of the app would. */
export function writeOnDevice(page: Page, username: string, doc: object): Promise<void> {
  return writeToReplica(page, `cymorth-${staffUserId(username)}`, doc);
}

/** Writes `doc` into the PouchDB replica called `name` on the page's origin (created if need be). */
export async function writeToReplica(page: Page, name: string, doc: object): Promise<void> {
  if (!(await page.evaluate(() => 'TestPouchDB' in globalThis))) {
    // Evaluated over the DevTools protocol, which the page's Content-Security-Policy (rightly)
    // does not let an inline script tag do.
    await page.evaluate(await pouchBundle());
  }
  await page.evaluate(
    async ({ name, doc }) => {
      type Db = { put(d: object): Promise<unknown>; close(): Promise<void> };
      const Pouch = (globalThis as unknown as { TestPouchDB: new (n: string, o: object) => Db })
        .TestPouchDB;
      const db = new Pouch(name, { adapter: 'indexeddb' });
      await db.put(doc);
      await db.close();
    },
    { name, doc },
  );
}
