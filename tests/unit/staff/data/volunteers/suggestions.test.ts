import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { suggestVolunteers } from '$lib/staff/data/volunteers/suggestions.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { contactFor, profile, request, t0, testUuid } from '../../../../support/factories.ts';
import { readModels } from '../read-models.ts';

// The factories' requests come in on Thursday 2030-01-10, needed by the 15th; their profiles
// are free on Monday and Saturday mornings, so in time; Wednesday is the one day past it.
const now = '2030-01-10T12:00:00.000Z';

const modelWith = readModels('suggestions');

const welshRequest = (more: Partial<RequestDoc> = {}): RequestDoc => ({
  ...request(),
  language: 'cy',
  district_centroid: { lat: 52.41, lon: -4.08, district: 'SY23', at: t0 },
  ...more,
});

const volunteer = (name: string, more: Partial<VolunteerDoc> = {}) => {
  const id = testUuid();
  return { id, doc: { ...profile(id, ['ceredigion']), name, ...more } };
};

describe('volunteers suggested for a request', () => {
  it('puts the Welsh speaker first for a resident who prefers Welsh, and says why', async () => {
    const target = welshRequest();
    const sian = volunteer('Siân', { skills: ['welsh_speaker'] });
    const bob = volunteer('Bob', { skills: [] });
    const model = await modelWith([target, contactFor(target), bob.doc, sian.doc]);
    const { ranked, ruledOut } = await suggestVolunteers(model, target, now);
    expect(ranked.map((s) => s.name)).toEqual(['Siân', 'Bob']);
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual([
      'distance_unknown',
      'speaks_welsh',
      'open_tasks',
      'never_assigned',
    ]);
    expect(ranked[1]!.reasons.map((r) => r.code)).toContain('no_welsh');
    expect(ruledOut).toEqual([]);

    // For a resident who prefers English, Welsh is no reason either way: ties go by id.
    const english = { ...target, language: 'en' as const };
    const plain = await suggestVolunteers(model, english, now);
    expect(plain.ranked.flatMap((s) => s.reasons.map((r) => r.code))).not.toContain('no_welsh');
  });

  it('ranks a near volunteer above an unknown one, with the distance in kilometres', async () => {
    const target = welshRequest();
    const near = volunteer('Near', {
      base_postcode: 'SY23 1AA',
      base_centroid: { lat: 52.41, lon: -4.08, district: 'SY23', at: t0 },
    });
    // A base the server has not placed yet is not guessed from the requests on the device.
    const unknown = volunteer('Unknown', { base_postcode: 'SY23' });
    const model = await modelWith([target, unknown.doc, near.doc]);
    const { ranked } = await suggestVolunteers(model, target, now);
    expect(ranked.map((s) => s.name)).toEqual(['Near', 'Unknown']);
    expect(ranked[0]!.reasons[0]).toEqual({ code: 'distance', km: 0 });
    expect(ranked[1]!.reasons[0]).toEqual({ code: 'distance_unknown' });
  });

  it('spreads work: one with open tasks comes after one with none', async () => {
    const target = welshRequest();
    const busy = volunteer('Busy');
    const idle = volunteer('Idle');
    const model = await modelWith([
      target,
      busy.doc,
      idle.doc,
      request({ status: 'assigned', assignee: busy.id }),
      request({ status: 'in_progress', assignee: busy.id }),
    ]);
    const { ranked } = await suggestVolunteers(model, target, now);
    expect(ranked.map((s) => s.name)).toEqual(['Idle', 'Busy']);
    expect(ranked[1]!.reasons).toContainEqual({ code: 'open_tasks', count: 2 });
  });

  it('rules out, with the rule each breaks, and never suggests the one holding it', async () => {
    const holder = volunteer('Holder');
    const target = { ...request({ status: 'assigned', assignee: holder.id }), kind: 'prescription' as const };
    const pending = volunteer('Pending', { approval: 'pending' });
    const noDbs = volunteer('No DBS', { skills: [] });
    const busyWeek = volunteer('Wednesdays', {
      availability: { days: ['wed'], parts_of_day: ['evening'], note: '' },
    });
    const checked = volunteer('Checked', { skills: ['dbs_checked'] });
    const model = await modelWith([
      target,
      contactFor(target),
      holder.doc,
      pending.doc,
      noDbs.doc,
      busyWeek.doc,
      checked.doc,
    ]);
    const { ranked, ruledOut } = await suggestVolunteers(model, target, now);
    expect(ranked.map((s) => s.name)).toEqual(['Checked']);
    expect(ruledOut.map((r) => [r.name, r.rule])).toEqual([
      ['Pending', 'not_approved'],
      ['Wednesdays', 'not_available_in_time'],
      ['No DBS', 'no_dbs'],
    ]);
  });
});
