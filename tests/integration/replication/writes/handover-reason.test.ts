/**
 * A hand-over is stored only with the event giving its reason (handover/handover-reason.ts), on
 * the real server, on both storages: with it in the same batch in either order, or already on the
 * server, as a device's replication sends them in batches of any size; never without it, with
 * someone else's, with an earlier move's, or with one the server refuses.
 */
import { expect, it } from 'vitest';
import { handOver } from '#domain/handover/hand-over.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { saveHandover } from '../../../../src/lib/staff/requests/handover-writes.ts';
import { area, testUuid } from '../../../support/factories.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { serverPerTest } from '../../../support/staff/account-fixtures.ts';
import {
  branchOff,
  deviceDb,
  postBulkDocs,
  remoteDb,
  seed,
  staff,
  stored,
  type BulkAnswer,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

const known = ['ceredigion', 'gwynedd'];

forEachStorage('the reason a hand-over comes with', (storage) => {
  const startServer = serverPerTest();

  async function start() {
    const s = await startServer({ storage });
    const world = await seedWorld(s);
    await seed(s, [area('gwynedd')]);
    const dafydd = await staff(s, 'dafydd', 'coordinator', ['ceredigion', 'gwynedd']);
    const dilys = await staff(s, 'dilys', 'coordinator', ['ceredigion', 'gwynedd']);
    const open = (await stored(s, world.requests.open._id)) as RequestDoc;
    return { s, dafydd, dilys, open };
  }

  /** The request handed over by `who` as the hand-over page makes it, and its event. */
  function handed(doc: RequestDoc, who: Staff, to: string, reason = 'Lives over the border') {
    const result = handOver(doc, { to, reason }, who.user, known, false, now(), testUuid());
    if (!result.ok) throw new Error(result.problem);
    return result.handed;
  }

  const now = () => new Date().toISOString();
  /** A document new to the server, as a device's replication sends it. */
  const firstRevision = <T extends object>(doc: T) => {
    const id = testUuid().replaceAll('-', '');
    return { ...doc, _rev: `1-${id}`, _revisions: { start: 1, ids: [id] } };
  };

  async function push(s: TestServer, who: Staff, docs: unknown[]): Promise<BulkAnswer[]> {
    const { status, answers } = await postBulkDocs(s, who.cookie, docs, false);
    expect(status).toBe(201);
    return answers;
  }

  const areaOf = async (s: TestServer, id: string) => ((await stored(s, id)) as RequestDoc).area;

  it('refuses a move with no event, or with an event giving no reason', async () => {
    const { s, dafydd, open } = await start();
    const { request, event } = handed(open, dafydd, 'gwynedd');
    expect(await push(s, dafydd, [branchOff(open, request)])).toMatchObject([
      { error: 'forbidden', reason: 'no_handover_reason' },
    ]);
    // An area event as written before reasons were kept: its schema takes it, the move does not.
    const reasonless = { ...event };
    delete reasonless.reason;
    expect(
      await push(s, dafydd, [branchOff(open, request), firstRevision(reasonless)]),
    ).toMatchObject([{ error: 'forbidden', reason: 'no_handover_reason' }, { ok: true }]);
    expect(await areaOf(s, open._id)).toBe('ceredigion');
  });

  it.each(['request', 'event'])(
    'takes the move with its event in the same batch, %s first',
    async (first) => {
      const { s, dafydd, open } = await start();
      const { request, event } = handed(open, dafydd, 'gwynedd');
      const docs = [branchOff(open, request), firstRevision(event)];
      const answers = await push(s, dafydd, first === 'event' ? docs.reverse() : docs);
      expect(answers.map((a) => a.error)).toEqual([undefined, undefined]);
      expect(await areaOf(s, open._id)).toBe('gwynedd');
    },
  );

  it('takes the move with its event already on the server, as a device pushes one at a time', async () => {
    const { s, dafydd, open } = await start();
    const laptop = deviceDb();
    await laptop.replicate.from(remoteDb(s, dafydd.cookie));
    const saved = await saveHandover(
      laptop,
      open._id,
      (before, at) =>
        handOver(
          before,
          { to: 'gwynedd', reason: 'Over the border' },
          dafydd.user,
          known,
          false,
          at,
          testUuid(),
        ),
      dafydd.user.id,
    );
    expect(saved.ok).toBe(true);
    // The smallest batches a device sends: the event must reach the server before the request.
    const up = await laptop.replicate.to(remoteDb(s, dafydd.cookie), { batch_size: 1 });
    expect(up.doc_write_failures).toBe(0);
    expect(await areaOf(s, open._id)).toBe('gwynedd');
  });

  it('refuses a move with someone else’s event, or an earlier move’s', async () => {
    const { s, dafydd, dilys, open } = await start();
    const mine = handed(open, dafydd, 'gwynedd');
    const theirs = handed(open, dilys, 'gwynedd');
    expect(
      await push(s, dafydd, [branchOff(open, mine.request), firstRevision(theirs.event)]),
    ).toMatchObject([{ error: 'forbidden', reason: 'no_handover_reason' }, { error: 'forbidden' }]);

    // To Gwynedd and back, each with its reason; then to Gwynedd again with none of its own.
    expect(
      (await push(s, dafydd, [branchOff(open, mine.request), firstRevision(mine.event)])).map(
        (a) => a.error,
      ),
    ).toEqual([undefined, undefined]);
    const there = (await stored(s, open._id)) as RequestDoc;
    const back = handed(there, dafydd, 'ceredigion');
    expect(
      (await push(s, dafydd, [branchOff(there, back.request), firstRevision(back.event)])).map(
        (a) => a.error,
      ),
    ).toEqual([undefined, undefined]);
    const home = (await stored(s, open._id)) as RequestDoc;
    const again = handed(home, dafydd, 'gwynedd');
    expect(await push(s, dafydd, [branchOff(home, again.request)])).toMatchObject([
      { error: 'forbidden', reason: 'no_handover_reason' },
    ]);
    expect(await areaOf(s, open._id)).toBe('ceredigion');
  });

  it('refuses the move when the event it came with is refused', async () => {
    const { s, dafydd, open } = await start();
    const { request, event } = handed(open, dafydd, 'gwynedd');
    // The event's revision history does not agree with its revision: the server refuses it.
    const broken = { ...firstRevision(event), _revisions: { start: 2, ids: ['0'.repeat(32)] } };
    expect(await push(s, dafydd, [branchOff(open, request), broken])).toMatchObject([
      { error: 'forbidden', reason: 'no_handover_reason' },
      { error: 'forbidden', reason: 'invalid_history' },
    ]);
    expect(await areaOf(s, open._id)).toBe('ceredigion');
    expect(await stored(s, event._id)).toBeNull();
  });

  it('asks nothing of an edit that leaves the area where it is', async () => {
    const { s, dafydd, open } = await start();
    const edited = setRegister(open, 'urgency', 'high', dafydd.user.id, now());
    expect(await push(s, dafydd, [branchOff(open, edited)])).toMatchObject([{ ok: true }]);
  });
});
