/**
 * Matching over random volunteers and requests: no ranked volunteer breaks a hard rule (checked
 * against an hour-by-hour walk of the clock in Europe/London, not the rule's own bit masks), every
 * candidate is either ranked or refused, a Welsh speaker ranks above an otherwise equal non-speaker
 * for a resident who prefers Welsh, fewer open tasks rank above more, and the order depends on
 * nothing but the candidates (not the order they came in).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDate } from '#domain/calendar-days.ts';
import { isAssignable } from '#domain/people/assignable.ts';
import type { MatchRequest, VolunteerCandidate } from '#domain/matching/eligibility.ts';
import { rankVolunteers } from '#domain/matching/rank.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { candidateAt, instant, requestAt } from './matching-arbitraries.ts';

const inLondon = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});
const partOf = (hour: number) =>
  hour >= 8 && hour < 12
    ? 'morning'
    : hour >= 12 && hour < 17
      ? 'afternoon'
      : hour >= 17 && hour < 21
        ? 'evening'
        : null;

/** The (weekday, part) slots from `now` to the end of `lastDay` in London, an hour at a time. */
function slotsUntil(now: string, lastDay: string): Set<string> {
  const slots = new Set<string>();
  const limit = Date.parse(now) + 9 * 86_400_000; // past a week every slot is in
  for (let t = Date.parse(now); t < limit; t += 3_600_000) {
    const at = new Date(t).toISOString();
    if (londonDate(at) > lastDay) break;
    const parts = Object.fromEntries(
      inLondon.formatToParts(new Date(t)).map((p) => [p.type, p.value]),
    );
    const part = partOf(Number(parts.hour));
    if (part !== null) slots.add(`${String(parts.weekday).toLowerCase()}:${part}`);
  }
  return slots;
}

/**
 * The hard rule on availability, the slow way: as soon as possible (to the end of tomorrow) when
 * the request is overdue or nothing is left in time.
 */
function availableInTime(c: VolunteerCandidate, request: MatchRequest, now: string): boolean {
  const today = londonDate(now);
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString();
  let slots = request.needed_by < today ? new Set<string>() : slotsUntil(now, request.needed_by);
  if (slots.size === 0) slots = slotsUntil(now, tomorrow.slice(0, 10));
  const { days, parts_of_day } = c.profile.availability;
  return days.some((d) => parts_of_day.some((p) => slots.has(`${d}:${p}`)));
}

const world = instant.chain((now) =>
  fc.tuple(
    fc.constant(now),
    requestAt(londonDate(now)),
    fc.uniqueArray(candidateAt(now), { maxLength: 30, selector: (c) => c.id }),
  ),
);

const ids = (cs: readonly { candidate: VolunteerCandidate }[]) => cs.map((r) => r.candidate.id);

describe('matching (properties)', () => {
  it('never ranks a volunteer who breaks a hard rule, and refuses only those who do', () => {
    fc.assert(
      fc.property(world, ([now, request, candidates]) => {
        const { ranked, ineligible } = rankVolunteers(request, candidates, now);
        expect(ranked.length + ineligible.length).toBe(candidates.length);
        for (const c of candidates) {
          const profile = c.profile as VolunteerDoc;
          const keeps =
            isAssignable({ profile, enabled: c.enabled }, request.area) &&
            availableInTime(c, request, now) &&
            (!request.needs_dbs || c.dbs_confirmed);
          expect(ids(ranked).includes(c.id), c.id).toBe(keeps);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ranks a Welsh speaker above an otherwise equal non-speaker for a resident who prefers Welsh', () => {
    fc.assert(
      fc.property(world, fc.uuid({ version: 4 }), ([now, request, candidates], twinId) => {
        const [first] = rankVolunteers(request, candidates, now).ranked;
        fc.pre(first !== undefined && !candidates.some((c) => c.id === twinId));
        const speaker = { ...first.candidate, speaks_welsh: true };
        const other = { ...first.candidate, id: twinId, speaks_welsh: false };
        const order = ids(
          rankVolunteers({ ...request, prefers_welsh: true }, [other, speaker], now).ranked,
        );
        expect(order).toEqual([speaker.id, other.id]);
      }),
    );
  });

  it('ranks fewer open tasks above more, everything else equal', () => {
    fc.assert(
      fc.property(
        world,
        fc.uuid({ version: 4 }),
        fc.integer({ min: 1, max: 5 }),
        ([now, request, candidates], twinId, more) => {
          const [first] = rankVolunteers(request, candidates, now).ranked;
          fc.pre(first !== undefined && !candidates.some((c) => c.id === twinId));
          const busier = {
            ...first.candidate,
            id: twinId,
            open_tasks: first.candidate.open_tasks + more,
          };
          const order = ids(rankVolunteers(request, [busier, first.candidate], now).ranked);
          expect(order).toEqual([first.candidate.id, twinId]);
        },
      ),
    );
  });

  it('gives one order whatever order the candidates come in, equal points broken by id', () => {
    const shuffledWorld = world.chain(([now, request, candidates]) =>
      fc.tuple(
        fc.constant([now, request, candidates] as const),
        fc.shuffledSubarray(candidates, {
          minLength: candidates.length,
          maxLength: candidates.length,
        }),
      ),
    );
    fc.assert(
      fc.property(shuffledWorld, ([[now, request, candidates], shuffled]) => {
        const once = rankVolunteers(request, candidates, now).ranked;
        expect(ids(rankVolunteers(request, shuffled, now).ranked)).toEqual(ids(once));
        for (let i = 1; i < once.length; i++) {
          const [a, b] = [once[i - 1]!, once[i]!];
          expect(
            a.points < b.points || (a.points === b.points && a.candidate.id < b.candidate.id),
          ).toBe(true);
        }
      }),
    );
  });
});
