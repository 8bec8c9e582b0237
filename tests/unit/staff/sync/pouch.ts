/** In-memory PouchDB for Node tests: the same core and replication the browser build uses. */
import PouchDB from 'pouchdb-node';
import memory from 'pouchdb-adapter-memory';

PouchDB.plugin(memory);

let n = 0;
export const memoryDb = (name = 'db') =>
  new PouchDB(`${name}-${++n}-${Date.now()}`, { adapter: 'memory' });

export { PouchDB };
