/**
 * A marker comes and goes under one id (sync-server/geo/pending.ts): removed once its document is
 * placed, it must be written again when the document changes after that (a base moved, a district
 * corrected), on either storage, and two instances marking at once still leave one marker.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  claim,
  finish,
  markPending,
  pendingId,
  type PendingDoc,
} from '../../../sync-server/geo/pending.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import { startTestServer, type TestServer } from '../../support/server/test-server.ts';

const docId = 'volunteer:00000000-0000-4000-8000-000000000001';
const now = new Date('2030-01-11T09:00:00.000Z');

forEachStorage('geocoding markers', (storage) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ storage });
  });
  afterEach(() => server.close());

  const marker = () => server.storage.serverOnly.get<PendingDoc>(pendingId(docId));

  it('is written again after the one before was worked and removed', async () => {
    const store = server.storage.serverOnly;
    await markPending(store, docId, now);
    const claimed = await claim(store, (await marker())!, now, 60_000);
    await finish(store, claimed!);
    expect(await marker()).toBeNull();
    await markPending(store, docId, now);
    expect(await marker()).toMatchObject({ attempts: 0, gave_up: false, lease_until: '' });
  });

  it('is one marker however many mark it at once', async () => {
    const store = server.storage.serverOnly;
    await Promise.all([1, 2, 3].map(() => markPending(store, docId, now)));
    expect(await store.idsWithPrefix('geocode:')).toEqual([pendingId(docId)]);
  });
});
