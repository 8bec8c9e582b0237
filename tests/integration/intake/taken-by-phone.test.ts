/**
 * A request a coordinator takes on the phone reaches the server the way a staff device writes
 * everything, through `/db` (docs/architecture.md, "Phone intake"): real PouchDB clients, the real
 * server, both storages. Taken properly it is stored with its contact and history, its reference
 * bound to it; every way of breaking the rules is refused with its reason and stores nothing: an
 * area not covered, a volunteer, someone else's name on it, someone else's or a used reference, the
 * resident's own consent claimed, answers the form could not send, input past its bounds.
 */
import { afterEach, expect, it } from 'vitest';
import { phoneIntake, type PhoneIntake } from '#domain/intake/phone-intake.ts';
import { parseSubmission } from '#domain/questions/request-schema.ts';
import { makeReference } from '#domain/requests/reference.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { referenceDocId } from '../../../sync-server/residents/reference-claim.ts';
import type { TestServer } from '../../support/server/test-server.ts';
import { postJson } from '../../support/server/test-server.ts';
import { forEachStorage } from '../../support/server/storages.ts';
import { testUuid } from '../../support/factories.ts';
import { startAccountServer } from '../../support/staff/account-fixtures.ts';
import { askForPool } from '../../support/staff/reference-fixtures.ts';
import {
  deviceDb,
  remoteDb,
  stored,
  type Staff,
} from '../../support/staff/replication-fixtures.ts';
import { rawSubmission, type JsonObject } from '../../support/submissions.ts';
import { seedWorld } from '../../support/world/seeded-world.ts';

forEachStorage('requests taken on the phone', (storage) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start() {
    server = await startAccountServer({ storage });
    return { s: server, ...(await seedWorld(server)) };
  }

  /** The references `who`'s device was handed for calls. */
  async function pool(s: TestServer, who: Staff): Promise<string[]> {
    const answer = await askForPool(s, who.cookie, { device: testUuid(), used: [] });
    return answer.body.references as string[];
  }

  function call(by: string, reference: string, area = 'ceredigion', raw?: JsonObject) {
    const parsed = parseSubmission(raw ?? rawSubmission('food', { id: testUuid() }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
    return phoneIntake(parsed.value, reference, area, by, new Date().toISOString(), testUuid());
  }

  const docsOf = (c: PhoneIntake) => [c.request, c.contact, c.created];

  /** Written on `who`'s device and pushed by PouchDB's replicator; what the server answered. */
  async function push(s: TestServer, who: Staff, docs: object[]) {
    const local = deviceDb();
    await local.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]);
    const denied: { id: string; reason: string }[] = [];
    await local.replicate.to(remoteDb(s, who.cookie)).on('denied', (e) => {
      const d = e as unknown as { id: string; reason: string };
      denied.push({ id: d.id, reason: d.reason });
    });
    return denied;
  }

  /** Nothing of the call reached the server's replicated database. */
  async function nothingStored(s: TestServer, c: PhoneIntake) {
    for (const doc of docsOf(c)) expect(await stored(s, doc._id)).toBeNull();
  }

  it('taken properly it is stored as taken by phone, in the coordinator’s name, and its reference is bound to it', async () => {
    const { s, cath, gwen } = await start();
    const [reference] = await pool(s, cath);
    const c = call(cath.user.id, reference!);
    expect(await push(s, cath, docsOf(c))).toEqual([]);
    const request = (await stored(s, c.request._id)) as RequestDoc;
    expect(request).toMatchObject({
      reference,
      area: 'ceredigion',
      language: 'cy',
      consent: { given: true, how: 'phone' },
    });
    expect(Object.values(request.fields_meta).every((m) => m.by === cath.user.id)).toBe(true);
    expect(await stored(s, c.contact._id)).toMatchObject({ request_id: c.request._id });
    expect(await stored(s, c.created._id)).toMatchObject({ author: cath.user.id });
    expect(await s.storage.serverOnly.get(referenceDocId(reference!))).toMatchObject({
      held_by: cath.user.id,
      request_id: c.request._id,
    });
    // Cath's other device pulls it; Gwen, who covers Gwynedd, does not.
    const laptop = deviceDb();
    await laptop.replicate.from(remoteDb(s, cath.cookie));
    expect((await laptop.get(c.request._id))._id).toBe(c.request._id);
    const gwens = deviceDb();
    await gwens.replicate.from(remoteDb(s, gwen.cookie));
    await expect(gwens.get(c.request._id)).rejects.toMatchObject({ status: 404 });
  });

  it('sent again (a retry, a second device of the same replica) it is the same request, not a refusal', async () => {
    const { s, cath } = await start();
    const [reference] = await pool(s, cath);
    const c = call(cath.user.id, reference!);
    const local = deviceDb();
    await local.bulkDocs(docsOf(c) as PouchDB.Core.PutDocument<object>[]);
    const remote = remoteDb(s, cath.cookie);
    await local.replicate.to(remote);
    // The server forgets nothing, but a device that lost its checkpoint sends it all again.
    const copy = deviceDb();
    await local.replicate.to(copy);
    const again: string[] = [];
    await copy.replicate.to(remote).on('denied', (e) => again.push(String(e)));
    expect(again).toEqual([]);
    expect(await stored(s, c.request._id)).toMatchObject({ reference });
  });

  it('in an area the coordinator does not cover is refused, and the reference stays theirs to use', async () => {
    const { s, cath } = await start();
    const [reference] = await pool(s, cath);
    const c = call(cath.user.id, reference!, 'gwynedd');
    const denied = await push(s, cath, docsOf(c));
    expect(denied).toContainEqual({ id: c.request._id, reason: 'outside_your_areas' });
    await nothingStored(s, c);
    expect(await s.storage.serverOnly.get(referenceDocId(reference!))).toMatchObject({
      request_id: null,
    });
    const retaken = call(cath.user.id, reference!);
    expect(await push(s, cath, docsOf(retaken))).toEqual([]);
  });

  it('by a volunteer is refused: they take no calls, and get no references', async () => {
    const { s, cath, vera } = await start();
    const [reference] = await pool(s, cath);
    const c = call(vera.user.id, reference!);
    const denied = await push(s, vera, docsOf(c));
    expect(denied).toContainEqual({ id: c.request._id, reason: 'role_cannot_write' });
    await nothingStored(s, c);
    expect((await askForPool(s, vera.cookie, { device: testUuid(), used: [] })).status).toBe(403);
  });

  it('in someone else’s name is refused, whoever’s reference it carries', async () => {
    const { s, cath, gwen } = await start();
    const [cathsReference] = await pool(s, cath);
    const forged = call(gwen.user.id, cathsReference!);
    expect(await push(s, cath, docsOf(forged))).toContainEqual({
      id: forged.request._id,
      reason: 'wrong_author',
    });
    await nothingStored(s, forged);
    // Gwen's reference on a call in Cath's own name and area: not Cath's to give out.
    const [gwensReference] = await pool(s, gwen);
    const borrowed = call(cath.user.id, gwensReference!);
    expect(await push(s, cath, docsOf(borrowed))).toContainEqual({
      id: borrowed.request._id,
      reason: 'reference_not_yours',
    });
    await nothingStored(s, borrowed);
  });

  it('with a reference used already, a resident’s, or one the server never handed out, is refused', async () => {
    const { s, cath } = await start();
    const [reference] = await pool(s, cath);
    expect(await push(s, cath, docsOf(call(cath.user.id, reference!)))).toEqual([]);
    const reused = call(cath.user.id, reference!);
    expect(await push(s, cath, docsOf(reused))).toContainEqual({
      id: reused.request._id,
      reason: 'reference_used',
    });
    await nothingStored(s, reused);

    const sent = await postJson(s, rawSubmission('food', { id: testUuid() }));
    const residents = ((await sent.json()) as { reference: string }).reference;
    const made = makeReference(() => 5);
    for (const reference of [residents, made]) {
      const c = call(cath.user.id, reference);
      expect(await push(s, cath, docsOf(c))).toContainEqual({
        id: c.request._id,
        reason: 'reference_not_yours',
      });
      await nothingStored(s, c);
    }
  });

  it('claiming the resident gave consent on the form is refused, in their name or in the coordinator’s', async () => {
    const { s, cath } = await start();
    const [first, second] = await pool(s, cath);
    const asForm = call(cath.user.id, first!);
    const tickedBox = { ...asForm.request, consent: { given: true, how: 'form' } };
    expect(await push(s, cath, [tickedBox])).toContainEqual({
      id: asForm.request._id,
      reason: 'invalid_document',
    });
    const asResident = call(cath.user.id, second!);
    const meta = asResident.request.fields_meta;
    const byResident = {
      ...asResident.request,
      consent: { given: true, how: 'form' },
      fields_meta: { ...meta, consent: { ...meta.consent, by: 'resident' } },
    };
    expect(await push(s, cath, [byResident])).toContainEqual({
      id: asResident.request._id,
      reason: 'wrong_author',
    });
    for (const c of [asForm, asResident]) await nothingStored(s, c);
  });

  it('answers the form could never send, or input past its bounds, are refused and change nothing', async () => {
    const { s, cath } = await start();
    const [first, second, third] = await pool(s, cath);
    // Asking for someone else without saying who asks: the form's schema refuses it.
    const half = call(cath.user.id, first!);
    const contact = { ...half.contact, for_someone_else: true };
    const denied = await push(s, cath, [half.request, contact]);
    expect(denied).toContainEqual({ id: contact._id, reason: 'invalid_document' });
    expect(await stored(s, contact._id)).toBeNull();

    const long = call(cath.user.id, second!);
    const tooLong = {
      ...long.contact,
      contact: { ...long.contact.contact, name: 'A'.repeat(101) },
    };
    expect(await push(s, cath, [long.request, tooLong])).toContainEqual({
      id: tooLong._id,
      reason: 'invalid_document',
    });
    expect(await stored(s, tooLong._id)).toBeNull();

    const padded = call(cath.user.id, third!);
    const extra = { ...padded.request, notes: 'x'.repeat(50_000) };
    expect(await push(s, cath, [extra])).toContainEqual({
      id: padded.request._id,
      reason: 'invalid_document',
    });
    await nothingStored(s, padded);
    expect(await s.storage.serverOnly.get(referenceDocId(third!))).toMatchObject({
      request_id: null,
    });
  });
});
