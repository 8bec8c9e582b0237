/**
 * The baseline peer: a plain CouchDB-compatible server (express-pouchdb over PouchDB on LevelDB,
 * the same engine as Cymorth's server) holding, unfiltered, exactly the documents one user's view
 * holds, so that stock PouchDB replicates the same documents with no access filter in the way.
 * Compression is switched off, as CouchDB sends none (docs/architecture.md, "What we know about sync speed").
 * It also serves the bench page (`/bench/`), so the page reaches it on its own origin.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'node:http';
import PouchDB from 'pouchdb-node';

const require = createRequire(import.meta.url);
type Handler = (req: unknown, res: unknown, next: () => void) => void;
type ExpressApp = Handler & {
  use(path: string, handler: Handler): void;
  listen(port: number, host: string, done: () => void): Server;
};
const express = require('express') as (() => ExpressApp) & { static(dir: string): Handler };
const expressPouchDB = require('express-pouchdb') as (P: unknown, opts: object) => Handler;

export type PlainServer = {
  origin: string;
  /** `<origin>/couch/<name>`. */
  dbUrl(name: string): string;
  db(name: string): PouchDB.Database;
  stop(): Promise<void>;
};

export async function startPlainServer(dataDir: string, pageDir: string): Promise<PlainServer> {
  mkdirSync(dataDir, { recursive: true });
  const Plain = PouchDB.defaults({ prefix: `${dataDir}${path.sep}` });
  const app = express();
  app.use('/bench', express.static(pageDir));
  app.use(
    '/couch',
    expressPouchDB(Plain, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      overrideMode: { exclude: ['compression'] },
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open = new Map<string, PouchDB.Database>();
  const db = (name: string) => {
    let found = open.get(name);
    if (!found) open.set(name, (found = new Plain(name)));
    return found;
  };
  return {
    origin,
    dbUrl: (name) => `${origin}/couch/${name}`,
    db,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...open.values()].map((d) => d.close()));
    },
  };
}
