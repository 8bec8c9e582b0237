import { describe, expect, it } from 'vitest';
import { workUser } from '$lib/staff/work/work-user.ts';
import { requestOfRow } from '$lib/staff/data/model/projections.ts';
import { projectRequest } from '$lib/staff/data/model/projections.ts';
import { profile, request, testUuid } from '../../../support/factories.ts';

describe('workUser', () => {
  it("gives a volunteer their approved profile's areas, none while pending", () => {
    const id = testUuid();
    const account = { role: 'volunteer' as const, areas: ['ceredigion'] };
    expect(workUser(account, id, profile(id, ['powys'], 'approved')).areas).toEqual(['powys']);
    expect(workUser(account, id, profile(id, ['powys'], 'pending')).areas).toEqual([]);
    expect(workUser(account, id).areas).toEqual([]);
    expect(workUser({ role: 'coordinator', areas: ['gwynedd'] }, id).areas).toEqual(['gwynedd']);
  });

  it('turns a read-model row back into the document it came from', () => {
    const doc = request({ area: null });
    expect(requestOfRow(projectRequest(doc))).toEqual(doc);
  });
});
