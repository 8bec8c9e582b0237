/**
 * Matching by example: each hard rule refuses with its own reason, the window of time follows the
 * clock in Wales (summer time included), DBS is needed for prescriptions and visits to someone
 * shielding, and ranking weighs distance, Welsh, load and recent work as its table says.
 */
import { describe, expect, it } from 'vitest';
import {
  matchRequestOf,
  needsDbs,
  volunteerCandidate,
  type MatchRequest,
  type VolunteerCandidate,
} from '#domain/matching/eligibility.ts';
import { haversineKm } from '#domain/matching/geo-point.ts';
import { londonHour, windowMask, availabilityMask } from '#domain/matching/availability-window.ts';
import { matchReasons, shownKm } from '#domain/matching/match-reasons.ts';
import { rankVolunteers } from '#domain/matching/rank.ts';
import { contactFor, request as requestDoc, testUuid } from '../../../support/factories.ts';

const cardiff = { lat: 51.4816, lon: -3.1791 };
const swansea = { lat: 51.6214, lon: -3.9436 };
const penarth = { lat: 51.4386, lon: -3.1742 };

// Monday 21 January 2030, 13:00 in London (GMT).
const now = '2030-01-21T13:00:00.000Z';

function volunteer(fields: Partial<VolunteerCandidate> = {}): VolunteerCandidate {
  return {
    id: testUuid(),
    profile: {
      approval: 'approved',
      areas: ['caerdydd'],
      availability: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        parts_of_day: ['afternoon'],
        note: '',
      },
    },
    enabled: true,
    speaks_welsh: false,
    dbs_confirmed: false,
    base: cardiff,
    open_tasks: 0,
    last_assigned_at: null,
    ...fields,
  };
}

const task: MatchRequest = {
  area: 'caerdydd',
  needed_by: '2030-01-22',
  prefers_welsh: false,
  needs_dbs: false,
  point: cardiff,
};

const rank = (cs: VolunteerCandidate[], r: MatchRequest = task, at = now) =>
  rankVolunteers(r, cs, at);

describe('haversineKm', () => {
  it('measures Cardiff to Swansea as the crow flies', () => {
    expect(haversineKm(cardiff, swansea)).toBeCloseTo(55.3, 0);
    expect(haversineKm(cardiff, cardiff)).toBe(0);
  });
});

describe('the window of time', () => {
  it('counts the parts of today still to come, in London time', () => {
    expect(londonHour('2030-07-01T11:30:00Z')).toBe(12); // BST
    const mondayMorning = availabilityMask({ days: ['mon'], parts_of_day: ['morning'], note: '' });
    const mondayEvening = availabilityMask({ days: ['mon'], parts_of_day: ['evening'], note: '' });
    expect(windowMask(now, '2030-01-21') & mondayMorning).toBe(0);
    expect(windowMask(now, '2030-01-21') & mondayEvening).not.toBe(0);
    // 12:30 in summer time: the morning is over, though it is 11:30 in UTC.
    expect(windowMask('2030-07-01T11:30:00Z', '2030-07-01') & mondayMorning).toBe(0);
  });

  it('runs to the end of tomorrow for an overdue request, or when nothing of today is left', () => {
    const tuesday = availabilityMask({ days: ['tue'], parts_of_day: ['morning'], note: '' });
    expect(windowMask(now, '2030-01-19') & tuesday).not.toBe(0);
    expect(windowMask('2030-01-21T22:00:00Z', '2030-01-21') & tuesday).not.toBe(0);
    expect(windowMask(now, '2030-01-21') & tuesday).toBe(0);
  });
});

describe('hard rules', () => {
  it('refuses each with its reason, the first one broken', () => {
    const cases: [Partial<VolunteerCandidate>, string][] = [
      [{ profile: { ...volunteer().profile, approval: 'pending' } }, 'not_approved'],
      [{ profile: { ...volunteer().profile, _deleted: true } }, 'not_approved'],
      [{ enabled: false }, 'disabled'],
      [{ profile: { ...volunteer().profile, areas: ['powys'] } }, 'outside_area'],
      [
        {
          profile: {
            ...volunteer().profile,
            availability: { days: ['sat'], parts_of_day: ['morning'], note: '' },
          },
        },
        'not_available_in_time',
      ],
    ];
    for (const [fields, reason] of cases) {
      expect(rank([volunteer(fields)]).ineligible.map((i) => i.reason)).toEqual([reason]);
    }
    const dbsTask = { ...task, needs_dbs: true };
    expect(rank([volunteer()], dbsTask).ineligible.map((i) => i.reason)).toEqual(['no_dbs']);
    expect(rank([volunteer({ dbs_confirmed: true })], dbsTask).ranked).toHaveLength(1);
    expect(rank([volunteer()], { ...task, area: null }).ineligible[0]?.reason).toBe('outside_area');
  });

  it('needs DBS for prescriptions and for visits to someone shielding, not for calls', () => {
    const contact = contactFor(requestDoc());
    const shielding = { ...contact.circumstances, shielding: true };
    expect(needsDbs({ kind: 'prescription', contact: null })).toBe(true);
    expect(needsDbs({ kind: 'food', contact })).toBe(false);
    expect(needsDbs({ kind: 'food', contact: { ...contact, circumstances: shielding } })).toBe(
      true,
    );
    const calls = {
      support_tasks: ['check_in_call' as const],
      support_other: '',
      support_frequency: 'weekly' as const,
    };
    const shopping = { ...calls, support_tasks: ['shopping' as const, 'check_in_call' as const] };
    expect(
      needsDbs({
        kind: 'self_isolation_support',
        contact: { details: calls, circumstances: shielding },
      }),
    ).toBe(false);
    expect(
      needsDbs({
        kind: 'self_isolation_support',
        contact: { details: shopping, circumstances: shielding },
      }),
    ).toBe(true);
  });

  it('takes Welsh and a confirmed DBS check from an approved profile’s skills only', () => {
    const known = { enabled: true, base: null, open_tasks: 0, last_assigned_at: null };
    const profile = {
      ...volunteer().profile,
      skills: ['dbs_checked' as const, 'welsh_speaker' as const],
    };
    const approved = volunteerCandidate(testUuid(), profile, known);
    expect([approved.speaks_welsh, approved.dbs_confirmed]).toEqual([true, true]);
    const pending = volunteerCandidate(testUuid(), { ...profile, approval: 'pending' }, known);
    expect([pending.speaks_welsh, pending.dbs_confirmed]).toEqual([true, false]);
  });

  it('reads the request’s language, kind and contact', () => {
    const doc = {
      ...requestDoc({ area: 'caerdydd' }),
      language: 'cy' as const,
      kind: 'prescription' as const,
    };
    expect(matchRequestOf(doc, null, null)).toEqual({
      area: 'caerdydd',
      needed_by: doc.needed_by,
      prefers_welsh: true,
      needs_dbs: true,
      point: null,
    });
  });
});

describe('ranking', () => {
  it('puts the nearer first, and an unknown base after every known one within reach', () => {
    const far = volunteer({ base: swansea });
    const near = volunteer({ base: penarth });
    const unknown = volunteer({ base: null });
    expect(rank([unknown, far, near]).ranked.map((r) => r.candidate.id)).toEqual([
      near.id,
      far.id,
      unknown.id,
    ]);
    expect(rank([unknown]).ranked[0]?.distance_km).toBe(null);
  });

  it('weighs a Welsh speaker for a resident who prefers Welsh as 20 km nearer', () => {
    const speaker = volunteer({ base: swansea, speaks_welsh: true }); // 55 km: capped at 40
    const near = volunteer({ base: cardiff });
    const welsh = { ...task, prefers_welsh: true };
    expect(rank([near, speaker], welsh).ranked.map((r) => r.candidate.id)).toEqual([
      near.id,
      speaker.id,
    ]);
    const closer = volunteer({ base: { lat: 51.55, lon: -3.2 }, speaks_welsh: true }); // ~8 km
    expect(rank([near, closer], welsh).ranked[0]?.candidate.id).toBe(closer.id);
  });

  it('spreads work: a busy or just-used volunteer ranks below an idle one nearby', () => {
    const busy = volunteer({ base: cardiff, open_tasks: 3 });
    const idle = volunteer({ base: penarth });
    expect(rank([busy, idle]).ranked[0]?.candidate.id).toBe(idle.id);
    const justUsed = volunteer({ base: cardiff, last_assigned_at: '2030-01-21T12:00:00.000Z' });
    expect(rank([justUsed, idle]).ranked[0]?.candidate.id).toBe(idle.id);
    const usedLongAgo = volunteer({ base: cardiff, last_assigned_at: '2030-01-01T12:00:00.000Z' });
    expect(rank([usedLongAgo, idle]).ranked[0]?.candidate.id).toBe(usedLongAgo.id);
  });

  it('gives each ranked volunteer its reasons', () => {
    const v = volunteer({
      base: penarth,
      speaks_welsh: true,
      open_tasks: 2,
      last_assigned_at: '2030-01-19T10:00:00.000Z',
    });
    const [entry] = rank([v]).ranked;
    expect(matchReasons(entry!, { prefers_welsh: true }, now)).toEqual([
      { code: 'distance', km: 4.8 },
      { code: 'speaks_welsh' },
      { code: 'open_tasks', count: 2 },
      { code: 'last_assigned', days: 2 },
    ]);
    const plain = rank([volunteer({ base: null })]).ranked[0]!;
    expect(matchReasons(plain, { prefers_welsh: false }, now)).toEqual([
      { code: 'distance_unknown' },
      { code: 'open_tasks', count: 0 },
      { code: 'never_assigned' },
    ]);
    expect([shownKm(0.04), shownKm(12.6), shownKm(2.44)]).toEqual([0, 13, 2.4]);
  });

  it('ranks 2,000 volunteers quickly', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      volunteer({
        base: { lat: 51.3 + (i % 50) / 25, lon: -4.5 + (i % 37) / 20 },
        open_tasks: i % 5,
      }),
    );
    rank(many); // warm up
    const started = performance.now();
    const { ranked } = rank(many);
    const took = performance.now() - started;
    expect(ranked).toHaveLength(2000);
    expect(took).toBeLessThan(50); // a generous bound for a busy CI machine; the bench measures
  });
});
