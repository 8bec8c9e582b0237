/**
 * Handing a request to another area, judged against the present on the real server, on both
 * storages, with real PouchDB devices: only a coordinator of both areas or an admin moves it, to
 * an area that exists, whatever old revision a device branches off; and a claim made offline
 * while it was being handed over is never lost, whichever reaches the server first.
 */
import { describe, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { giveBack } from '#domain/handover/give-back.ts';
import { handOver } from '#domain/handover/hand-over.ts';
import { openLateClaims } from '#domain/handover/late-claim.ts';
import { claim } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { area, at, testUuid } from '../../../support/factories.ts';
import { serverPerTest, testClock } from '../../../support/staff/account-fixtures.ts';
import {
  branchOff,
  dbFetch,
  postBulkDocs,
  remoteDb,
  seed,
  staff,
  stored,
  syncedDevice,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

const known = ['ceredigion', 'gwynedd', 'powys'];
const reason = 'Lives just over the border in Gwynedd';

forEachStorage('handing a request to another area', (storage) => {
  const serverNow = at(24 * 60);
  const fresh = (minutes = 0) => at(24 * 60 - 1 + minutes);

  const startServer = serverPerTest();

  async function start() {
    const s = await startServer({ storage, now: testClock(serverNow).now });
    const world = await seedWorld(s);
    await seed(s, [area('gwynedd'), area('powys')]);
    const dafydd = await staff(s, 'dafydd', 'coordinator', ['ceredigion', 'gwynedd']);
    const ann = await staff(s, 'ann', 'admin', []);
    return { s, world, dafydd, ann };
  }

  /** Hands the request over on `who`'s device, as the hand-over page writes it. */
  async function handOverOn(db: PouchDB.Database, who: Staff, id: string, to: string) {
    const doc = await db.get<RequestDoc>(id);
    const result = handOver(doc, { to, reason }, who.user, known, false, fresh(), testUuid());
    if (!result.ok) throw new Error(result.problem);
    await db.put(result.handed.request);
    await db.put(result.handed.event);
    return result.handed;
  }

  const push = async (s: TestServer, cookie: string, docs: unknown[]) =>
    (await postBulkDocs(s, cookie, docs, false)).answers;

  const readStatus = async (s: TestServer, cookie: string, id: string) =>
    (await dbFetch(s, `/db/${encodeURIComponent(id)}`, { cookie })).status;

  async function eventsOf(s: TestServer, requestId: string) {
    const prefix = `event:${requestId.slice(8)}`;
    const rows = await s.storage.replicatedDb.allDocs({
      startkey: prefix,
      endkey: `${prefix}\uffff`,
      include_docs: true,
    });
    return rows.rows.map((r) => r.doc as unknown as StaffDoc).filter((d) => d.type === 'event');
  }

  describe('who may hand over', () => {
    it('a coordinator of both areas hands it over with the reason in its history', async () => {
      const { s, world, dafydd } = await start();
      const { open } = world.requests;
      const laptop = await syncedDevice(s, dafydd);
      const handed = await handOverOn(laptop, dafydd, open._id, 'gwynedd');
      const up = await laptop.replicate.to(remoteDb(s, dafydd.cookie));
      expect(up.doc_write_failures).toBe(0);
      expect(((await stored(s, open._id)) as RequestDoc).area).toBe('gwynedd');
      expect(await eventsOf(s, open._id)).toContainEqual(
        expect.objectContaining({ field: 'area', from: 'ceredigion', to: 'gwynedd', reason }),
      );
      // The receiving team sees it and why; the team it left no longer does.
      expect(await readStatus(s, world.gwen.cookie, open._id)).toBe(200);
      expect(await readStatus(s, world.gwen.cookie, handed.event._id)).toBe(200);
      expect(await readStatus(s, world.cath.cookie, open._id)).toBe(404);
      expect(await readStatus(s, world.vera.cookie, open._id)).toBe(404);
    });

    it('a coordinator of one side only is refused, whichever side', async () => {
      const { s, world } = await start();
      const { open } = world.requests;
      const present = await s.storage.replicatedDb.get<RequestDoc>(open._id);
      for (const who of [world.cath, world.gwen]) {
        const moved = { ...present, area: 'gwynedd' } as RequestDoc;
        moved.fields_meta = { ...moved.fields_meta, area: { at: fresh(), by: who.user.id } };
        moved.updated_at = fresh();
        const answer = await push(s, who.cookie, [branchOff(present, moved)]);
        expect(answer[0]).toMatchObject({ error: 'forbidden', reason: 'outside_your_areas' });
      }
      expect(((await stored(s, open._id)) as RequestDoc).area).toBe('ceredigion');
    });

    it('nobody hands it to an area that does not exist, not even an admin', async () => {
      const { s, world, ann } = await start();
      const { open } = world.requests;
      const present = await s.storage.replicatedDb.get<RequestDoc>(open._id);
      const result = handOver(
        present,
        { to: 'gwynedd', reason },
        ann.user,
        known,
        false,
        fresh(),
        testUuid(),
      );
      if (!result.ok) throw new Error(result.problem);
      const nowhere: RequestDoc = { ...result.handed.request, area: 'atlantis' };
      const answer = await push(s, ann.cookie, [branchOff<RequestDoc>(present, nowhere)]);
      expect(answer[0]).toMatchObject({ error: 'forbidden', reason: 'unknown_area' });
      const ok = await push(s, ann.cookie, [
        branchOff(present, result.handed.request),
        {
          ...result.handed.event,
          _rev: `1-${'e'.repeat(32)}`,
          _revisions: { start: 1, ids: ['e'.repeat(32)] },
        },
      ]);
      expect(ok.map((answer) => answer.error)).toEqual([undefined, undefined]);
      expect(((await stored(s, open._id)) as RequestDoc).area).toBe('gwynedd');
    });

    it('an old revision naming the old area does not get a hand-over through', async () => {
      const { s, world, dafydd, ann } = await start();
      const { open } = world.requests;
      const stale = await s.storage.replicatedDb.get<RequestDoc>(open._id);
      // An admin has sent it to Powys meanwhile, which Dafydd does not cover.
      const toPowys = handOver(
        stale,
        { to: 'powys', reason },
        ann.user,
        known,
        false,
        fresh(-30),
        testUuid(),
      );
      if (!toPowys.ok) throw new Error(toPowys.problem);
      await s.storage.replicatedDb.put(toPowys.handed.request);
      const mine = handOver(
        stale,
        { to: 'gwynedd', reason },
        dafydd.user,
        known,
        false,
        fresh(),
        testUuid(),
      );
      if (!mine.ok) throw new Error(mine.problem);
      const answer = await push(s, dafydd.cookie, [branchOff(stale, mine.handed.request)]);
      expect(answer[0]).toMatchObject({ error: 'forbidden', reason: 'outside_your_areas' });
      expect(((await stored(s, open._id)) as RequestDoc).area).toBe('powys');
    });
  });

  describe('a claim made offline while it was handed over', () => {
    it('reaching the server second, is refused, kept for the coordinator, and can be given back', async () => {
      const { s, world, dafydd } = await start();
      const { open } = world.requests;
      const phone = await syncedDevice(s, world.vera);
      const laptop = await syncedDevice(s, dafydd);
      // No signal on Vera's phone: she claims it there.
      await phone.put(claim(await phone.get<RequestDoc>(open._id), world.vera.user.id, fresh(-5)));
      await handOverOn(laptop, dafydd, open._id, 'gwynedd');
      expect((await laptop.replicate.to(remoteDb(s, dafydd.cookie))).doc_write_failures).toBe(0);

      const refused = await push(s, world.vera.cookie, [await phone.get(open._id, { revs: true })]);
      expect(refused[0]).toMatchObject({ error: 'forbidden', reason: 'handed_over' });
      // Her real replication tries again: still refused, still one event.
      const up = await phone.replicate.to(remoteDb(s, world.vera.cookie));
      expect(up.doc_write_failures).toBeGreaterThan(0);
      const present = (await stored(s, open._id)) as RequestDoc;
      expect(present).toMatchObject({ area: 'gwynedd', assignee: null });
      const late = (await eventsOf(s, open._id)).filter(
        (e): e is EventDoc => e.type === 'event' && e.field === 'late_claim',
      );
      expect(late).toMatchObject([
        { author: world.vera.user.id, from: 'ceredigion', to: 'gwynedd' },
      ]);
      expect(await readStatus(s, world.vera.cookie, late[0]!._id)).toBe(404);
      expect(await readStatus(s, world.gwen.cookie, late[0]!._id)).toBe(200);

      // The coordinator's laptop gets it, sees the conflict, and gives it back with the claim.
      await laptop.replicate.from(remoteDb(s, dafydd.cookie));
      const events = (await laptop.allDocs({ include_docs: true })).rows
        .map((r) => r.doc as unknown as StaffDoc)
        .filter((d): d is EventDoc => d.type === 'event' && d.request_id === open._id);
      const onLaptop = await laptop.get<RequestDoc>(open._id);
      const [conflict] = openLateClaims(onLaptop, events);
      expect(conflict).toMatchObject({ by: world.vera.user.id, claimedIn: 'ceredigion' });
      const back = giveBack(
        onLaptop,
        conflict!,
        dafydd.user,
        'Vera had it',
        known,
        fresh(1),
        testUuid(),
      );
      if (!back.ok) throw new Error(back.problem);
      await laptop.put(back.handed.request);
      await laptop.put(back.handed.event);
      expect((await laptop.replicate.to(remoteDb(s, dafydd.cookie))).doc_write_failures).toBe(0);
      expect(await stored(s, open._id)).toMatchObject({
        area: 'ceredigion',
        assignee: world.vera.user.id,
        status: 'assigned',
      });
      await phone.replicate.from(remoteDb(s, world.vera.cookie));
      expect((await phone.get<RequestDoc>(open._id)).assignee).toBe(world.vera.user.id);
      expect(await readStatus(s, world.vera.cookie, requestContactId(open._id))).toBe(200);
    });

    it('reaching the server first, makes the stale hand-over the refused write', async () => {
      const { s, world, dafydd } = await start();
      const { open } = world.requests;
      const phone = await syncedDevice(s, world.vera);
      const laptop = await syncedDevice(s, dafydd);
      await phone.put(claim(await phone.get<RequestDoc>(open._id), world.vera.user.id, fresh(-5)));
      expect((await phone.replicate.to(remoteDb(s, world.vera.cookie))).doc_write_failures).toBe(0);
      // The laptop had no signal: it never saw the claim, and hands over the open request.
      const handed = await handOverOn(laptop, dafydd, open._id, 'gwynedd');
      const answer = await push(s, dafydd.cookie, [await laptop.get(open._id, { revs: true })]);
      expect(answer[0]).toMatchObject({ error: 'forbidden', reason: 'not_assignable' });
      expect(await stored(s, open._id)).toMatchObject({
        area: 'ceredigion',
        assignee: world.vera.user.id,
      });
      expect(handed.request.area).toBe('gwynedd');
    });
  });
});
