/**
 * Live replication and conflict merging: the same suite again, with the server's data on a CouchDB
 * server (`COUCHDB_URL`; here the express-pouchdb stand-in, couch-stand-in.ts) instead of LevelDB
 * (STYLE.md, "the same suite over more than one adapter pair").
 */
import { useStorageByDefault } from '../../support/server/test-server.ts';

useStorageByDefault('couchdb');
await import('../replication/live-and-conflicts.test.ts');
