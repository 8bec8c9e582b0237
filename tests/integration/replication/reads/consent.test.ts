/**
 * The resident's consent to share their details, end to end on the real server with real PouchDB
 * devices: a resident who said No has a volunteer assigned, whose replica gets the task and its
 * notes but not the contact, by no endpoint at all; the coordinator records consent from their own
 * device, and the contact (unchanged itself) reaches the volunteer; the coordinator records a
 * withdrawal, and `_evictions` lists the contact, and only the contact, for the device to purge.
 */
import { afterEach, expect, it } from 'vitest';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { recordConsent } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import { startAccountServer } from '../../../support/staff/account-fixtures.ts';
import { at, contactFor, coordinatorId, note, request } from '../../../support/factories.ts';
import {
  assignedTo,
  dbFetch,
  deviceDb,
  liveIds,
  remoteDb,
  seed,
  staff,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('consent to share the contact with the volunteer', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function consentWorld(s: TestServer) {
    const [cath, vera] = await Promise.all([
      staff(s, 'cath', 'coordinator', ['ceredigion']),
      staff(s, 'vera', 'volunteer', ['ceredigion']),
    ]);
    // The resident said No on the form; a coordinator assigned Vera before anyone called.
    const task = assignedTo(request({ status: 'triaged', consented: false }), vera.user.id);
    const contact = contactFor(task);
    const forVera = note(task, coordinatorId, true);
    const docs: StaffDoc[] = [task, contact, forVera];
    await seed(s, docs);
    return { cath, vera, task, contactId: contact._id, noteId: forVera._id };
  }

  const json = async (res: Response) => ({
    status: res.status,
    body: (await res.json()) as unknown,
  });

  /** Every way a replicator reads, asked for the contact: none may hand it over. */
  async function expectRefusedEverywhere(s: TestServer, who: Staff, contactId: string) {
    const cookie = who.cookie;
    const id = encodeURIComponent(contactId);
    const rev = ((await s.storage.replicatedDb.get(contactId)) as { _rev: string })._rev;
    for (const query of ['', '?revs=true', '?open_revs=all', `?rev=${rev}`, '?latest=true']) {
      const got = await json(await dbFetch(s, `/db/${id}${query}`, { cookie }));
      expect(got, `GET ${query}`).toEqual({
        status: 404,
        body: { error: 'not_found', reason: 'missing' },
      });
    }
    const post = (body: unknown) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cookie,
    });
    const bulk = await json(
      await dbFetch(s, '/db/_bulk_get?revs=true', post({ docs: [{ id: contactId, rev }] })),
    );
    expect(JSON.stringify(bulk.body)).not.toContain('"ok"');
    expect(bulk.body).toMatchObject({
      results: [{ id: contactId, docs: [{ error: { error: 'not_found' } }] }],
    });
    for (const path of ['/db/_all_docs?include_docs=true', '/db/_all_docs']) {
      const all = await json(await dbFetch(s, path, { cookie }));
      expect(JSON.stringify(all.body), path).not.toContain(contactId);
    }
    const byKeys = await json(
      await dbFetch(s, '/db/_all_docs?include_docs=true', post({ keys: [contactId] })),
    );
    expect(byKeys.body).toMatchObject({ rows: [{ key: contactId, error: 'not_found' }] });
    for (const query of ['include_docs=true', 'include_docs=true&feed=longpoll&style=all_docs']) {
      const feed = await json(await dbFetch(s, `/db/_changes?since=0&${query}`, { cookie }));
      expect(JSON.stringify(feed.body), query).not.toContain(contactId);
    }
    const diff = await json(await dbFetch(s, '/db/_revs_diff', post({ [contactId]: [rev] })));
    expect(diff.body).toEqual({ [contactId]: { missing: [rev] } });
  }

  /** The coordinator's edit, made on their own device and pushed as a device pushes it. */
  async function fromCoordinatorsDevice(
    s: TestServer,
    cath: Staff,
    id: string,
    edit: (doc: RequestDoc) => RequestDoc,
  ) {
    const laptop = deviceDb();
    await laptop.replicate.from(remoteDb(s, cath.cookie));
    await laptop.put(edit(await laptop.get<RequestDoc>(id)));
    const up = await laptop.replicate.to(remoteDb(s, cath.cookie));
    expect(up.doc_write_failures, JSON.stringify(up.errors)).toBe(0);
  }

  async function evictionsSince(s: TestServer, cookie: string, since: string) {
    const res = await dbFetch(s, `/db/_evictions?since=${since}`, { cookie });
    return (await res.json()) as { ids: string[]; last_seq: string };
  }

  it('said No: the assigned volunteer gets the task and its note, and no endpoint gives the contact', async () => {
    server = await startAccountServer({ storage });
    const world = await consentWorld(server);
    const phone = deviceDb();
    await phone.replicate.from(remoteDb(server, world.vera.cookie));
    expect(await liveIds(phone)).toEqual([world.noteId, world.task._id].sort());
    await expectRefusedEverywhere(server, world.vera, world.contactId);
    // The coordinator, who must make the call, has it.
    const laptop = deviceDb();
    await laptop.replicate.from(remoteDb(server, world.cath.cookie));
    expect(await liveIds(laptop)).toContain(world.contactId);
  });

  it('recorded by the coordinator, the contact reaches the volunteer; withdrawn, it is evicted', async () => {
    server = await startAccountServer({ storage });
    const world = await consentWorld(server);
    const phone = deviceDb();
    const first = await phone.replicate.from(remoteDb(server, world.vera.cookie));
    expect(await liveIds(phone)).not.toContain(world.contactId);

    await fromCoordinatorsDevice(server, world.cath, world.task._id, (doc) =>
      recordConsent(doc, true, 'phone', world.cath.user.id, at(200)),
    );
    // The contact did not change, yet it comes with the request that now shares it.
    await phone.replicate.from(remoteDb(server, world.vera.cookie));
    expect(await liveIds(phone)).toContain(world.contactId);
    const onPhone = await phone.get<RequestDoc>(world.task._id);
    expect(onPhone.consent).toEqual({ given: true, how: 'phone' });
    expect(onPhone.fields_meta.consent).toEqual({ at: at(200), by: world.cath.user.id });
    const given = await evictionsSince(server, world.vera.cookie, String(first.last_seq));
    expect(given.ids).toEqual([]);

    await fromCoordinatorsDevice(server, world.cath, world.task._id, (doc) =>
      recordConsent(doc, false, 'in_person', world.cath.user.id, at(210)),
    );
    const withdrawn = await evictionsSince(server, world.vera.cookie, given.last_seq);
    expect(withdrawn.ids).toEqual([world.contactId]);
    await expectRefusedEverywhere(server, world.vera, world.contactId);
    // She keeps the task and her note; only the person's details go.
    await phone.replicate.from(remoteDb(server, world.vera.cookie));
    const after = await phone.get<RequestDoc>(world.task._id);
    expect(after.consent).toEqual({ given: false, how: 'in_person' });
    expect(await liveIds(phone)).toContain(world.noteId);
  });

  it('a volunteer cannot record consent for themselves', async () => {
    server = await startAccountServer({ storage });
    const world = await consentWorld(server);
    const phone = deviceDb();
    await phone.replicate.from(remoteDb(server, world.vera.cookie));
    const mine = await phone.get<RequestDoc>(world.task._id);
    await phone.put(recordConsent(mine, true, 'phone', world.vera.user.id, at(200)));
    const up = await phone.replicate.to(remoteDb(server, world.vera.cookie));
    expect(up.doc_write_failures).toBe(1);
    const stored = (await server.storage.replicatedDb.get(world.task._id)) as RequestDoc;
    expect(stored.consent).toEqual({ given: false, how: 'form' });
    expect(requestContactId(world.task._id)).toBe(world.contactId);
  });
});
