/**
 * The sync status after the page is reloaded with no connection (issue 9, "Sync status that tells
 * the truth"): seen on main, a coordinator with 4 changes waiting reloaded offline and was told 27
 * were waiting (every document of the first sync counted again, as the push's checkpoint had never
 * passed them) and "last synced: not yet", though the device had synced minutes before.
 *
 * Why in tests/integration: see sync-status.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request } from '../../support/factories.ts';
import {
  cleanUp,
  deviceDbs,
  replicate,
  requestBy,
  seed,
  signedInCoordinator,
} from './device-fixtures.ts';

afterEach(cleanUp);

describe('a reload with no connection', () => {
  it('counts only the changes made offline, and remembers when the device last synced', async () => {
    const { server, cathId } = await signedInCoordinator();
    await seed(
      server,
      Array.from({ length: 23 }, () => request()),
    );
    const { local, remote } = deviceDbs(server);
    const before = replicate({ local, remote });
    const synced = await before.until(
      (s) => s.initialSync.finished && s.everythingOnServer && s.lastSyncedAt !== null,
      10_000,
    );
    await before.handle.stop();

    // The signal goes; four changes are made; the page is reloaded (a new replicator).
    await server.stopListening();
    await local.bulkDocs([requestBy(cathId), requestBy(cathId), requestBy(cathId)]);
    await local.put(requestBy(cathId));
    const after = replicate({ local, remote });
    await after.until((s) => s.leader && s.pendingUploads > 0 && s.error !== null, 10_000);
    await after.handle.refresh();
    expect(after.state()).toMatchObject({
      pendingUploads: 4,
      everythingOnServer: false,
      lastSyncedAt: synced.lastSyncedAt,
    });
    expect(after.state()?.initialSync.finished).toBe(true);

    // Back online: the four go up, and the time of the last sync moves on.
    await server.listenAgain();
    const back = await after.until((s) => s.everythingOnServer && s.error === null, 10_000);
    expect(back.pendingUploads).toBe(0);
    await expect
      .poll(() => after.state()?.lastSyncedAt ?? '')
      .toSatisfy((at: string) => at > (synced.lastSyncedAt ?? ''));
  });
});
