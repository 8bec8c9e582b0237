/**
 * A first urgency level from what the resident told us. Coordinators refine it in triage; this is
 * only the starting point, and it errs towards `high` when someone may be without food or medicine.
 */
import { daysBetween } from '../calendar-days.ts';

/** Counted in calendar days (calendar-days.ts), where it now lives; kept here for its callers. */

export const urgencyLevels = ['high', 'medium', 'low'] as const;
export type Urgency = (typeof urgencyLevels)[number];

export type UrgencyInputs = {
  needed_by: string; // YYYY-MM-DD
  self_isolating: boolean;
  shielding: boolean;
  lives_alone: boolean;
  no_food_today: boolean;
  medicine_runs_out_days: number | null;
};

export function initialUrgency(inputs: UrgencyInputs, today: string): Urgency {
  const daysLeft = daysBetween(today, inputs.needed_by);
  if (inputs.no_food_today) return 'high';
  if (inputs.medicine_runs_out_days !== null && inputs.medicine_runs_out_days <= 2) return 'high';
  if (daysLeft <= 0) return 'high';
  const vulnerable = inputs.shielding || inputs.self_isolating || inputs.lives_alone;
  if (daysLeft <= 2 || vulnerable) return 'medium';
  if (inputs.medicine_runs_out_days !== null && inputs.medicine_runs_out_days <= 7) return 'medium';
  return 'low';
}
