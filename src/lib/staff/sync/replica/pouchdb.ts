/**
 * PouchDB as a staff device needs it, and no more: the core, the `indexeddb` adapter (the replica;
 * it can `purge`), the HTTP adapter (the server's `/db`) and replication. `pouchdb-browser` bundles
 * these with two parts a device never uses, the older `idb` adapter and map/reduce views, which
 * cost a volunteer's first load about 17 KB of gzipped JavaScript (53 KB against 36 KB;
 * `npm run bench -- volunteer` counts it). Every module that opens a replica imports it from here.
 */
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import indexeddb from 'pouchdb-adapter-indexeddb';
import replication from 'pouchdb-replication';

PouchDB.plugin(indexeddb).plugin(http).plugin(replication);

export default PouchDB;
