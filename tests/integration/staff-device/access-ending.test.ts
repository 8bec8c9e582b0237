/**
 * The server ends a device's access and the replication hears why (src/lib/staff/sync/
 * replication.ts, refusal-watch.ts). A disabled account's first request is answered 403 and its
 * session cookie is cleared, so every request after it is a 401 (sync-server/accounts/
 * session-gate.ts); the device must still take it for a disabled account, not an ended session,
 * whichever request met the 403.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { browser } from './browser.ts';
import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { setDisabled } from '../../../sync-server/accounts/account-store.ts';
import { request } from '../../unit/domain/staff/factories.ts';
import { testScrypt } from '../accounts/account-fixtures.ts';
import type { TestServer } from '../test-server.ts';
import {
  cleanUp,
  deviceDbs,
  replicate,
  seed,
  signedInCoordinator,
  until,
} from './device-fixtures.ts';

afterEach(cleanUp);

/** An admin disables Cath's account (`npm run admin -- disable cath`). */
const disableCath = (server: TestServer) =>
  setDisabled(
    { store: server.storage.serverOnly, now: () => new Date(), scrypt: testScrypt },
    'cath',
    true,
  );

describe('access ending', () => {
  it('a 403 that info() resolved as a body ends access as disabled, not as a later 401', async () => {
    const { server } = await signedInCoordinator();
    await disableCath(server);
    const { local } = deviceDbs(server);
    // PouchDB's own http adapter, and nothing of the device's fetch: only what info() resolved
    // (the 403's body, `account_disabled`) can tell; every later request is a 401.
    const remote = new PouchDB(`${server.url}/db`, { skip_setup: true });
    const reasons: string[] = [];
    replicate({ local, remote, onAccessEnded: (reason) => reasons.push(reason) });
    await until(
      () => reasons.length > 0,
      () => 'access never ended',
    );
    expect(reasons).toEqual(['disabled']);
    expect(browser.sentTo('').map((s) => s.status)).toContain(403);
  });

  it('a 403 the remote’s fetch met on any request (a checkpoint read, say) ends access as disabled', async () => {
    const { server } = await signedInCoordinator();
    await seed(server, [request()]);
    const { local, remote } = deviceDbs(server);
    // The account is disabled just as the pull reads its checkpoint: that read meets the 403,
    // which PouchDB does not pass on as it was, and every request after it is a 401.
    let disabled = false;
    browser.beforeSend = async ({ method, url }) => {
      if (!disabled && method === 'GET' && url.pathname.startsWith('/db/_local/')) {
        disabled = true;
        await disableCath(server);
      }
    };
    const reasons: string[] = [];
    replicate({ local, remote, onAccessEnded: (reason) => reasons.push(reason) });
    await until(
      () => reasons.length > 0,
      () => 'access never ended',
    );
    expect(reasons).toEqual(['disabled']);
    const checkpointRead = browser.sent.find((s) => s.url.pathname.startsWith('/db/_local/'));
    expect(checkpointRead?.status).toBe(403);
  });
});
