// pouchdb-browser reads `self` when it loads, and the indexeddb adapter `navigator.userAgent` when
// it opens a database; Node 20 has neither. Import this before device-db.
Object.assign(globalThis, { self: globalThis });
if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: { userAgent: 'node' } });
