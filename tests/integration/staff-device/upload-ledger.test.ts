/**
 * The upload ledger's confirmation by the real server (src/lib/staff/sync/upload-ledger.ts,
 * `confirm`): a document pulled from the server is pending only until the server's `_revs_diff`
 * says it has it. The ledger's own counting, with no server, is tested in tests/unit.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import './browser.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadLedger } from '$lib/staff/sync/upload-ledger.ts';
import { request } from '../../unit/domain/staff/factories.ts';
import { cleanUp, deviceDbs, seed, signedInCoordinator } from './device-fixtures.ts';

afterEach(cleanUp);

describe('UploadLedger', () => {
  it('counts a document pulled from the server as pending only until the server confirms it', async () => {
    const { server } = await signedInCoordinator();
    await seed(server, [request(), request()]);
    const { local, remote } = deviceDbs(server);
    await local.replicate.from(remote);
    const ledger = new UploadLedger(local);
    await ledger.load();
    // Nothing known yet (say, after a reload offline): conservative, never "all on the server".
    expect((await ledger.count()).pending).toBe(2);
    await ledger.confirm(remote); // `_revs_diff`: the server has both
    expect((await ledger.count()).pending).toBe(0);
  });
});
