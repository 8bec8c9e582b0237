/**
 * A volunteer's steps on their task (requests/lifecycle.ts, tasks/outcomes.ts), judged by the real
 * server against the present, on both storages, pushed by real PouchDB devices: only the assignee
 * accepts, sets off, finishes or declines; a decline, and an outcome that needs one, come with a
 * reason; nothing is set off on or finished before it is accepted. Each refusal comes back as the
 * device's replication sees any other (`forbidden`, with its reason) and leaves the present alone.
 */
import { expect, it } from 'vitest';
import { applyAction, type WorkAction } from '#domain/actions/request-actions.ts';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import { historyOf } from '#domain/records/history.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { at, testUuid } from '../../../../support/factories.ts';
import type { TestServer } from '../../../../support/server/test-server.ts';
import { serverPerTest, testClock } from '../../../../support/staff/account-fixtures.ts';
import {
  assignedTo,
  postBulkDocs,
  remoteDb,
  seed,
  stored,
  syncedDevice,
  type Staff,
} from '../../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../../support/server/storages.ts';

forEachStorage("a volunteer's steps on their task", (storage) => {
  const startServer = serverPerTest();
  /** The server's clock: a day after the world's documents were made. */
  const serverNow = at(24 * 60);
  let minute = 0;
  const fresh = () => at(24 * 60 - 60 + ++minute);

  /** Cath has given the open request to Vera, who has not answered yet. */
  async function start() {
    const s = await startServer({ storage, now: testClock(serverNow).now });
    const world = await seedWorld(s);
    const waiting = assignedTo(world.requests.open, world.vera.user.id);
    const current = (await stored(s, waiting._id)) as RequestDoc;
    await seed(s, [{ ...waiting, _rev: current._rev }]);
    return { s, world, waiting: (await stored(s, waiting._id)) as RequestDoc };
  }

  /** `who`'s device, synced, does `actions` on the request in turn, offline, with their history. */
  async function offline(s: TestServer, who: Staff, id: string, actions: WorkAction[]) {
    const db = await syncedDevice(s, who);
    for (const action of actions)
      await write(db, who, id, (d) => applyAction(d, action, who.user.id, fresh()));
    return db;
  }

  /** Writes an edit straight into the device, as a device that skips the page's checks would. */
  async function write(
    db: PouchDB.Database,
    who: Staff,
    id: string,
    edit: (d: RequestDoc) => RequestDoc,
  ) {
    const before = await db.get<RequestDoc>(id);
    const after = edit(before);
    await db.put(after);
    const events = historyOf(before, after, who.user.id, () => testUuid());
    if (events.length > 0) await db.bulkDocs(events);
  }

  /** The device pushes; what the server refused, by id. */
  async function push(db: PouchDB.Database, who: Staff, s: TestServer) {
    const denied = new Map<string, string>();
    const replication = db.replicate.to(remoteDb(s, who.cookie));
    void replication.on('denied', (e) => {
      const { id, reason } = e as unknown as { id: string; reason: string };
      denied.set(id, reason);
    });
    await replication;
    return denied;
  }

  async function eventsOn(s: TestServer, requestId: string): Promise<EventDoc[]> {
    const key = `event:${requestId.slice('request:'.length)}`;
    const all = await s.storage.replicatedDb.allDocs({
      startkey: key,
      endkey: `${key}\uffff`,
      include_docs: true,
    });
    return all.rows.map((r) => r.doc as unknown as EventDoc);
  }

  it('takes an accepted task through on my way to an outcome, sent offline as one push', async () => {
    const { s, world, waiting } = await start();
    const db = await offline(s, world.vera, waiting._id, [
      { kind: 'accept' },
      { kind: 'status', to: 'in_progress' },
      { kind: 'finish', outcome: { kind: 'nobody_home' } },
    ]);
    expect(await push(db, world.vera, s)).toEqual(new Map());
    const now = (await stored(s, waiting._id)) as RequestDoc;
    expect(now).toMatchObject({
      status: 'triaged',
      assignee: null,
      outcome: { kind: 'nobody_home' },
    });
    const said = (await eventsOn(s, waiting._id)).map((e) => e.field);
    expect(said).toEqual(expect.arrayContaining(['accepted', 'outcome']));
  });

  it('refuses setting off, or finishing, before the task is accepted', async () => {
    const { s, world, waiting } = await start();
    const steps: [string, (d: RequestDoc) => RequestDoc][] = [
      ['on my way', (d) => setRegister(d, 'status', 'in_progress', world.vera.user.id, fresh())],
      [
        'helped',
        (d) =>
          applyAction(
            d,
            { kind: 'finish', outcome: { kind: 'helped' } },
            world.vera.user.id,
            fresh(),
          ),
      ],
      [
        'nobody home',
        (d) =>
          applyAction(
            d,
            { kind: 'finish', outcome: { kind: 'nobody_home' } },
            world.vera.user.id,
            fresh(),
          ),
      ],
    ];
    for (const [name, edit] of steps) {
      const db = await syncedDevice(s, world.vera);
      await write(db, world.vera, waiting._id, edit);
      expect((await push(db, world.vera, s)).get(waiting._id), name).toBe('not_accepted');
      expect(await stored(s, waiting._id), name).toMatchObject({
        status: 'assigned',
        assignee: world.vera.user.id,
      });
    }
  });

  it('takes acceptance, and every step after it, only from the assignee', async () => {
    const { s, world, waiting } = await start();
    const owen = world.owen.user.id;
    const attempts = [
      applyAction(waiting, { kind: 'accept' }, owen, fresh()),
      applyAction(waiting, { kind: 'decline', reason: 'Not me' }, owen, fresh()),
      setRegister(waiting, 'status', 'in_progress', owen, fresh()),
    ];
    for (const attempt of attempts) {
      const { answers } = await postBulkDocs(s, world.owen.cookie, [attempt]);
      expect(answers[0]).toMatchObject({ error: 'forbidden' });
      expect(answers[0]?.reason).toMatch(/^(already_assigned|not_assigned_to_you)$/);
    }
    expect(await stored(s, waiting._id)).toMatchObject({ _rev: waiting._rev });
  });

  it('takes a decline only with its reason, which reaches the coordinator', async () => {
    const { s, world, waiting } = await start();
    const silent = await syncedDevice(s, world.vera);
    await write(silent, world.vera, waiting._id, (d) => {
      const back = applyAction(d, { kind: 'decline', reason: 'x' }, world.vera.user.id, fresh());
      delete back.decline_reason;
      return back;
    });
    expect((await push(silent, world.vera, s)).get(waiting._id)).toBe('reason_required');
    expect(await stored(s, waiting._id)).toMatchObject({ assignee: world.vera.user.id });

    const said = await offline(s, world.vera, waiting._id, [
      { kind: 'decline', reason: 'My car has broken down' },
    ]);
    expect(await push(said, world.vera, s)).toEqual(new Map());
    expect(await stored(s, waiting._id)).toMatchObject({
      status: 'triaged',
      assignee: null,
      decline_reason: 'My car has broken down',
    });
    const cathsDevice = await syncedDevice(s, world.cath);
    const events = await cathsDevice.allDocs({
      include_docs: true,
      startkey: 'event:',
      endkey: 'event:\uffff',
    });
    const declined = events.rows
      .map((r) => r.doc as unknown as EventDoc)
      .find((e) => e.field === 'declined');
    expect(declined).toMatchObject({
      reason: 'My car has broken down',
      author: world.vera.user.id,
    });
  });

  it('refuses a finish with no outcome, or could not complete with no reason', async () => {
    const { s, world, waiting } = await start();
    const accepted = await offline(s, world.vera, waiting._id, [{ kind: 'accept' }]);
    expect(await push(accepted, world.vera, s)).toEqual(new Map());

    const bare = await syncedDevice(s, world.vera);
    await write(bare, world.vera, waiting._id, (d) =>
      setRegister(d, 'status', 'done', world.vera.user.id, fresh()),
    );
    expect((await push(bare, world.vera, s)).get(waiting._id)).toBe('outcome_required');

    const unexplained = await syncedDevice(s, world.vera);
    await write(unexplained, world.vera, waiting._id, (d) => {
      const outcome = { kind: 'could_not_complete', reason: 'x' } as const;
      const finished = applyAction(d, { kind: 'finish', outcome }, world.vera.user.id, fresh());
      return { ...finished, outcome: { kind: 'could_not_complete' } } as unknown as RequestDoc;
    });
    expect((await push(unexplained, world.vera, s)).get(waiting._id)).toBe('invalid_document');
    expect(await stored(s, waiting._id)).toMatchObject({
      status: 'assigned',
      assignee: world.vera.user.id,
    });
  });
});
