/**
 * Areas and profiles in the model's own row shape, for the pages that still read rows (the intake's
 * check page and the hand-over page; eslint.config.js names them). Every other screen reads
 * documents (`areasById` in area-queries.ts, `profilesByUserId` in volunteers/profile-queries.ts):
 * these go once those pages do.
 */
import type { ReadModelDb } from './model/read-model.ts';
import type { AreaRow, VolunteerRow } from './model/projections.ts';

export async function areaNames(model: ReadModelDb): Promise<Map<string, AreaRow>> {
  const rows = await model.areas.toArray();
  return new Map(rows.map((a) => [a.id.replace(/^area:/, ''), a]));
}

export async function volunteersById(model: ReadModelDb): Promise<Map<string, VolunteerRow>> {
  const rows = await model.volunteers.toArray();
  return new Map(rows.map((v) => [v.id.replace(/^volunteer:/, ''), v]));
}
