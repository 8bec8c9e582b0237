import { afterEach, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import { at } from '../../support/factories.ts';
import {
  deviceDb,
  liveIds,
  remoteDb,
  assignedTo,
} from '../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../support/world/seeded-world.ts';
import { eventually } from '../../support/eventually.ts';
import { forEachStorage } from '../../support/server/storages.ts';

forEachStorage('live replication and conflicts', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('live (longpoll) replication brings an assignment’s contact within moments', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const device = deviceDb();
    const live = device.replicate.from(remoteDb(server, world.vera.cookie), { live: true });
    try {
      await eventually(async () => (await liveIds(device)).includes(world.requests.veras._id), {
        what: 'her task on her device',
      });
      const { open } = world.requests;
      const given = assignedTo(open, world.vera.user.id);
      const current = await server.storage.replicatedDb.get(open._id);
      await server.storage.replicatedDb.put({ ...given, _rev: current._rev });
      await eventually(async () => (await liveIds(device)).includes(requestContactId(open._id)), {
        what: 'the newly assigned task’s contact on her device',
      });
    } finally {
      live.cancel();
    }
  });

  it('concurrent offline edits are merged on the server and every device converges', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const { owens } = world.requests;
    const [phone, laptop] = [deviceDb(), deviceDb()];
    for (const device of [phone, laptop]) {
      await device.replicate.from(remoteDb(server, world.cath.cookie));
    }
    const onPhone = await phone.get<RequestDoc>(owens._id);
    await phone.put(setRegister(onPhone, 'urgency', 'high', world.cath.user.id, at(200)));
    const onLaptop = await laptop.get<RequestDoc>(owens._id);
    await laptop.put(setRegister(onLaptop, 'status', 'in_progress', world.cath.user.id, at(201)));
    for (const device of [phone, laptop]) {
      const up = await device.replicate.to(remoteDb(server, world.cath.cookie));
      expect(up.doc_write_failures).toBe(0);
    }
    const onServer = await server.storage.replicatedDb.get<RequestDoc>(owens._id, {
      conflicts: true,
    });
    expect(onServer._conflicts).toBeUndefined();
    expect(onServer).toMatchObject({ urgency: 'high', status: 'in_progress' });
    for (const device of [phone, laptop]) {
      await device.replicate.from(remoteDb(server, world.cath.cookie));
      const local = await device.get<RequestDoc>(owens._id, { conflicts: true });
      expect(local._rev).toBe(onServer._rev);
      expect(local._conflicts ?? []).toEqual([]);
    }
  });
});
