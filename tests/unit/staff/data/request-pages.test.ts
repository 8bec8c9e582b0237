import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { requestById } from '$lib/staff/data/requests/request-queries.ts';
import { areasById } from '$lib/staff/data/area-queries.ts';
import { assigneeProfile } from '$lib/staff/data/volunteers/profile-queries.ts';
import { area, profile, request, testUuid } from '../../../support/factories.ts';
import { readModels } from './read-models.ts';

const modelWith = readModels('request-page');

describe("a request's pages, through the read model", () => {
  it('gives back the request as the document written, with null for no area or assignee', async () => {
    const routed = request({ status: 'assigned', assignee: testUuid() });
    const unrouted = request({ area: null });
    const model = await modelWith([routed, unrouted]);
    expect(await requestById(model, routed._id)).toEqual(routed);
    const back = await requestById(model, unrouted._id);
    expect(back).toEqual(unrouted);
    expect(back?.area).toBeNull();
    expect(back?.assignee).toBeNull();
    expect(await requestById(model, 'request:unknown')).toBeNull();
  });

  it('names the areas by the id requests carry, as area documents', async () => {
    const ceredigion = { ...area('ceredigion'), name_en: 'Cardigan', postcode_districts: ['SY23'] };
    const model = await modelWith([ceredigion, area('powys')]);
    const areas = await areasById(model);
    expect([...areas.keys()].sort()).toEqual(['ceredigion', 'powys']);
    expect(areas.get('ceredigion')).toEqual(ceredigion);
  });

  it("finds the holder's profile, and none for an open task or a profile not held", async () => {
    const vera = testUuid();
    const held = request({ status: 'assigned', assignee: vera });
    const elsewhere = request({ status: 'assigned', assignee: testUuid() });
    const model = await modelWith([held, elsewhere, request(), profile(vera, ['ceredigion'])]);
    expect(await assigneeProfile(model, held)).toEqual(profile(vera, ['ceredigion']));
    expect(await assigneeProfile(model, elsewhere)).toBeNull();
    expect(await assigneeProfile(model, { assignee: null })).toBeNull();
  });
});
