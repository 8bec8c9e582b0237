/**
 * Triage with reasons: how pressing an open request is, as a score a coordinator's queue can sort
 * by and the reasons that make it up, so the desk can say why a request is near the top. The same
 * documents and the same `now` give the same answer on every device.
 *
 * score = base (the stored urgency level and the kind, which the queue already shows) + the points
 * of each reason. Reasons come most points first; equal points keep the table's order.
 *
 * | part                | when                                              | points             |
 * | ------------------- | ------------------------------------------------- | ------------------ |
 * | urgency (base)      | the stored level: high / medium / low             | 30 / 15 / 0        |
 * | kind (base)         | prescription or food / support or other           | 10 / 0             |
 * | `overdue`           | needed_by is `days` (≥ 1) before today            | 45 + 5 × min(d, 7) |
 * | `needed_today`      | needed_by is today                                | 45                 |
 * | `needed_tomorrow`   | needed_by is tomorrow                             | 30                 |
 * | `no_food_today`     | the resident said so (contact)                    | 40                 |
 * | `medicine_runs_out` | in `days` (0 to 7) from today (contact)           | 40 − 5 × d         |
 * | `shielding`         | (contact)                                         | 15                 |
 * | `self_isolating`    | (contact)                                         | 10                 |
 * | `lives_alone`       | (contact)                                         | 10                 |
 * | `waiting`           | `days` (≥ 1) since the request came in            | 3 × min(d, 10)     |
 *
 * Days are calendar days in Europe/London (calendar-days.ts). The resident counted the days until
 * their medicine runs out on the day they asked, so the days since then are taken off (0 means it
 * runs out today or has already run out). A volunteer may not read the contact (read-access.ts):
 * with no contact, only the request's own fields count and no contact reason is given. A closed
 * request (done, cancelled) needs nothing more: score 0, no reasons, not overdue.
 */
import { daysBetween, londonDate } from '../calendar-days.ts';
import type { RequestKind } from '../questions/request-fields.ts';
import type { ContactDoc } from '../requests/contact.ts';
import type { RequestDoc } from '../requests/request.ts';
import { isClosed } from '../requests/status.ts';
import type { Urgency } from '../requests/urgency.ts';

export type TriageReason =
  | { code: 'overdue'; days: number }
  | { code: 'needed_today' }
  | { code: 'needed_tomorrow' }
  | { code: 'no_food_today' }
  | { code: 'medicine_runs_out'; days: number }
  | { code: 'shielding' }
  | { code: 'self_isolating' }
  | { code: 'lives_alone' }
  | { code: 'waiting'; days: number };

export type TriageCode = TriageReason['code'];

export type Triage = { score: number; reasons: TriageReason[]; overdue: boolean };

/** The table's order: which of two reasons with equal points comes first. */
export const triageCodes = [
  'overdue',
  'needed_today',
  'needed_tomorrow',
  'no_food_today',
  'medicine_runs_out',
  'shielding',
  'self_isolating',
  'lives_alone',
  'waiting',
] as const satisfies readonly TriageCode[];

export const urgencyPoints: Record<Urgency, number> = { high: 30, medium: 15, low: 0 };

export const kindPoints: Record<RequestKind, number> = {
  prescription: 10,
  food: 10,
  self_isolation_support: 0,
  other: 0,
};

/** Medicine that runs out later than this many days from today is no reason to hurry. */
export const medicineHorizonDays = 7;

/** What one reason adds to the score (the table above). */
export function reasonPoints(reason: TriageReason): number {
  switch (reason.code) {
    case 'overdue':
      return 45 + 5 * Math.min(reason.days, 7);
    case 'needed_today':
      return 45;
    case 'needed_tomorrow':
      return 30;
    case 'no_food_today':
      return 40;
    case 'medicine_runs_out':
      return 40 - 5 * reason.days;
    case 'shielding':
      return 15;
    case 'self_isolating':
    case 'lives_alone':
      return 10;
    case 'waiting':
      return 3 * Math.min(reason.days, 10);
  }
}

/** The part of the score the queue already shows beside the reasons: urgency level and kind. */
export function basePoints(request: Pick<RequestDoc, 'urgency' | 'kind'>): number {
  return urgencyPoints[request.urgency] + kindPoints[request.kind];
}

function neededByReason(daysLeft: number): TriageReason | null {
  if (daysLeft < 0) return { code: 'overdue', days: -daysLeft };
  if (daysLeft === 0) return { code: 'needed_today' };
  if (daysLeft === 1) return { code: 'needed_tomorrow' };
  return null;
}

function contactReasons(contact: ContactDoc, today: string): TriageReason[] {
  const c = contact.circumstances;
  const reasons: TriageReason[] = [];
  if (c.no_food_today) reasons.push({ code: 'no_food_today' });
  if (c.medicine_runs_out_days !== null) {
    const since = Math.max(0, daysBetween(londonDate(contact.created_at), today));
    const days = Math.max(0, c.medicine_runs_out_days - since);
    if (days <= medicineHorizonDays) reasons.push({ code: 'medicine_runs_out', days });
  }
  if (c.shielding) reasons.push({ code: 'shielding' });
  if (c.self_isolating) reasons.push({ code: 'self_isolating' });
  if (c.lives_alone) reasons.push({ code: 'lives_alone' });
  return reasons;
}

function mostPointsFirst(a: TriageReason, b: TriageReason): number {
  return (
    reasonPoints(b) - reasonPoints(a) || triageCodes.indexOf(a.code) - triageCodes.indexOf(b.code)
  );
}

/**
 * How pressing `request` is at `now` (an ISO instant), and why. `contact` is the request's own
 * contact, or null when the reader may not see it.
 */
export function triageOf(
  request: Pick<RequestDoc, 'status' | 'urgency' | 'kind' | 'needed_by' | 'created_at'>,
  contact: ContactDoc | null,
  now: string,
): Triage {
  if (isClosed(request.status)) return { score: 0, reasons: [], overdue: false };
  const today = londonDate(now);
  const daysLeft = daysBetween(today, request.needed_by);
  const waited = daysBetween(londonDate(request.created_at), today);
  const reasons: TriageReason[] = [
    neededByReason(daysLeft),
    ...(contact === null ? [] : contactReasons(contact, today)),
    waited >= 1 ? { code: 'waiting' as const, days: waited } : null,
  ]
    .filter((r): r is TriageReason => r !== null)
    .sort(mostPointsFirst);
  const score = reasons.reduce((sum, r) => sum + reasonPoints(r), basePoints(request));
  return { score, reasons, overdue: daysLeft < 0 };
}
