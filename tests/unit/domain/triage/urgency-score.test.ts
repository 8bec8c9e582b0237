import { describe, expect, it } from 'vitest';
import type { RequestDoc } from '#domain/requests/request.ts';
import { basePoints, reasonPoints, triageOf } from '#domain/triage/urgency-score.ts';
import { request, testUuid } from '../../../support/factories.ts';
import { addDays, contactOf, daysBefore, now, req, type Circumstances } from './triage-fixtures.ts';

const today = now.slice(0, 10);
const codes = (doc: RequestDoc, c: Partial<Circumstances> = {}, at = now) =>
  triageOf(doc, contactOf(doc, c), at).reasons.map((r) => r.code);
const score = (doc: RequestDoc, c: Partial<Circumstances> = {}, at = now) =>
  triageOf(doc, contactOf(doc, c), at).score;

describe('the date needed', () => {
  it('gives needed_today, needed_tomorrow, or nothing when later', () => {
    expect(triageOf(req({ needed_by: today }), null, now)).toEqual({
      score: 45,
      reasons: [{ code: 'needed_today' }],
      overdue: false,
    });
    expect(triageOf(req({ needed_by: addDays(today, 1) }), null, now).reasons).toEqual([
      { code: 'needed_tomorrow' },
    ]);
    expect(triageOf(req({ needed_by: addDays(today, 2) }), null, now)).toEqual({
      score: 0,
      reasons: [],
      overdue: false,
    });
  });

  it('is overdue from the day after, by the days gone', () => {
    expect(triageOf(req({ needed_by: addDays(today, -1) }), null, now)).toEqual({
      score: 50,
      reasons: [{ code: 'overdue', days: 1 }],
      overdue: true,
    });
    expect(triageOf(req({ needed_by: addDays(today, -3) }), null, now).reasons).toEqual([
      { code: 'overdue', days: 3 },
    ]);
  });
});

describe("the resident's circumstances", () => {
  it('give each reason exactly when it was said', () => {
    const doc = req();
    expect(codes(doc)).toEqual([]);
    for (const flag of ['no_food_today', 'shielding', 'self_isolating', 'lives_alone'] as const) {
      expect(codes(doc, { [flag]: true }), flag).toEqual([flag]);
    }
  });

  it('count medicine days from today: 0 and 1 as said, none past a week', () => {
    const doc = req();
    const medicine = (days: number | null, at = now) =>
      triageOf(doc, contactOf(doc, { medicine_runs_out_days: days }), at).reasons;
    expect(medicine(0)).toEqual([{ code: 'medicine_runs_out', days: 0 }]);
    expect(medicine(1)).toEqual([{ code: 'medicine_runs_out', days: 1 }]);
    expect(medicine(7)).toEqual([{ code: 'medicine_runs_out', days: 7 }]);
    expect(medicine(8)).toEqual([]);
    expect(medicine(null)).toEqual([]);
  });

  it('take the days since the resident asked off the medicine days, down to 0', () => {
    const doc = req({ created_at: daysBefore(now, 2) });
    const medicine = (days: number) =>
      triageOf(doc, contactOf(doc, { medicine_runs_out_days: days }), now).reasons.filter(
        (r) => r.code === 'medicine_runs_out',
      );
    expect(medicine(3)).toEqual([{ code: 'medicine_runs_out', days: 1 }]);
    expect(medicine(9)).toEqual([{ code: 'medicine_runs_out', days: 7 }]);
    expect(medicine(1)).toEqual([{ code: 'medicine_runs_out', days: 0 }]);
  });

  it('are hidden with the contact: null gives only what the request holds', () => {
    const doc = req({ needed_by: today, created_at: daysBefore(now, 2), urgency: 'high' });
    const all = {
      no_food_today: true,
      medicine_runs_out_days: 0,
      shielding: true,
      self_isolating: true,
      lives_alone: true,
    };
    const seen = triageOf(doc, contactOf(doc, all), now);
    const hidden = triageOf(doc, null, now);
    expect(seen.reasons).toHaveLength(7);
    expect(hidden.reasons).toEqual([{ code: 'needed_today' }, { code: 'waiting', days: 2 }]);
    expect(hidden.score).toBe(30 + 45 + 6);
    expect(hidden.score).toBeLessThan(seen.score);
  });
});

describe('waiting', () => {
  it('counts calendar days since the request came in, shown from 1', () => {
    const waiting = (created_at: string, at = now) =>
      triageOf(req({ created_at }), null, at).reasons.filter((r) => r.code === 'waiting');
    expect(waiting(`${today}T00:00:01Z`)).toEqual([]);
    expect(waiting(daysBefore(`${today}T00:00:00Z`, 1 / 24))).toEqual([
      { code: 'waiting', days: 1 },
    ]);
    expect(waiting(daysBefore(now, 3))).toEqual([{ code: 'waiting', days: 3 }]);
  });

  it('gives nothing when the clock reads earlier than the request', () => {
    expect(triageOf(req({ created_at: daysBefore(now, -2) }), null, now).reasons).toEqual([]);
  });
});

describe('the order of reasons', () => {
  it('is most points first', () => {
    const doc = req({ needed_by: addDays(today, -1), created_at: daysBefore(now, 2) });
    expect(
      triageOf(
        doc,
        contactOf(doc, {
          lives_alone: true,
          self_isolating: true,
          shielding: true,
          medicine_runs_out_days: 3, // 1 day left by now
          no_food_today: true,
        }),
        now,
      ).reasons,
    ).toEqual([
      { code: 'overdue', days: 1 },
      { code: 'no_food_today' },
      { code: 'medicine_runs_out', days: 1 },
      { code: 'shielding' },
      { code: 'self_isolating' },
      { code: 'lives_alone' },
      { code: 'waiting', days: 2 },
    ]);
  });

  it('puts a stronger reason before a weaker code, and keeps the table order on a tie', () => {
    const tomorrow = req({ needed_by: addDays(today, 1), created_at: daysBefore(now, 12) });
    expect(codes(tomorrow, { medicine_runs_out_days: 12, lives_alone: true })).toEqual([
      'medicine_runs_out', // runs out today: 40
      'needed_tomorrow', // 30
      'waiting', // 12 days, capped: 30
      'lives_alone', // 10
    ]);
  });
});

describe('closed requests', () => {
  it.each(['done', 'cancelled'] as const)('%s: score 0, no reasons, not overdue', (status) => {
    const doc = {
      ...request({ status, assignee: testUuid() }),
      needed_by: addDays(today, -5),
      created_at: daysBefore(now, 9),
      urgency: 'high' as const,
    };
    const contact = contactOf(doc, { no_food_today: true, medicine_runs_out_days: 0 });
    expect(triageOf(doc, contact, now)).toEqual({ score: 0, reasons: [], overdue: false });
    expect(triageOf(doc, null, now)).toEqual({ score: 0, reasons: [], overdue: false });
  });
});

describe('the day in Europe/London', () => {
  it('in summer: 23:30 is still today, 00:30 the next day is overdue', () => {
    const doc = req({ needed_by: '2030-07-15', created_at: '2030-07-15T08:00:00Z' });
    const lateEvening = '2030-07-15T22:30:00Z'; // 23:30 BST, already the 16th in UTC
    expect(triageOf(doc, null, lateEvening)).toMatchObject({
      reasons: [{ code: 'needed_today' }],
      overdue: false,
    });
    expect(triageOf(doc, null, '2030-07-15T23:30:00Z')).toMatchObject({
      reasons: [
        { code: 'overdue', days: 1 },
        { code: 'waiting', days: 1 },
      ],
      overdue: true,
    });
  });

  it('in winter: today runs to midnight UTC', () => {
    const doc = req({ needed_by: '2030-01-15', created_at: '2030-01-15T08:00:00Z' });
    expect(triageOf(doc, null, '2030-01-15T23:59:00Z').overdue).toBe(false);
    expect(triageOf(doc, null, '2030-01-16T00:00:00Z').overdue).toBe(true);
  });

  it('counts waiting and medicine days in London too', () => {
    // In at 00:30 BST on the 11th, the 10th in UTC: no wait yet that evening, medicine as said.
    const doc = req({ needed_by: '2030-08-01', created_at: '2030-07-10T23:30:00Z' });
    const contact = contactOf(doc, { medicine_runs_out_days: 2 });
    expect(triageOf(doc, contact, '2030-07-11T20:00:00Z').reasons).toEqual([
      { code: 'medicine_runs_out', days: 2 },
    ]);
  });
});

describe('scores', () => {
  it('are the base and the points of each reason, nothing else', () => {
    const doc = req({ kind: 'prescription', urgency: 'medium', needed_by: addDays(today, -2) });
    const t = triageOf(doc, contactOf(doc, { shielding: true, medicine_runs_out_days: 4 }), now);
    expect(basePoints(doc)).toBe(25);
    expect(t.reasons.map(reasonPoints)).toEqual([55, 20, 15]);
    expect(t.score).toBe(25 + 55 + 20 + 15);
  });

  it('rank the nearer date, the stronger circumstance and the older request higher', () => {
    const by = (needed: number) => score(req({ needed_by: addDays(today, needed) }));
    expect(by(-2)).toBeGreaterThan(by(-1));
    expect(by(-1)).toBeGreaterThan(by(0));
    expect(by(0)).toBeGreaterThan(by(1));
    expect(by(1)).toBeGreaterThan(by(2));

    const doc = req();
    const medicine = (days: number | null) => score(doc, { medicine_runs_out_days: days });
    expect(medicine(0)).toBeGreaterThan(medicine(1));
    expect(medicine(1)).toBeGreaterThan(medicine(7));
    expect(medicine(7)).toBeGreaterThan(medicine(null));
    expect(score(doc, { no_food_today: true })).toBeGreaterThan(score(doc, { shielding: true }));
    expect(score(doc, { shielding: true, lives_alone: true })).toBeGreaterThan(
      score(doc, { lives_alone: true }),
    );

    const waited = (days: number) => score(req({ created_at: daysBefore(now, days) }));
    expect(waited(3)).toBeGreaterThan(waited(1));
    expect(waited(1)).toBeGreaterThan(waited(0));
  });

  it('weigh prescriptions and food above support and other, and the stored level', () => {
    const kind = (k: RequestDoc['kind']) => score(req({ kind: k }));
    expect(kind('prescription')).toBe(kind('food'));
    expect(kind('food')).toBeGreaterThan(kind('self_isolation_support'));
    expect(kind('food')).toBeGreaterThan(kind('other'));
    const level = (u: RequestDoc['urgency']) => score(req({ urgency: u }));
    expect(level('high')).toBeGreaterThan(level('medium'));
    expect(level('medium')).toBeGreaterThan(level('low'));
  });
});
