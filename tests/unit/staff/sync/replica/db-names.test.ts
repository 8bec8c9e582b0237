/**
 * Whether a device may still hold databases named by the username (src/lib/staff/sync/replica/
 * db-names.ts): the question a staff page asks before it draws, without loading PouchDB, so it
 * must answer as the upgrade would find (replica-upgrade.ts) on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import '../browser-globals.ts';
import PouchDB from '../../../../support/staff/pouchdb-in-node.ts';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  mayHoldUsernameDbs,
  pouchPrefix,
  usernameReadModelName,
  usernameReplicaName,
} from '$lib/staff/sync/replica/db-names.ts';
import { testUuid } from '../../../../support/factories.ts';

describe('mayHoldUsernameDbs', () => {
  it('names IndexedDB databases as PouchDB does', () => {
    expect(pouchPrefix).toBe((PouchDB as unknown as { prefix: string }).prefix);
  });

  it('is false on a device that holds neither old database', async () => {
    expect(await mayHoldUsernameDbs('nobody-here', testUuid())).toBe(false);
  });

  it('is true while the old replica is there, and while only the old read model is', async () => {
    const replica = new PouchDB(usernameReplicaName('aled'), { adapter: 'indexeddb' });
    await replica.put({ _id: 'x' });
    expect(await mayHoldUsernameDbs('aled', testUuid())).toBe(true);
    await replica.destroy();
    const model = new Dexie(usernameReadModelName('aled'));
    model.version(1).stores({ meta: 'key' });
    await model.open();
    model.close();
    expect(await mayHoldUsernameDbs('aled', testUuid())).toBe(true);
    await Dexie.delete(usernameReadModelName('aled'));
    expect(await mayHoldUsernameDbs('aled', testUuid())).toBe(false);
  });
});
