/**
 * A first urgency level from what the resident told us. Coordinators refine it in triage; this is
 * only the starting point, and it errs towards `high` when someone may be without food or medicine.
 */
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

const dayMs = 86_400_000;

/** Whole days from `today` (YYYY-MM-DD) to `date` (YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}

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
