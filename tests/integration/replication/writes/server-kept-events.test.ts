/**
 * Events only the server keeps (a late status report, a late claim) are never taken from a device,
 * whoever writes them, and a coordinator's decision on a late claim (`handover_kept`) is taken only
 * from one who may decide it, judged against the request as it is now: against the real server, on
 * both storages, pushed by real PouchDB devices.
 */
import { expect, it } from 'vitest';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import { eventOn } from '#domain/records/history.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { testUuid } from '../../../support/factories.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { serverPerTest } from '../../../support/staff/account-fixtures.ts';
import {
  deviceDb,
  remoteDb,
  staff,
  stored,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('events only the server keeps', (storage) => {
  const startServer = serverPerTest();

  async function start() {
    const s = await startServer({ storage });
    const world = await seedWorld(s);
    const ann = await staff(s, 'ann', 'admin', []);
    return { s, world, ann };
  }

  /** `who` writes the event on their device, which pushes it; the server's refusals, by id. */
  async function pushFrom(s: TestServer, who: Staff, event: EventDoc) {
    const db = deviceDb();
    await db.put(event);
    const denied = new Map<string, string>();
    const push = db.replicate.to(remoteDb(s, who.cookie));
    void push.on('denied', (e) => {
      const { id, reason } = e as unknown as { id: string; reason: string };
      denied.set(id, reason);
    });
    await push;
    return denied.get(event._id) ?? null;
  }

  const eventBy = (request: RequestDoc, who: Staff, field: EventDoc['field']) =>
    eventOn(request._id, testUuid(), {
      author: who.user.id,
      field,
      from: field === 'handover_kept' ? who.user.id : request.area,
      to: request.area,
      at: new Date().toISOString(),
    });

  it('refuses a late report or a late claim from any device, an admin’s too', async () => {
    const { s, world, ann } = await start();
    const { veras } = world.requests;
    // Vera holds the task, so she may add to its record: not what only the server keeps.
    const attempts: [Staff, EventDoc['field']][] = [
      [world.vera, 'late_status'],
      [world.vera, 'late_claim'],
      [world.cath, 'late_status'],
      [world.cath, 'late_claim'],
      [ann, 'late_claim'],
    ];
    for (const [who, field] of attempts) {
      const forged = eventBy(veras, who, field);
      expect(await pushFrom(s, who, forged), `${who.username}: ${field}`).toBe('server_only');
      expect(await stored(s, forged._id), `${who.username}: ${field}`).toBeNull();
    }
    // What she may write on her task still goes through.
    const progress = eventBy(veras, world.vera, 'status');
    expect(await pushFrom(s, world.vera, progress)).toBeNull();
    expect(await stored(s, progress._id)).toMatchObject({ field: 'status' });
  });

  it('takes a kept hand-over only from a coordinator of the request’s area, or an admin', async () => {
    const { s, world, ann } = await start();
    const { veras } = world.requests;
    const refused: [Staff, string][] = [
      [world.vera, 'role_cannot_write'],
      [world.gwen, 'outside_your_areas'],
    ];
    for (const [who, reason] of refused) {
      const decision = eventBy(veras, who, 'handover_kept');
      expect(await pushFrom(s, who, decision), who.username).toBe(reason);
      expect(await stored(s, decision._id), who.username).toBeNull();
    }
    for (const who of [world.cath, ann]) {
      const decision = eventBy(veras, who, 'handover_kept');
      expect(await pushFrom(s, who, decision), who.username).toBeNull();
      expect(await stored(s, decision._id), who.username).toMatchObject({
        field: 'handover_kept',
      });
    }
  });
});
