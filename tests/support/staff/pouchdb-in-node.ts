/**
 * The staff device's PouchDB (src/lib/staff/sync/replica/pouchdb.ts) as the unit and integration
 * tests load it in Node, where they run the device's sync code on fake IndexedDB. The app builds
 * PouchDB from its parts (core, `indexeddb`, HTTP, replication); in Node those parts resolve to their
 * Node builds (`pouchdb-utils`' and `pouchdb-fetch`'s), which cannot open fake IndexedDB. So here
 * it is `pouchdb-browser`, the same PouchDB source bundled for browsers, with the same `indexeddb`
 * adapter; vite.config.ts points the app's import here in tests only. The e2e tests and the
 * benches run the app's own build in Chromium.
 */
import PouchDB from 'pouchdb-browser';
import indexeddb from 'pouchdb-adapter-indexeddb';

PouchDB.plugin(indexeddb);

export default PouchDB;
