/**
 * A CouchDB stand-in for the `COUCHDB_URL` tests: express-pouchdb (a CouchDB-compatible HTTP API
 * over PouchDB, here in memory) on a free port, behind HTTP basic auth so the tests prove the
 * credentials in the URL are what lets Cymorth in. TOOLCHAIN.md: fine as a test stand-in for
 * CouchDB, never as Cymorth's own server. No CouchDB package or Docker engine exists here.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import express from 'express';
import PouchDB from 'pouchdb-node';

const require = createRequire(import.meta.url);
PouchDB.plugin(require('pouchdb-adapter-memory') as PouchDB.Plugin);
const expressPouchDB = require('express-pouchdb') as (
  pouch: unknown,
  options: { mode: string; inMemoryConfig: boolean },
) => express.RequestHandler;

export const couchUser = 'cymorth';
export const couchPassword = 'sêr-y-bore-2026';

export type CouchStandIn = {
  /** `http://user:password@127.0.0.1:<port>/`, as COUCHDB_URL would be set. */
  url: string;
  /** The same without credentials: answers 401 to everything. */
  bareUrl: string;
  /** Requests the stand-in refused for want of the right credentials. */
  refused(): number;
  close(): Promise<void>;
};

let instances = 0;

export async function startCouchStandIn(): Promise<CouchStandIn> {
  // Memory databases of one name are one database within a process: a prefix keeps each apart.
  const prefix = `couch-${process.pid}-${++instances}-`;
  const Pouch = PouchDB.defaults({
    adapter: 'memory',
    prefix,
  } as PouchDB.Configuration.DatabaseConfiguration);
  const expected = `Basic ${Buffer.from(`${couchUser}:${couchPassword}`).toString('base64')}`;
  let refused = 0;
  const app = express();
  app.use((req, res, next) => {
    if (req.headers.authorization === expected) return next();
    refused++;
    res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
  });
  app.use('/', expressPouchDB(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const auth = `${encodeURIComponent(couchUser)}:${encodeURIComponent(couchPassword)}`;
  return {
    url: `http://${auth}@127.0.0.1:${port}/`,
    bareUrl: `http://127.0.0.1:${port}/`,
    refused: () => refused,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Free the memory the databases held.
      for (const name of ['cymorth', 'cymorth_server']) await new Pouch(name).destroy();
    },
  };
}
