/**
 * The same suite again with the server's data on a CouchDB server (`COUCHDB_URL`; here the
 * express-pouchdb stand-in, couch-stand-in.ts) instead of LevelDB.
 */
import { useStorageByDefault } from '../../support/server/test-server.ts';

useStorageByDefault('couchdb');
await import('../replication/old-revisions.test.ts');
