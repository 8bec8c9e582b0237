/**
 * Two coordinators offline can each make half of a chain of duplicates (A of B on one laptop, B of
 * C on the other) or of a cycle (A of B, B of A). Against the real server, on both storages, with
 * real PouchDB devices: whichever reaches the server second is refused and shown as a refusal,
 * whatever the order, in one batch or two, or two batches at once; the request it would have closed
 * stays as it was. Links are one step (duplicates/mark-duplicate.ts).
 */
import { expect, it } from 'vitest';
import { markDuplicate, setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { request } from '../../../support/factories.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { serverPerTest } from '../../../support/staff/account-fixtures.ts';
import {
  postBulkDocs,
  remoteDb,
  seed,
  staff,
  stored,
  syncedDevice,
  type BulkAnswer,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('chains and cycles of duplicates', (storage) => {
  const startServer = serverPerTest();

  const current = async (s: TestServer, id: string) => (await stored(s, id)) as RequestDoc;

  /** Cath and Carys coordinate Ceredigion, where three open requests look alike. */
  async function start() {
    const s = await startServer({ storage });
    const { cath } = await seedWorld(s);
    const carys = await staff(s, 'carys', 'coordinator', ['ceredigion']);
    const made = [request(), request(), request()];
    await seed(s, made);
    const [a, b, c] = await Promise.all(made.map(async (r) => current(s, r._id)));
    return { s, cath, carys, a: a!, b: b!, c: c! };
  }

  /** Closes `dupId` as a duplicate of `keptId` on the laptop, as the request's page does. */
  async function markOn(db: PouchDB.Database, who: Staff, dupId: string, keptId: string) {
    const doc = await db.get<RequestDoc>(dupId);
    await db.put(markDuplicate(doc, keptId, who.user.id, new Date().toISOString()));
  }

  /** The laptop's push through its replication: what the server refused, as the device hears it. */
  async function upload(s: TestServer, db: PouchDB.Database, who: Staff) {
    const denied: { id: string; reason: string }[] = [];
    const push = db.replicate.to(remoteDb(s, who.cookie));
    void push.on('denied', (e) => {
      const { id, reason } = e as unknown as { id: string; reason: string };
      denied.push({ id, reason });
    });
    await push;
    return denied;
  }

  it.each([
    { first: 'A of B', refused: 'b', reason: 'has_duplicates' },
    { first: 'B of C', refused: 'a', reason: 'invalid_duplicate' },
  ] as const)('refuses the second half of a chain when $first arrives first', async (order) => {
    const { s, cath, carys, a, b, c } = await start();
    const cathsLaptop = await syncedDevice(s, cath);
    const carysLaptop = await syncedDevice(s, carys);
    await markOn(cathsLaptop, cath, a._id, b._id);
    await markOn(carysLaptop, carys, b._id, c._id);
    const laptops = [
      { db: cathsLaptop, who: cath },
      { db: carysLaptop, who: carys },
    ];
    const [first, second] = order.first === 'A of B' ? laptops : laptops.reverse();
    expect(await upload(s, first!.db, first!.who)).toEqual([]);
    const refused = { a, b }[order.refused];
    expect(await upload(s, second!.db, second!.who)).toEqual([
      { id: refused._id, reason: order.reason },
    ]);
    // It stays on the server as it was: open, linked to nothing.
    expect(await current(s, refused._id)).toMatchObject({ status: refused.status });
    expect((await current(s, refused._id)).duplicate_of).toBeUndefined();
  });

  it('refuses the second half of a cycle', async () => {
    const { s, cath, carys, a, b } = await start();
    const cathsLaptop = await syncedDevice(s, cath);
    const carysLaptop = await syncedDevice(s, carys);
    await markOn(cathsLaptop, cath, a._id, b._id);
    await markOn(carysLaptop, carys, b._id, a._id);
    expect(await upload(s, cathsLaptop, cath)).toEqual([]);
    expect(await upload(s, carysLaptop, carys)).toEqual([
      { id: b._id, reason: 'invalid_duplicate' },
    ]);
    expect((await current(s, b._id)).duplicate_of).toBeUndefined();
  });

  async function push(s: TestServer, cookie: string, docs: unknown[]): Promise<BulkAnswer[]> {
    const { status, answers } = await postBulkDocs(s, cookie, docs);
    expect(status).toBe(201);
    return answers;
  }

  it('refuses the second half of a chain sent in the same batch, in either order', async () => {
    const { s, cath, a, b, c } = await start();
    const now = new Date().toISOString();
    const aOfB = markDuplicate(a, b._id, cath.user.id, now);
    const bOfC = markDuplicate(b, c._id, cath.user.id, now);
    expect(await push(s, cath.cookie, [aOfB, bOfC])).toMatchObject([
      { ok: true },
      { error: 'forbidden', reason: 'has_duplicates' },
    ]);
    const next = await start();
    const later = new Date().toISOString();
    expect(
      await push(next.s, next.cath.cookie, [
        markDuplicate(next.b, next.c._id, next.cath.user.id, later),
        markDuplicate(next.a, next.b._id, next.cath.user.id, later),
      ]),
    ).toMatchObject([{ ok: true }, { error: 'forbidden', reason: 'invalid_duplicate' }]);
  });

  it('stores one half of a chain when both arrive at once', async () => {
    const { s, cath, carys, a, b, c } = await start();
    const now = new Date().toISOString();
    const answers = await Promise.all([
      push(s, cath.cookie, [markDuplicate(a, b._id, cath.user.id, now)]),
      push(s, carys.cookie, [markDuplicate(b, c._id, carys.user.id, now)]),
    ]);
    expect(answers.flat().filter((x) => x.ok === true)).toHaveLength(1);
    const [storedA, storedB] = [await current(s, a._id), await current(s, b._id)];
    expect([storedA.duplicate_of, storedB.duplicate_of].filter(Boolean)).toHaveLength(1);
  });

  it('lets a request become a duplicate again once its own duplicate is reopened', async () => {
    const { s, cath, a, b, c } = await start();
    const now = new Date().toISOString();
    expect(await push(s, cath.cookie, [markDuplicate(a, b._id, cath.user.id, now)])).toMatchObject([
      { ok: true },
    ]);
    const reopened = setRegister(
      await current(s, a._id),
      'status',
      'triaged',
      cath.user.id,
      new Date().toISOString(),
    );
    expect(await push(s, cath.cookie, [reopened])).toMatchObject([{ ok: true }]);
    const later = new Date().toISOString();
    expect(
      await push(s, cath.cookie, [
        markDuplicate(await current(s, b._id), c._id, cath.user.id, later),
      ]),
    ).toMatchObject([{ ok: true }]);
  });
});
