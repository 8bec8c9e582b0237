/**
 * A staff member signed in over HTTP, as the app does it (`POST /api/session`): the session cookie
 * is what authorises `/db`. Seeded accounts share one demo password.
 */
import PouchDB from 'pouchdb-node';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
PouchDB.plugin(require('pouchdb-adapter-memory') as PouchDB.Plugin);

export const seededPassword = 'cymorth-demo-2026';

let addresses = 0;

/**
 * A client address of its own for each simulated device, sent as `X-Forwarded-For` to a server
 * started with TRUST_PROXY=1: sign-ins are limited per address (20 in 15 minutes), and a hundred
 * phones are a hundred addresses, not one.
 */
export function deviceAddress(): string {
  const n = ++addresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function signIn(origin: string, username: string): Promise<string> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': deviceAddress() },
    body: JSON.stringify({ username, password: seededPassword }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie)
    throw new Error(`${username} could not sign in (${response.status})`);
  return cookie;
}

/** `<origin>/db` as this person's device reaches it (PouchDB's http adapter, cookie attached). */
export function remoteDb(url: string, cookie?: string): PouchDB.Database {
  return new PouchDB(url, {
    skip_setup: true,
    fetch: (u, opts) => {
      const headers = new Headers(opts?.headers);
      if (cookie) headers.set('cookie', cookie);
      return PouchDB.fetch(u, { ...opts, headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

let devices = 0;

/** A device database in memory (Node): for load, where a browser per client is too heavy. */
export function memoryDb(): PouchDB.Database {
  return new PouchDB(`bench-device-${++devices}-${process.pid}`, { adapter: 'memory' });
}
