/**
 * Marking a request a duplicate, against the real server: a coordinator of its area closes it and
 * links it to the request kept, and the resident's status lookup answers for both references; every
 * other way of writing the link is refused and changes nothing: by a volunteer, by a coordinator
 * of another area, to a request outside the writer's areas, to one that does not exist, to one that
 * is a duplicate itself, to itself, on a request left open, and from a stale revision branched off
 * before the request named was closed.
 */
import { expect, it } from 'vitest';
import { markDuplicate, setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import { foodSubmission, withField } from '../../../support/server/submission-fixtures.ts';
import { postJson, type TestServer } from '../../../support/server/test-server.ts';
import { serverPerTest } from '../../../support/staff/account-fixtures.ts';
import {
  branchOff,
  postBulkDocs,
  stored,
  type BulkAnswer,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';
import { forEachStorage } from '../../../support/server/storages.ts';

forEachStorage('marking a request a duplicate', (storage) => {
  const startServer = serverPerTest();

  async function start() {
    const s = await startServer({ storage });
    const world = await seedWorld(s);
    const area = await s.storage.replicatedDb.get<Record<string, unknown>>('area:ceredigion');
    await s.storage.replicatedDb.bulkDocs([
      { ...area, postcode_districts: ['SY23'] },
      {
        _id: 'area:gwynedd',
        type: 'area',
        name_cy: 'Gwynedd',
        name_en: 'Gwynedd',
        postcode_districts: ['LL55'],
      },
    ]);
    return { s, world };
  }

  async function submit(s: TestServer, postcode: string) {
    const res = await postJson(s, withField(foodSubmission(), ['contact', 'postcode'], postcode));
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as SubmissionReceipt;
    return { receipt, id: `request:${receipt.id}` };
  }

  const now = () => new Date().toISOString();
  const current = async (s: TestServer, id: string) => (await stored(s, id)) as RequestDoc;

  async function push(
    s: TestServer,
    cookie: string,
    doc: unknown,
    newEdits = true,
  ): Promise<BulkAnswer> {
    const { status, answers } = await postBulkDocs(s, cookie, [doc], newEdits);
    expect(status).toBeLessThan(500);
    return answers[0] ?? {};
  }

  async function statusOf(s: TestServer, receipt: SubmissionReceipt) {
    const res = await fetch(`${s.url}/api/requests/${receipt.reference}`, {
      headers: { Authorization: `Bearer ${receipt.status_token}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { reference: string; status: string };
  }

  it('closes it, linked, and both references still answer the resident', async () => {
    const { s, world } = await start();
    const kept = await submit(s, 'SY23 1AA');
    const dup = await submit(s, 'sy23 1aa');
    const before = await current(s, dup.id);
    const marked = markDuplicate(before, kept.id, world.cath.user.id, now());
    expect(await push(s, world.cath.cookie, marked)).toMatchObject({ ok: true });

    const after = await current(s, dup.id);
    expect([after.status, after.duplicate_of]).toEqual(['cancelled', kept.id]);
    expect(await statusOf(s, dup.receipt)).toMatchObject({
      reference: dup.receipt.reference,
      status: 'new',
    });
    expect(await statusOf(s, kept.receipt)).toMatchObject({
      reference: kept.receipt.reference,
      status: 'new',
    });

    // The resident of the duplicate follows the request kept as it moves on.
    const keptDoc = await current(s, kept.id);
    const triaged = setRegister(keptDoc, 'status', 'triaged', world.cath.user.id, now());
    expect(await push(s, world.cath.cookie, triaged)).toMatchObject({ ok: true });
    const answer = await statusOf(s, dup.receipt);
    expect(answer).toMatchObject({ reference: dup.receipt.reference, status: 'triaged' });
    expect(JSON.stringify(answer)).not.toContain(kept.receipt.reference);

    // Reopening takes the link away; the resident then hears their own request's status again.
    const reopened = setRegister(
      await current(s, dup.id),
      'status',
      'triaged',
      world.cath.user.id,
      now(),
    );
    expect(await push(s, world.cath.cookie, reopened)).toMatchObject({ ok: true });
    expect((await current(s, dup.id)).duplicate_of).toBeUndefined();
  });

  it('refuses every other way of writing the link, and changes nothing', async () => {
    const { s, world } = await start();
    const kept = await submit(s, 'SY23 1AA');
    const dup = await submit(s, 'SY23 2BB');
    const target = await submit(s, 'SY23 3CC');
    const north = await submit(s, 'LL55 1AB');
    const chained = markDuplicate(await current(s, target.id), kept.id, world.cath.user.id, now());
    expect(await push(s, world.cath.cookie, chained)).toMatchObject({ ok: true });

    const original = await current(s, dup.id);
    const attempts: [string, string, unknown, string][] = [
      [
        'a volunteer',
        world.vera.cookie,
        markDuplicate(original, kept.id, world.vera.user.id, now()),
        'forbidden',
      ],
      [
        'another area’s coordinator',
        world.gwen.cookie,
        markDuplicate(original, kept.id, world.gwen.user.id, now()),
        'outside_your_areas',
      ],
      [
        'to a request outside their areas',
        world.cath.cookie,
        markDuplicate(original, north.id, world.cath.user.id, now()),
        'outside_your_areas',
      ],
      [
        'to no request',
        world.cath.cookie,
        markDuplicate(
          original,
          'request:00000000-0000-4000-8000-00000000dead',
          world.cath.user.id,
          now(),
        ),
        'invalid_duplicate',
      ],
      [
        'to a duplicate',
        world.cath.cookie,
        markDuplicate(original, target.id, world.cath.user.id, now()),
        'invalid_duplicate',
      ],
      [
        'to itself',
        world.cath.cookie,
        markDuplicate(original, dup.id, world.cath.user.id, now()),
        'invalid_document',
      ],
      [
        'on an open request',
        world.cath.cookie,
        {
          ...setRegister(original, 'status', 'triaged', world.cath.user.id, now()),
          duplicate_of: kept.id,
        },
        'invalid_document',
      ],
      [
        'without restamping (the status still in the resident’s name)',
        world.cath.cookie,
        { ...original, status: 'cancelled', duplicate_of: kept.id },
        'wrong_author',
      ],
    ];
    for (const [who, cookie, doc, reason] of attempts) {
      const answer = await push(s, cookie, doc);
      expect(answer.error, who).toBe('forbidden');
      if (reason !== 'forbidden') expect(answer.reason, who).toBe(reason);
      expect(await current(s, dup.id), who).toEqual(original);
    }
  });

  it('judges a stale revision against the request named as it is now', async () => {
    const { s, world } = await start();
    const kept = await submit(s, 'SY23 1AA');
    const dup = await submit(s, 'SY23 2BB');
    const held = await current(s, dup.id);
    // Meanwhile the request to be kept is itself closed as a duplicate of a third.
    const third = await submit(s, 'SY23 3CC');
    const closed = markDuplicate(await current(s, kept.id), third.id, world.cath.user.id, now());
    expect(await push(s, world.cath.cookie, closed)).toMatchObject({ ok: true });

    const stale = branchOff(held, markDuplicate(held, kept.id, world.cath.user.id, now()));
    expect(await push(s, world.cath.cookie, stale, false)).toMatchObject({
      error: 'forbidden',
      reason: 'invalid_duplicate',
    });
    expect(await current(s, dup.id)).toEqual(held);
  });
});
