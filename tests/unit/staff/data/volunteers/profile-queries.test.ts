import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  profilesByUserId,
  profilesInAreas,
  profilesOnDevice,
  volunteerProfile,
} from '$lib/staff/data/volunteers/profile-queries.ts';
import { profile, testUuid } from '../../../../support/factories.ts';
import { readModels } from '../read-models.ts';

const modelWith = readModels('profile-queries');

const [both, powys, gwynedd] = [testUuid(), testUuid(), testUuid()];
const profiles = [
  profile(both, ['powys', 'ceredigion']),
  profile(powys, ['powys'], 'pending'),
  profile(gwynedd, ['gwynedd']),
];
const ids = (docs: { _id: string }[]) => docs.map((d) => d._id).sort();

describe("volunteers' profiles as documents", () => {
  it("gives one volunteer's profile by their user id, or nothing", async () => {
    const model = await modelWith(profiles);
    expect(await volunteerProfile(model, powys)).toEqual(profiles[1]);
    expect(await volunteerProfile(model, testUuid())).toBeUndefined();
  });

  it('gives those of some areas each once, through the areas index', async () => {
    const model = await modelWith(profiles);
    const found = await profilesInAreas(model, ['powys', 'ceredigion']);
    expect(ids(found)).toEqual(ids(profiles.slice(0, 2)));
    expect(found.find((p) => p._id === profiles[0]!._id)).toEqual(profiles[0]);
    expect(await profilesInAreas(model, ['conwy'])).toEqual([]);
  });

  it('gives every profile on the device, and each by user id', async () => {
    const model = await modelWith(profiles);
    expect(ids(await profilesOnDevice(model))).toEqual(ids(profiles));
    const byUser = await profilesByUserId(model);
    expect([...byUser.keys()].sort()).toEqual([both, powys, gwynedd].sort());
    expect(byUser.get(gwynedd)).toEqual(profiles[2]);
  });
});
