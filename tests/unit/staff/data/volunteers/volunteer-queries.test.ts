import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { matchInputs, volunteerLoad } from '$lib/staff/data/volunteers/volunteer-queries.ts';
import { assign } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import {
  at,
  contactFor,
  coordinatorId,
  profile,
  request,
  t0,
  testUuid,
} from '../../../../support/factories.ts';
import { catchUp } from '$lib/staff/data/model/read-model.ts';
import { readModelsWithDb } from '../read-models.ts';

const modelWith = readModelsWithDb('volunteer-queries');

const placed = (r: RequestDoc, district: string, lat: number, lon: number): RequestDoc => ({
  ...r,
  postcode_district: district,
  district_centroid: { lat, lon, district, at: t0 },
});

describe("a volunteer's load", () => {
  it('counts the open tasks they hold, not finished ones nor anyone else’s', async () => {
    const vera = testUuid();
    const owen = testUuid();
    const { model } = await modelWith([
      request({ status: 'assigned', assignee: vera }),
      request({ status: 'in_progress', assignee: vera }),
      request({ status: 'done', assignee: vera }),
      request({ status: 'cancelled', assignee: vera }),
      request({ status: 'assigned', assignee: owen }),
      request(),
    ]);
    expect((await volunteerLoad(model, vera)).open_tasks).toBe(2);
    expect((await volunteerLoad(model, owen)).open_tasks).toBe(1);
    expect(await volunteerLoad(model, testUuid())).toEqual({ open_tasks: 0, latest: null });
  });

  it('names the task they were given last, whatever its status, by when it was given', async () => {
    const vera = testUuid();
    const early = assign(request({ status: 'triaged' }), vera, coordinatorId, at(60));
    const late = assign(request({ status: 'triaged' }), vera, coordinatorId, at(120));
    const finished = request({ status: 'done', assignee: vera }); // claimed at(2)
    const { db, model } = await modelWith([late, early, finished]);
    const first = await volunteerLoad(model, vera);
    expect(first.latest?.request._id).toBe(late._id);
    expect(first.latest?.at).toBe(late.fields_meta.assignee.at);

    // Given another, later: that one is their latest now.
    const stored = await db.get<RequestDoc>(early._id);
    await db.put(assign(stored, vera, coordinatorId, at(240)));
    await catchUp(db, model);
    expect((await volunteerLoad(model, vera)).latest?.request._id).toBe(early._id);
  });
});

/** A profile with its base placed by the server at `lat`, `lon` for `district`. */
const based = (doc: ReturnType<typeof profile>, base: string, district: string, lat: number, lon: number) => ({
  ...doc,
  base_postcode: base,
  base_centroid: { lat, lon, district, at: t0 },
});

describe('what matching is given for a request', () => {
  it('every volunteer of its area but its assignee, with load, last task and base', async () => {
    const [vera, owen, gwen, holder] = [testUuid(), testUuid(), testUuid(), testUuid()];
    const target = placed(
      { ...request({ status: 'assigned', assignee: holder }), kind: 'prescription' },
      'SY23',
      52.41,
      -4.08,
    );
    const verasTask = assign(request({ status: 'triaged' }), vera, coordinatorId, at(30));
    const { model } = await modelWith([
      target,
      contactFor(target),
      verasTask,
      based(profile(vera, ['ceredigion']), 'SY23 1AA', 'SY23', 52.41, -4.08),
      { ...based(profile(owen, ['ceredigion']), 'LL55', 'LL55', 53.14, -4.27), skills: [] },
      based(profile(gwen, ['powys']), 'SY23', 'SY23', 52.41, -4.08),
      profile(holder, ['ceredigion']),
    ]);
    const inputs = await matchInputs(model, target);
    expect(inputs.request).toMatchObject({
      area: 'ceredigion',
      needs_dbs: true,
      point: { lat: 52.41, lon: -4.08 },
    });
    const byId = new Map(inputs.candidates.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([vera, owen].sort());
    expect(byId.get(vera)).toMatchObject({
      base: { lat: 52.41, lon: -4.08 },
      open_tasks: 1,
      last_assigned_at: verasTask.fields_meta.assignee.at,
      speaks_welsh: true,
      enabled: true,
    });
    expect(byId.get(owen)).toMatchObject({
      base: { lat: 53.14, lon: -4.27 },
      open_tasks: 0,
      last_assigned_at: null,
      speaks_welsh: false,
    });
    expect(inputs.names.get(vera)).toBe('Dafydd ap Gwilym');
  });

  it('knows a base only from the point the server put on the profile, for the base as it is', async () => {
    const [unplaced, moved, none] = [testUuid(), testUuid(), testUuid()];
    const target = placed(request({ status: 'triaged' }), 'SY23', 52.41, -4.08);
    const { model } = await modelWith([
      target,
      // A request placed in the base's own district tells the desk nothing of the volunteer.
      placed(request(), 'SY23', 52.41, -4.08),
      { ...profile(unplaced, ['ceredigion']), base_postcode: 'SY23 1AA' },
      // Moved to SY23 since the server placed them in LL55: not placed again yet.
      { ...based(profile(moved, ['ceredigion']), 'LL55', 'LL55', 53.14, -4.27), base_postcode: 'SY23' },
      profile(none, ['ceredigion']),
    ]);
    const inputs = await matchInputs(model, target);
    expect(inputs.candidates.map((c) => [c.id, c.base]).sort()).toEqual(
      [
        [unplaced, null],
        [moved, null],
        [none, null],
      ].sort(),
    );
  });

  it('an unrouted request has no candidates, and an unplaced one no point', async () => {
    const vera = testUuid();
    const unrouted = request({ area: null });
    const { model } = await modelWith([unrouted, profile(vera, ['ceredigion'])]);
    const inputs = await matchInputs(model, unrouted);
    expect(inputs.candidates).toEqual([]);
    expect(inputs.request.point).toBeNull();
  });
});
