import { afterEach, expect, it } from 'vitest';
import { noteDocId, requestContactId } from '#domain/documents/doc-ids.ts';
import { setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
import { area, at, contactFor, profile, testUuid } from '../../../support/factories.ts';
import {
  deviceDb,
  expectedIds,
  liveIds,
  remoteDb,
  seed,
  staff,
  stored,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('replication both ways, filtered per user', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('gives each role exactly what canRead allows, and takes their allowed writes', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    for (const person of [world.cath, world.vera, world.owen, world.gwen]) {
      // Small batches too: filtered pages must never end a one-shot replication early.
      for (const batchSize of [100, 2]) {
        const device = deviceDb();
        const pulled = await device.replicate.from(remoteDb(server, person.cookie), {
          batch_size: batchSize,
        });
        expect(pulled.ok).toBe(true);
        expect(await liveIds(device), person.username).toEqual(
          expectedIds(person.user, world.docs, new Date().toISOString()),
        );
      }
    }
    // The volunteer's device never holds another's task, a private note or a closed task's contact.
    const vera = deviceDb();
    await vera.replicate.from(remoteDb(server, world.vera.cookie));
    const veraIds = await liveIds(vera);
    expect(veraIds).toContain(requestContactId(world.requests.veras._id));
    expect(veraIds).not.toContain(world.requests.owens._id);
    expect(veraIds).not.toContain(requestContactId(world.requests.done._id));

    // Writes the policy allows go up: the volunteer starts their task and adds a note.
    const task = await vera.get<RequestDoc>(world.requests.veras._id);
    await vera.put(setRegister(task, 'status', 'in_progress', world.vera.user.id, at(40)));
    const noteId = noteDocId(world.requests.veras._id, testUuid());
    await vera.put({
      _id: noteId,
      type: 'note',
      request_id: world.requests.veras._id,
      author: world.vera.user.id,
      text: 'Wedi cyrraedd / arrived',
      for_assignee: false,
      created_at: at(41),
    });
    const pushed = await vera.replicate.to(remoteDb(server, world.vera.cookie));
    expect(pushed.ok).toBe(true);
    expect(pushed.docs_written).toBe(2);
    expect(((await stored(server, world.requests.veras._id)) as RequestDoc).status).toBe(
      'in_progress',
    );
    expect(await stored(server, noteId)).not.toBeNull();

    // The coordinator's device gets the volunteer's note, and the coordinator's new contact goes up.
    const cath = deviceDb();
    await cath.replicate.from(remoteDb(server, world.cath.cookie));
    expect(await liveIds(cath)).toContain(noteId);
    const fresh = contactFor(world.requests.open);
    await cath.put({ ...(await cath.get(fresh._id)), updated_at: at(45) });
    const up = await cath.replicate.to(remoteDb(server, world.cath.cookie));
    expect(up.docs_written).toBe(1);
    expect(await stored(server, fresh._id)).toMatchObject({ updated_at: at(45) });
  });

  it('a volunteer whose profile is not approved yet gets only their profile and the areas', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const pedr = await staff(server, 'pedr', 'volunteer', ['ceredigion']);
    const pending = profile(pedr.user.id, ['ceredigion'], 'pending');
    await seed(server, [pending]);
    const device = deviceDb();
    await device.replicate.from(remoteDb(server, pedr.cookie));
    const asPolicySeesThem = { ...pedr.user, areas: [] };
    const expected = expectedIds(asPolicySeesThem, [...world.docs, pending]);
    expect(expected).toEqual([area('ceredigion')._id, pending._id].sort());
    expect(await liveIds(device)).toEqual(expected);
  });

  it('refuses a write the policy forbids: reported as denied, nothing of it stored', async () => {
    server = await startAccountServer({ storage });
    const world = await seedWorld(server);
    const vera = deviceDb();
    await vera.replicate.from(remoteDb(server, world.vera.cookie));
    // A volunteer may not change a contact, nor a task that is not theirs.
    const contactId = requestContactId(world.requests.veras._id);
    const before = await server.storage.replicatedDb.get(contactId);
    await vera.put({ ...(await vera.get(contactId)), updated_at: at(45) });
    const open = await vera.get<RequestDoc>(world.requests.open._id);
    await vera.put(setRegister(open, 'urgency', 'high', world.vera.user.id, at(50)));
    const denied: unknown[] = [];
    const replication = vera.replicate.to(remoteDb(server, world.vera.cookie));
    void replication.on('denied', (error) => denied.push(error));
    const pushed = await replication;
    expect(pushed.doc_write_failures).toBe(2);
    expect(denied).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: contactId, error: 'forbidden', reason: 'role_cannot_write' }),
        expect.objectContaining({ id: world.requests.open._id, error: 'forbidden' }),
      ]),
    );
    expect(await stored(server, contactId)).toEqual(before);
    expect(((await stored(server, world.requests.open._id)) as RequestDoc).urgency).toBe(
      world.requests.open.urgency,
    );
  });
});
