/**
 * Random volunteers and requests for the matching properties: few areas and small numbers, so that
 * every hard rule is broken by some candidates and kept by others, and ties are common.
 */
import fc from 'fast-check';
import { approvals, partsOfDay, weekdays } from '#domain/people/volunteer-doc.ts';
import type { MatchRequest, VolunteerCandidate } from '#domain/matching/eligibility.ts';
import type { GeoPoint } from '#domain/matching/geo-point.ts';

export const areas = ['ceredigion', 'gwynedd', 'powys'] as const;

const start = Date.parse('2030-01-01T00:00:00Z');
const year = 365 * 86_400_000;

/** Any instant in 2030, summer time included. */
export const instant = fc
  .integer({ min: 0, max: year })
  .map((ms) => new Date(start + ms).toISOString());

/** A point in or near Wales. */
export const point: fc.Arbitrary<GeoPoint> = fc.record({
  lat: fc.double({ min: 51.3, max: 53.5, noNaN: true }),
  lon: fc.double({ min: -5.3, max: -2.6, noNaN: true }),
});

const userId = fc.uuid({ version: 4 });

export function candidateAt(now: string): fc.Arbitrary<VolunteerCandidate> {
  return fc.record({
    id: userId,
    profile: fc.record({
      approval: fc.constantFrom(...approvals, 'approved', 'approved'),
      areas: fc.subarray([...areas]),
      availability: fc.record({
        days: fc.subarray([...weekdays]),
        parts_of_day: fc.subarray([...partsOfDay]),
        note: fc.constant(''),
      }),
    }),
    enabled: fc.constantFrom(true, true, true, false),
    speaks_welsh: fc.boolean(),
    dbs_confirmed: fc.boolean(),
    base: fc.option(point, { nil: null }),
    open_tasks: fc.integer({ min: 0, max: 8 }),
    last_assigned_at: fc.option(
      fc
        .integer({ min: 0, max: 10 * 86_400_000 })
        .map((ms) => new Date(Date.parse(now) - ms).toISOString()),
      { nil: null },
    ),
  });
}

/** `date` (YYYY-MM-DD) plus `days`. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function requestAt(today: string): fc.Arbitrary<MatchRequest> {
  return fc.record({
    area: fc.option(fc.constantFrom(...areas), { nil: null }),
    needed_by: fc.integer({ min: -3, max: 12 }).map((d) => addDays(today, d)),
    prefers_welsh: fc.boolean(),
    needs_dbs: fc.boolean(),
    point: fc.option(point, { nil: null }),
  });
}
