/**
 * The server's routing index (sync-server/replication/routing-index.ts): judging on what it holds
 * must give the same verdicts as `canRead` on the stored bodies, it must list each document once at
 * its latest change, and a caller must never be answered from a state older than its call.
 */
import { describe, expect, it } from 'vitest';
import { canRead } from '#domain/access/access.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { ReadFilter } from '../../../../../sync-server/replication/reads/read-filter.ts';
import { routingProjection } from '#domain/replication/routing-fields.ts';
import { RoutingIndex } from '../../../../../sync-server/replication/routing/routing-index.ts';
import { area, at, contactFor, request } from '../../../../support/factories.ts';
import { randomWorld, worldAreas } from '../../../../support/world/random-world.ts';
import { routedRequest } from '#domain/requests/request.ts';
import { seededRandom } from '../../../../support/seeded-random.ts';
import { memoryDb } from '../../../staff/sync/pouch.ts';

describe('judging on the routing index', () => {
  it('agrees with canRead on the stored bodies, for every user and document of random worlds', async () => {
    let judged = 0;
    let granted = 0;
    for (let seed = 9100; seed < 9130; seed++) {
      const random = seededRandom(seed);
      const world = randomWorld(random);
      const now = random.chance(0.3) ? at(1) : at(random.int(60 * 24 * 21));
      const db = memoryDb('routing');
      const docs: StaffDoc[] = [
        ...world.requests,
        ...world.contacts,
        ...world.notes,
        ...world.events,
        ...world.profiles,
        ...worldAreas.map(area),
      ];
      await db.bulkDocs(docs);
      // Some requests deleted, their deletions bare (as written before tombstones kept routing).
      const deleted = new Set<string>();
      for (const r of world.requests.filter(() => random.chance(0.2))) {
        const stored = await db.get(r._id);
        await db.remove(stored);
        deleted.add(r._id);
      }
      const index = new RoutingIndex(db);
      await index.current();
      const requests = new Map(world.requests.map((r) => [r._id, r]));
      for (const user of world.users) {
        const filter = new ReadFilter(index, user, now);
        for (const doc of docs) {
          const related = 'request_id' in doc ? requests.get(doc.request_id as string) : undefined;
          const expected = canRead(user, doc, related as RequestDoc | undefined, now);
          const entry = index.get(doc._id);
          expect(entry, doc._id).toBeDefined();
          if (filter.canSee(entry!) !== expected) {
            throw new Error(`seed ${seed}: ${user.role} on ${doc._id}: expected ${expected}`);
          }
          expect(entry!.deleted).toBe(deleted.has(doc._id));
          judged++;
          if (expected) granted++;
        }
      }
      await db.destroy();
    }
    expect(granted).toBeGreaterThan(judged / 5);
    expect(granted).toBeLessThan(judged * 0.9);
  });

  it('holds no personal field of a contact or request', () => {
    const req = routedRequest(request(), 'powys');
    const contact = contactFor(req);
    expect(Object.keys(routingProjection(contact)).sort()).toEqual(['_id', 'request_id', 'type']);
    expect(Object.keys(routingProjection(req)).sort()).toEqual(
      ['_id', 'area', 'assignee', 'assignments', 'consent', 'fields_meta', 'status', 'type'].sort(),
    );
    // Whether the resident agreed to share, and how: never what they shared.
    expect(routingProjection(req).consent).toEqual({ given: true, how: 'form' });
    expect(Object.keys(routingProjection(req).fields_meta)).toEqual(['status']);
  });
});

describe('the index as a changes feed', () => {
  it('lists each document once, at its latest change, in seq order, across many rewrites', async () => {
    const db = memoryDb('routing-feed');
    const index = new RoutingIndex(db, { compactAfter: 20 });
    const ids = ['area:a', 'area:b', 'area:c'];
    await db.bulkDocs(ids.map((id) => ({ _id: id, type: 'area' })));
    // Enough rewrites of one document that the index compacts its log in between.
    let rev = (await db.get('area:b'))._rev;
    for (let i = 0; i < 150; i++) {
      rev = (await db.put({ _id: 'area:b', _rev: rev, type: 'area', n: i })).rev;
      if (i % 7 === 0) await index.current();
    }
    await index.current();
    const listed = [...index.since(0)];
    expect(listed.map((e) => e.id)).toEqual(['area:a', 'area:c', 'area:b']);
    const positions = listed.map((e) => e.pos);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(listed.map((e) => e.seq)).toEqual(
      listed.map((e) => Number(e.seq)).sort((x, y) => x - y),
    );
    expect(index.get('area:b')?.rev).toBe((await db.get('area:b'))._rev);
    expect([...index.since(positions[1]!)].map((e) => e.id)).toEqual(['area:b']);
    expect(index.lastSeq).toBe((await db.info()).update_seq);
    // A token's sequence the index knows starts at once; one it has forgotten (area:b's early
    // rewrites, compacted away) is asked of the database, with the same answer.
    const known = await index.start(listed[1]!.seq);
    expect([...index.from(known)].map((e) => e.id)).toEqual(['area:b']);
    const forgotten = 10;
    expect(index.knownPos(forgotten)).toBeNull();
    const asked = await index.start(forgotten);
    expect('ids' in asked).toBe(true);
    expect([...index.from(asked)].map((e) => e.id)).toEqual(['area:b']);
    // Cut before area:b, a feed resumes at area:b and only there.
    const cut = index.seqBefore(listed[2]!);
    expect(cut).not.toBeNull();
    expect([...index.from(await index.start(cut!))].map((e) => e.id)).toEqual(['area:b']);
    await db.destroy();
  });

  it('a call is never answered by a catch-up that began before it', async () => {
    const db = memoryDb('routing-race');
    const index = new RoutingIndex(db);
    await db.bulkDocs(Array.from({ length: 300 }, (_, i) => ({ _id: `area:x${i}`, type: 'area' })));
    const first = index.current();
    await db.put({ _id: 'area:late', type: 'area' });
    const second = index.current();
    await first;
    await second;
    expect(index.get('area:late')).toBeDefined();
    await db.destroy();
  });
});

describe('waiting for a change', () => {
  it('wakes every waiting longpoll on the next write, and not before', async () => {
    const db = memoryDb('routing-wait');
    const index = new RoutingIndex(db);
    await db.put({ _id: 'area:a', type: 'area' });
    const seq = await index.current();
    let woken = 0;
    const never = new AbortController().signal;
    const waits = [1, 2, 3].map(() =>
      index.waitForChange(seq, 30_000, never).then(() => void woken++),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(woken).toBe(0);
    await db.put({ _id: 'area:b', type: 'area' });
    await Promise.all(waits);
    expect(woken).toBe(3);
    expect(index.get('area:b')).toBeDefined();
    await db.destroy();
  });

  it('gives up after its time or when the client goes away', async () => {
    const db = memoryDb('routing-timeout');
    const index = new RoutingIndex(db);
    const seq = await index.current();
    const started = Date.now();
    await index.waitForChange(seq, 150, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const gone = new AbortController();
    const waiting = index.waitForChange(seq, 30_000, gone.signal);
    gone.abort();
    await waiting;
    expect(index.pos).toBe(seq);
    await db.destroy();
  });
});
