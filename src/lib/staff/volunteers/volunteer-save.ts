/**
 * What each page that changes a volunteer does with a change: write it (`changeProfile`), and once
 * it is on the device, refresh the sync panel, say on the list that it is saved and go back there.
 */
import { goto } from '$app/navigation';
import type { StaffUser } from '#domain/people/users.ts';
import { noteSaved, type SavedChange } from './volunteer-saved.ts';
import { changeProfile, type ProfileChange, type ProfileOutcome } from './volunteer-writes.ts';
import type { WorkSession } from '../work/work-session.ts';

type Target = {
  work: WorkSession;
  user: StaffUser;
  volunteer: { _id: string; name: string };
  listHref: string;
};

type Problem = Extract<ProfileOutcome, { ok: false }>['problem'];

/** Null once saved (and on the way back to the list); otherwise why it was not. */
export async function saveVolunteerChange(
  ctx: Target,
  kind: SavedChange['kind'],
  change: ProfileChange,
): Promise<Problem | null> {
  const device = await ctx.work.session.device();
  const outcome = await changeProfile(device.dbs.local, ctx.user, ctx.volunteer._id, change);
  if (!outcome.ok) return outcome.problem;
  await device.refresh();
  noteSaved({ kind, name: ctx.volunteer.name });
  await goto(ctx.listHref);
  return null;
}
