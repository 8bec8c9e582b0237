/**
 * Triage scores, over seeded random requests: a request made stronger in one way (a nearer date, a
 * circumstance more, medicine running out sooner, a longer wait, a higher level, a weightier kind)
 * never scores lower, and scores higher when it gains a reason; every score is explained by its
 * reasons; the contact's absence only ever takes reasons away.
 */
import { describe, expect, it } from 'vitest';
import { londonDate } from '#domain/calendar-days.ts';
import { requestKinds } from '#domain/questions/request-fields.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { urgencyLevels } from '#domain/requests/urgency.ts';
import { basePoints, reasonPoints, triageOf } from '#domain/triage/urgency-score.ts';
import { forSeeds, type Random } from '../../../support/seeded-random.ts';
import { addDays, contactOf, daysBefore, req, type Circumstances } from './triage-fixtures.ts';

type Case = { doc: RequestDoc; circumstances: Circumstances; now: string };

const flags = ['no_food_today', 'shielding', 'self_isolating', 'lives_alone'] as const;
const year = Date.parse('2031-01-01T00:00:00Z') - Date.parse('2030-01-01T00:00:00Z');

function randomCase(random: Random): Case {
  const now = new Date(Date.parse('2030-01-01T00:00:00Z') + random.next() * year).toISOString();
  const circumstances: Circumstances = {
    no_food_today: random.chance(0.3),
    shielding: random.chance(0.3),
    self_isolating: random.chance(0.3),
    lives_alone: random.chance(0.3),
    medicine_runs_out_days: random.chance(0.5) ? random.int(15) : null,
  };
  const doc = req({
    kind: random.pick(requestKinds),
    urgency: random.pick(urgencyLevels),
    needed_by: addDays(londonDate(now), random.int(21) - 10),
    created_at: daysBefore(now, random.next() * 14),
  });
  return { doc, circumstances, now };
}

/** One way to make the case stronger, chosen at random. */
function strengthen(random: Random, { doc, circumstances, now }: Case): Case {
  const c = { ...circumstances };
  const d = { ...doc };
  switch (random.int(6)) {
    case 0:
      c[random.pick(flags)] = true;
      break;
    case 1: {
      const days = c.medicine_runs_out_days;
      c.medicine_runs_out_days =
        days === null ? random.int(15) : Math.max(0, days - 1 - random.int(3));
      break;
    }
    case 2:
      d.needed_by = addDays(d.needed_by, -1 - random.int(3));
      break;
    case 3:
      d.created_at = daysBefore(d.created_at, 0.5 + random.next() * 3);
      break;
    case 4:
      d.urgency = urgencyLevels[Math.max(0, urgencyLevels.indexOf(d.urgency) - 1)]!;
      break;
    default:
      if (d.kind === 'other' || d.kind === 'self_isolation_support') {
        d.kind = random.pick(['food', 'prescription'] as const);
      }
  }
  return { doc: d, circumstances: c, now };
}

const contactFor = ({ doc, circumstances }: Case): ContactDoc => contactOf(doc, circumstances);
const triage = (k: Case, withContact = true) =>
  triageOf(k.doc, withContact ? contactFor(k) : null, k.now);

describe('triage scores (property)', () => {
  it('never fall when a request is made stronger, and rise when it gains a reason', () => {
    forSeeds(300, 9100, (random) => {
      const weaker = randomCase(random);
      const stronger = strengthen(random, weaker);
      for (const withContact of [true, false]) {
        const a = triage(weaker, withContact);
        const b = triage(stronger, withContact);
        expect(b.score).toBeGreaterThanOrEqual(a.score);
        const gained = b.reasons.some((r) => !a.reasons.some((s) => s.code === r.code));
        if (gained) expect(b.score).toBeGreaterThan(a.score);
      }
    });
  });

  it('are the base and the points of the reasons, given most points first, each code once', () => {
    forSeeds(300, 9500, (random) => {
      const k = randomCase(random);
      const t = triage(k);
      const points = t.reasons.map(reasonPoints);
      expect(t.score).toBe(basePoints(k.doc) + points.reduce((s, p) => s + p, 0));
      expect(points).toEqual([...points].sort((x, y) => y - x));
      expect(points.every((p) => p > 0)).toBe(true);
      expect(new Set(t.reasons.map((r) => r.code)).size).toBe(t.reasons.length);
      expect(t.overdue).toBe(t.reasons.some((r) => r.code === 'overdue'));
    });
  });

  it('without the contact, keep only the reasons the request holds', () => {
    const own = new Set(['overdue', 'needed_today', 'needed_tomorrow', 'waiting']);
    forSeeds(300, 9900, (random) => {
      const k = randomCase(random);
      const seen = triage(k);
      const hidden = triage(k, false);
      expect(hidden.reasons).toEqual(seen.reasons.filter((r) => own.has(r.code)));
      expect(hidden.score).toBeLessThanOrEqual(seen.score);
      expect(hidden.overdue).toBe(seen.overdue);
    });
  });
});
