/**
 * Writes are judged against the present (docs/architecture.md, "Decisions"): each attack here
 * branches a replicated revision off an old revision a device really held, as a stale or hostile
 * device can, and the server must judge the change it would make to the stored winner now. Each
 * was accepted when writes were judged against the ancestor they named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { assign, claim, setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { setDisabled } from '../../../../sync-server/accounts/account-store.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { at, profile } from '../../../support/factories.ts';
import {
  startAccountServer,
  testClock,
  testScrypt,
} from '../../../support/staff/account-fixtures.ts';
import {
  branchOff,
  dbFetch,
  seed,
  staff,
  stored,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('writes judged against the present', (storage) => {
  /** The servers' clock: a day after the world's documents were made. */
  const serverNow = at(24 * 60);
  const fresh = (minutes = 0) => at(24 * 60 - 1 + minutes);

  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    server = await startAccountServer({ storage, now: testClock(serverNow).now });
    return { server, world: await seedWorld(server) };
  }

  async function push(s: TestServer, cookie: string, docs: unknown[]) {
    const res = await dbFetch(s, '/db/_bulk_docs', {
      method: 'POST',
      cookie,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs, new_edits: false }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error?: string; reason?: string }[],
    };
  }

  /** Writes `doc` on the server as it stands now, as another person's synced write would. */
  async function serverWrite(s: TestServer, id: string, edit: (d: RequestDoc) => RequestDoc) {
    const current = await s.storage.replicatedDb.get<RequestDoc>(id);
    await s.storage.replicatedDb.put(edit(current));
    return s.storage.replicatedDb.get<RequestDoc>(id);
  }

  const readStatus = async (s: TestServer, cookie: string, id: string) =>
    (await dbFetch(s, `/db/${encodeURIComponent(id)}`, { cookie })).status;

  describe('a replicated revision is judged against the present winner', () => {
    for (const state of ['assigned', 'done', 'cancelled'] as const) {
      it(`a volunteer cannot take a task that is ${state} now by branching off its open revision`, async () => {
        const { server: s, world } = await start();
        const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.open._id);
        await serverWrite(s, held._id, (d) => {
          let next = setRegister(
            assign(d, world.vera.user.id, world.cath.user.id, fresh(-30)),
            'status',
            'assigned',
            world.cath.user.id,
            fresh(-30),
          );
          if (state !== 'assigned')
            next = setRegister(next, 'status', state, world.cath.user.id, fresh(-20));
          return next;
        });
        const attack = branchOff(held, claim(held, world.owen.user.id, fresh()));
        const answer = await push(s, world.owen.cookie, [attack]);
        expect(answer.body[0]).toMatchObject({ error: 'forbidden' });
        const now = (await stored(s, held._id)) as RequestDoc;
        expect(now.assignee).toBe(world.vera.user.id);
        expect(now.status).toBe(state);
        expect(await readStatus(s, world.owen.cookie, requestContactId(held._id))).toBe(404);
      });
    }

    it('a volunteer taken off a task cannot take it back, and what they reported is kept for the coordinator', async () => {
      const { server: s, world } = await start();
      const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.veras._id);
      await serverWrite(s, held._id, (d) =>
        assign(d, world.owen.user.id, world.cath.user.id, fresh(-30)),
      );
      const takeBack = setRegister(
        assign(held, world.vera.user.id, world.vera.user.id, fresh()),
        'status',
        'done',
        world.vera.user.id,
        fresh(),
      );
      const answer = await push(s, world.vera.cookie, [branchOff(held, takeBack)]);
      expect(answer.body[0]).toMatchObject({ error: 'forbidden', reason: 'no_longer_yours' });
      const now = (await stored(s, held._id)) as RequestDoc;
      expect(now.assignee).toBe(world.owen.user.id);
      expect(now.status).toBe('assigned');
      expect(await readStatus(s, world.vera.cookie, requestContactId(held._id))).toBe(404);

      const events = await s.storage.replicatedDb.allDocs({
        startkey: `event:${held._id.slice(8)}`,
        endkey: `event:${held._id.slice(8)}\uffff`,
        include_docs: true,
      });
      const late = events.rows
        .map((r) => r.doc as unknown as StaffDoc)
        .filter((d) => d.type === 'event' && d.field === 'late_status');
      expect(late).toMatchObject([{ author: world.vera.user.id, from: 'assigned', to: 'done' }]);
      expect(await readStatus(s, world.cath.cookie, late[0]!._id)).toBe(200);
      expect(await readStatus(s, world.vera.cookie, late[0]!._id)).toBe(404);
      // A retried push keeps one event, not two.
      await push(s, world.vera.cookie, [branchOff(held, takeBack)]);
      const again = await s.storage.replicatedDb.allDocs({
        startkey: `event:${held._id.slice(8)}`,
        endkey: `event:${held._id.slice(8)}\uffff`,
      });
      expect(again.rows.length).toBe(events.rows.length);
    });

    it('a coordinator cannot pull a request back from an area they no longer cover', async () => {
      const { server: s, world } = await start();
      const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.open._id);
      await serverWrite(s, held._id, (d) =>
        setRegister(d, 'area', 'gwynedd', world.gwen.user.id, fresh(-30)),
      );
      const pullBack = setRegister(held, 'area', 'ceredigion', world.cath.user.id, fresh());
      const answer = await push(s, world.cath.cookie, [branchOff(held, pullBack)]);
      expect(answer.body[0]).toMatchObject({ error: 'forbidden', reason: 'outside_your_areas' });
      expect(((await stored(s, held._id)) as RequestDoc).area).toBe('gwynedd');
    });

    it('an honest offline edit on an old revision is still merged', async () => {
      const { server: s, world } = await start();
      const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.veras._id);
      await serverWrite(s, held._id, (d) =>
        setRegister(d, 'urgency', 'high', world.cath.user.id, fresh(-30)),
      );
      const progress = setRegister(held, 'status', 'in_progress', world.vera.user.id, fresh());
      const answer = await push(s, world.vera.cookie, [branchOff(held, progress)]);
      expect(answer.body[0]).not.toHaveProperty('error');
      expect(await stored(s, held._id)).toMatchObject({
        status: 'in_progress',
        urgency: 'high',
        assignee: world.vera.user.id,
      });
    });
  });

  describe('the revision history a device sends is bounded', () => {
    it('a generation near the format limit is refused, and the document stays editable', async () => {
      const { server: s, world } = await start();
      const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.veras._id);
      const edit = setRegister(held, 'status', 'in_progress', world.vera.user.id, fresh());
      const hash = 'f'.repeat(32);
      const frozen = {
        ...edit,
        _rev: `999999999-${hash}`,
        _revisions: { start: 999999999, ids: [hash, held._rev!.split('-')[1]] },
      };
      const answer = await push(s, world.vera.cookie, [frozen]);
      expect(answer.body[0]).toMatchObject({ error: 'forbidden', reason: 'invalid_history' });
      const next = setRegister(held, 'urgency', 'high', world.cath.user.id, fresh(1));
      const put = await dbFetch(s, '/db/_bulk_docs', {
        method: 'POST',
        cookie: world.cath.cookie,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs: [next] }),
      });
      expect(((await put.json()) as { ok?: boolean }[])[0]).toMatchObject({ ok: true });
    });

    it('a replicated document without a revision is refused, not a server error (found by the fuzz suite)', async () => {
      const { server: s, world } = await start();
      const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.veras._id);
      const edit = setRegister(held, 'status', 'in_progress', world.vera.user.id, fresh());
      const bare: Record<string, unknown> = { ...edit };
      delete bare._rev;
      delete bare._revisions;
      const answer = await push(s, world.vera.cookie, [bare]);
      expect(answer.status).toBe(201);
      expect(answer.body[0]).toMatchObject({ error: 'forbidden', reason: 'invalid_history' });
      expect((await stored(s, held._id))?._rev).toBe(held._rev);
    });

    it('a pending sign-up cannot freeze its own profile, nor send a history of 20,000 ids', async () => {
      const { server: s } = await start();
      const pending = await staff(s, 'pedr', 'volunteer', []);
      const own = profile(pending.user.id, ['ceredigion'], 'pending');
      await seed(s, [own]);
      const held = await s.storage.replicatedDb.get<StaffDoc>(own._id);
      const renamed = { ...held, name: 'Pedr', updated_at: fresh() } as StaffDoc;
      const hash = 'e'.repeat(32);
      const frozen = {
        ...renamed,
        _rev: `999999999-${hash}`,
        _revisions: { start: 999999999, ids: [hash] },
      };
      const ids = Array.from({ length: 20_000 }, (_, i) => i.toString(16).padStart(32, '0'));
      const long = { ...renamed, _rev: `20001-${ids[0]}`, _revisions: { start: 20001, ids } };
      const started = performance.now();
      const answer = await push(s, pending.cookie, [frozen, long]);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(answer.body).toMatchObject([
        { error: 'forbidden', reason: 'invalid_history' },
        { error: 'forbidden', reason: 'invalid_history' },
      ]);
      expect((await stored(s, own._id))?._rev).toBe(held._rev);
    });
  });

  describe('only someone who may do the task is given it', () => {
    const cases = ['pending', 'rejected', 'disabled', 'another area'] as const;
    for (const which of cases) {
      it(`a coordinator cannot assign a ${which} volunteer, who then reads nothing`, async () => {
        const { server: s, world } = await start();
        const dewi = await staff(s, 'dewi', 'volunteer', []);
        const approval = which === 'pending' ? 'pending' : 'approved';
        const areas = which === 'another area' ? ['gwynedd'] : ['ceredigion'];
        const dewiProfile = { ...profile(dewi.user.id, areas, approval) };
        if (which === 'rejected') Object.assign(dewiProfile, { approval: 'rejected' });
        await seed(s, [dewiProfile]);
        if (which === 'disabled') {
          await setDisabled(
            { store: s.storage.serverOnly, now: () => new Date(), scrypt: testScrypt },
            'dewi',
            true,
          );
        }
        const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.open._id);
        const given = setRegister(
          assign(held, dewi.user.id, world.cath.user.id, fresh()),
          'status',
          'assigned',
          world.cath.user.id,
          fresh(),
        );
        const answer = await push(s, world.cath.cookie, [branchOff(held, given)]);
        expect(answer.body[0]).toMatchObject({ error: 'forbidden', reason: 'not_assignable' });
        expect(((await stored(s, held._id)) as RequestDoc).assignee).toBeNull();
        if (which !== 'disabled') {
          expect(await readStatus(s, dewi.cookie, requestContactId(held._id))).toBe(404);
        }
      });
    }

    it('an approved, enabled volunteer of the area is given it', async () => {
      const { server: s, world } = await start();
      const held = await s.storage.replicatedDb.get<RequestDoc>(world.requests.open._id);
      const given = setRegister(
        assign(held, world.owen.user.id, world.cath.user.id, fresh()),
        'status',
        'assigned',
        world.cath.user.id,
        fresh(),
      );
      const answer = await push(s, world.cath.cookie, [branchOff(held, given)]);
      expect(answer.body[0]).not.toHaveProperty('error');
      expect(await readStatus(s, world.owen.cookie, requestContactId(held._id))).toBe(200);
    });
  });
});
