/**
 * Every write input is bounded (docs/architecture.md, "Decisions"): a batch larger than the
 * device's 1,000 documents is refused with 413, which the device answers by halving its batch; an
 * account writing more than its minute allows gets 429 with `Retry-After`; and while the largest
 * allowed batch is judged the server keeps answering others (`/healthz`).
 */
import { afterEach, expect, it } from 'vitest';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { at, testUuid } from '../../../support/factories.ts';
import { startAccountServer, testClock } from '../../../support/staff/account-fixtures.ts';
import { dbFetch } from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('bounds on _bulk_docs', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const post = (cookie: string, body: unknown) => ({
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  /** `count` notes by the coordinator on one request: valid, each judged in full. */
  function notes(requestId: string, author: string, count: number) {
    return Array.from({ length: count }, (_, i) => ({
      _id: noteDocId(requestId, testUuid()),
      type: 'note',
      request_id: requestId,
      author,
      text: `Nodyn ${i} / note ${i}`,
      for_assignee: false,
      created_at: at(60),
    }));
  }

  it('refuses more than 1,000 documents in one batch with 413 and stores none', async () => {
    server = await startAccountServer({ storage, now: testClock(at(24 * 60)).now });
    const world = await seedWorld(server);
    const seqBefore = (await server.storage.replicatedDb.info()).update_seq;
    const tiny = Array.from({ length: 100_000 }, (_, i) => ({ _id: `x${i}` }));
    const res = await dbFetch(server, '/db/_bulk_docs', post(world.cath.cookie, { docs: tiny }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
    const over = notes(world.requests.open._id, world.cath.user.id, 1001);
    const again = await dbFetch(server, '/db/_bulk_docs', post(world.cath.cookie, { docs: over }));
    expect(again.status).toBe(413);
    expect((await server.storage.replicatedDb.info()).update_seq).toBe(seqBefore);
  });

  it('limits the documents one account writes a minute, with Retry-After', async () => {
    server = await startAccountServer({
      storage,
      now: testClock(at(24 * 60)).now,
      writesPerMinute: 1000,
    });
    const world = await seedWorld(server);
    const first = notes(world.requests.open._id, world.cath.user.id, 900);
    const ok = await dbFetch(server, '/db/_bulk_docs', post(world.cath.cookie, { docs: first }));
    expect(ok.status).toBe(201);
    const more = notes(world.requests.open._id, world.cath.user.id, 200);
    const limited = await dbFetch(
      server,
      '/db/_bulk_docs',
      post(world.cath.cookie, { docs: more }),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not held back by the first one's writes.
    const other = notes(world.requests.north._id, world.gwen.user.id, 200);
    const theirs = await dbFetch(
      server,
      '/db/_bulk_docs',
      post(world.gwen.cookie, { docs: other }),
    );
    expect(theirs.status).toBe(201);
  });

  it('keeps answering /healthz while the largest allowed batch is judged', async () => {
    server = await startAccountServer({ storage, now: testClock(at(24 * 60)).now });
    const s = server;
    const world = await seedWorld(s);
    const batch = notes(world.requests.open._id, world.cath.user.id, 1000);
    let done = false;
    const write = dbFetch(s, '/db/_bulk_docs', post(world.cath.cookie, { docs: batch })).finally(
      () => (done = true),
    );
    const waits: number[] = [];
    while (!done) {
      const started = performance.now();
      const health = await fetch(`${s.url}/healthz`);
      if (!done) waits.push(performance.now() - started);
      expect(health.status).toBe(200);
    }
    expect((await write).status).toBe(201);
    waits.sort((a, b) => a - b);
    const median = waits[Math.floor(waits.length / 2)] ?? 0;
    console.log(
      `healthz during a 1,000-document batch: ${waits.length} answers, median ${median.toFixed(1)} ms, max ${(waits.at(-1) ?? 0).toFixed(1)} ms`,
    );
    expect(waits.length).toBeGreaterThan(0);
    // On CouchDB the stand-in runs in this very process (couch-stand-in.ts), so its own work on
    // the batch delays /healthz as a real CouchDB, a process of its own, would not: there the
    // answers are checked, not their timing.
    if (storage === 'leveldb') expect(median).toBeLessThanOrEqual(100);
  });
});
