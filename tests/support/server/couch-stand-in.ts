/**
 * A CouchDB stand-in for the `COUCHDB_URL` tests: express-pouchdb (a CouchDB-compatible HTTP API
 * over PouchDB, here in memory) on a free port, behind HTTP basic auth so the tests prove the
 * credentials in the URL are what lets Cymorth in. docs/toolchain.md: fine as a test stand-in for
 * CouchDB, never as Cymorth's own server. No CouchDB package or Docker engine exists here.
 *
 * It speaks CouchDB 3's update sequences: opaque strings (`"42-g1AAAA…"`), not PouchDB's numbers,
 * in every `seq`, `last_seq` and `update_seq` it answers, and it takes them back in `since`. A
 * client that does arithmetic on sequences, or compares them, breaks here as it would on CouchDB 3.
 * https://docs.couchdb.org/en/stable/api/database/changes.html ("since", opaque sequence ids)
 *
 * And it can be told to refuse as CouchDB 3.5 does (`refuse`, couch-refusals.ts): wrong
 * credentials, a lockout, a user who is no server admin or no member, a failing cluster, dropped
 * connections.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import express from 'express';
import PouchDB from 'pouchdb-node';
import { refusals, type Refusal } from './couch-refusals.ts';

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
  /** From now on answers every request as CouchDB refusing it would (couch-refusals.ts); null: as usual. */
  refuse(refusal: Refusal | null): void;
  close(): Promise<void>;
};

let instances = 0;

/** CouchDB 3's shape: a number, a dash and an opaque base64 tail, never to be parsed. */
const opaqueSeq = (n: string) => `${n}-g1AAAA${Buffer.from(`stand-in ${n}`).toString('base64url')}`;
const opaquePattern = /^(\d+)-g1AAAA[A-Za-z0-9_-]+$/;

/** Rewrites `since` to the stand-in's own number, and every sequence it answers to the opaque one. */
function opaqueSequences(req: express.Request, res: express.Response, next: express.NextFunction) {
  // Uncompressed answers, so the sequences in them can be rewritten.
  delete req.headers['accept-encoding'];
  const since = req.query.since;
  if (typeof since === 'string') {
    const n = opaquePattern.exec(since)?.[1];
    if (n !== undefined) {
      req.query.since = n;
      req.url = req.url.replace(`since=${encodeURIComponent(since)}`, `since=${n}`);
    }
  }
  // The answer's length changes: whatever length express-pouchdb works out is dropped.
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) =>
    name.toLowerCase() === 'content-length' ? res : setHeader(name, value)) as typeof res.setHeader;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => express.Response;
  res.writeHead = ((...args: unknown[]) => {
    for (const arg of args) {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) continue;
      for (const name of Object.keys(arg)) {
        if (name.toLowerCase() === 'content-length') delete (arg as Record<string, unknown>)[name];
      }
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
  // Every answer the stand-in gives Cymorth is JSON text (no attachments are stored).
  const decoder = new TextDecoder();
  let text = '';
  const end = res.end.bind(res) as (body: string) => express.Response;
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string') text += chunk;
    else if (chunk instanceof Uint8Array) text += decoder.decode(chunk, { stream: true });
  };
  res.write = ((chunk: unknown) => {
    keep(chunk);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    keep(chunk);
    text += decoder.decode();
    // JSON, whatever its Content-Type says (CouchDB answers text/plain to clients not asking for JSON).
    if (!/^\s*[[{]/.test(text)) return end(text);
    const pattern = /"(seq|last_seq|update_seq)":\s*(\d+)/g;
    return end(text.replace(pattern, (_, k: string, n: string) => `"${k}":"${opaqueSeq(n)}"`));
  }) as typeof res.end;
  next();
}

export async function startCouchStandIn(): Promise<CouchStandIn> {
  // Memory databases of one name are one database within a process: a prefix keeps each apart.
  const prefix = `couch-${process.pid}-${++instances}-`;
  const Pouch = PouchDB.defaults({
    adapter: 'memory',
    prefix,
  } as PouchDB.Configuration.DatabaseConfiguration);
  const expected = `Basic ${Buffer.from(`${couchUser}:${couchPassword}`).toString('base64')}`;
  let refused = 0;
  let refusal: Refusal | null = null;
  const app = express();
  // First, as CouchDB checks a lockout before the password.
  app.use(refusals(() => refusal));
  app.use((req, res, next) => {
    if (req.headers.authorization === expected) return next();
    refused++;
    res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
  });
  app.use(opaqueSequences);
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
    refuse: (next) => {
      refusal = next;
    },
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
