import { describe, expect, it } from 'vitest';
import { rejectVolunteer, withAreas, type VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { changeProfile } from '$lib/staff/volunteers/volunteer-writes.ts';
import { profile, testUuid, user } from '../../../support/factories.ts';
import { memoryDb } from '../sync/pouch.ts';

const coordinator = user('coordinator', ['ceredigion', 'powys']);

describe('changeProfile', () => {
  it('writes a change the policy allows, as a new revision of the profile', async () => {
    const db = memoryDb();
    const doc = profile(testUuid(), ['ceredigion'], 'pending');
    await db.put(doc);
    const outcome = await changeProfile(db, coordinator, doc._id, (p, now) =>
      rejectVolunteer(p, now),
    );
    expect(outcome.ok).toBe(true);
    const saved = await db.get<VolunteerDoc>(doc._id);
    expect(saved).toMatchObject({ approval: 'rejected', name: doc.name, phone: doc.phone });
    expect(saved._rev).toMatch(/^2-/);
  });

  it('writes nothing the policy refuses, and says why', async () => {
    const db = memoryDb();
    const north = profile(testUuid(), ['gwynedd'], 'pending');
    const approved = profile(testUuid(), ['ceredigion']);
    await db.bulkDocs([north, approved]);
    expect(await changeProfile(db, coordinator, north._id, rejectVolunteer)).toEqual({
      ok: false,
      problem: 'outside_your_areas',
    });
    expect(await changeProfile(db, coordinator, approved._id, rejectVolunteer)).toEqual({
      ok: false,
      problem: 'invalid_transition',
    });
    // A change to areas the coordinator does not cover never reaches the replica either.
    expect(
      await changeProfile(db, coordinator, approved._id, (p, now) => {
        const moved = withAreas(p, ['gwynedd'], ['gwynedd'], now);
        return moved.ok ? moved.profile : { problem: moved.problem };
      }),
    ).toEqual({ ok: false, problem: 'outside_your_areas' });
    expect((await db.get<VolunteerDoc>(north._id)).approval).toBe('pending');
    expect((await db.get<VolunteerDoc>(approved._id))._rev).toMatch(/^1-/);
    expect(await changeProfile(db, coordinator, 'volunteer:nobody', rejectVolunteer)).toEqual({
      ok: false,
      problem: 'missing',
    });
  });

  it('judges again on what a pull brought in between, so a decided sign-up is not overwritten', async () => {
    const db = memoryDb();
    const doc = profile(testUuid(), ['ceredigion'], 'pending');
    await db.put(doc);
    // Another coordinator's approval arrives between this change's read and its write.
    const realGet = db.get.bind(db);
    let interfered = false;
    db.get = (async (id: string, opts?: object) => {
      const read = await realGet(id, opts ?? {});
      if (!interfered) {
        interfered = true;
        await db.put({ ...(read as VolunteerDoc), approval: 'approved' });
      }
      return read;
    }) as typeof db.get;
    const outcome = await changeProfile(db, coordinator, doc._id, (p, now) =>
      p.approval === 'pending' ? rejectVolunteer(p, now) : { problem: 'decided' },
    );
    expect(outcome).toEqual({ ok: false, problem: 'decided' });
    expect((await realGet<VolunteerDoc>(doc._id)).approval).toBe('approved');
  });
});
