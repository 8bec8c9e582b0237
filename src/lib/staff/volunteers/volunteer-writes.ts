/**
 * A coordinator's changes to a volunteer's profile, written to the device's PouchDB as approvals are,
 * for replication to carry to the server when there is a signal. Each change is judged first by the
 * same policy the server applies (`canWriteProfile`), on the revision it is written over, so the
 * screens never save what the server would refuse. A pull landing in between (HTTP 409) means read
 * again and reapply, so nothing is written over unseen.
 */
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import { canWriteProfile } from '#domain/access/profile-write-access.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';

const attempts = 5;

const isConflict = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { status?: unknown }).status === 409;

/** Why a change cannot be made to a profile as it is now: `decided` when the sign-up no longer waits. */
export type ChangeProblem = 'required' | 'outside_your_areas' | 'decided';

/** The changed profile, or why the change cannot be made to this one. */
export type ProfileChange = (
  profile: VolunteerDoc,
  now: string,
) => VolunteerDoc | { problem: ChangeProblem };

export type ProfileOutcome =
  | { ok: true; profile: VolunteerDoc }
  | { ok: false; problem: ForbiddenReason | ChangeProblem | 'missing' };

export async function changeProfile(
  db: PouchDB.Database,
  user: StaffUser,
  id: string,
  change: ProfileChange,
): Promise<ProfileOutcome> {
  for (let attempt = 1; ; attempt++) {
    const before = await db.get<VolunteerDoc>(id).catch(() => null);
    if (before === null) return { ok: false, problem: 'missing' };
    const after = change(before, new Date().toISOString());
    if ('problem' in after) return { ok: false, problem: after.problem };
    const verdict = canWriteProfile(user, before, after);
    if (!verdict.ok) return { ok: false, problem: verdict.reason };
    try {
      await db.put(after);
      return { ok: true, profile: after };
    } catch (e) {
      if (isConflict(e) && attempt < attempts) continue;
      throw e;
    }
  }
}
