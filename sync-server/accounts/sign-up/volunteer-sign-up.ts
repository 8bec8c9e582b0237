/**
 * A volunteer signing themselves up: a volunteer account (through `createAccount`, so the same
 * username and password rules as the admin CLI) and a pending `volunteer:<userId>` profile in the
 * replicated database, or neither.
 *
 * The profile is written first and the account last. Undoing a write leaves a tombstone, and an
 * account's tombstone would hold its username for ever (`putIfAbsent` never revives one), while a
 * profile's tombstone is simply written over by the next sign-up with that username. So a failure
 * creating the account deletes the profile just written, and nothing is left that blocks a retry.
 * A crash between the two writes leaves a profile without an account. Once it is older
 * than `orphanAfterMs` (far longer than a sign-up takes between its two writes, so never a sign-up
 * still under way) the next sign-up with that username writes over it.
 *
 * A base postcode is placed later, as a request's is (sync-server/geo/): the sign-up leaves a
 * marker and answers, so a geocoder that is slow or down never holds a volunteer up.
 */
import { passwordProblem } from '#domain/people/account-rules.ts';
import type { SignUp } from '#domain/people/volunteer-sign-up.ts';
import { signUpProfile } from '#domain/people/volunteer-sign-up.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { areaDocId } from '#domain/documents/doc-ids.ts';
import { staffUserId } from '../staff-user-id.ts';
import type { Storage } from '../../storage/storage.ts';
import { createAccount, findAccount, type AccountProblem } from '../account-store.ts';
import type { ScryptParams } from '../password-hash.ts';
import { markPending } from '../../geo/pending.ts';
import { placeNeededFor } from '../../geo/place-needed.ts';

export type SignUpOutcome =
  | { kind: 'created'; userId: string }
  | { kind: 'taken' }
  | { kind: 'unknown_area' }
  | { kind: 'invalid'; problem: AccountProblem };

export type VolunteerSignUpContext = { storage: Storage; scrypt: ScryptParams; now: () => Date };

async function areasExist(storage: Storage, areas: readonly string[]): Promise<boolean> {
  const found = await Promise.all(
    areas.map((area) => storage.replicated.get<AreaDoc>(areaDocId(area))),
  );
  return found.every((doc) => doc !== null && doc.type === 'area' && doc.active !== false);
}

/** A profile with no account, older than this, was left by a crash: it may be replaced. */
export const orphanAfterMs = 10 * 60_000;

/** The revision of a profile left behind by a sign-up that crashed, if that is what is there. */
async function orphanRev(ctx: VolunteerSignUpContext, id: string): Promise<string | null> {
  const found = await ctx.storage.replicated.get<VolunteerDoc & { _rev: string }>(id);
  // Pending, or rejected by a coordinator who saw the sign-up: either way nobody owns it.
  if (found?.approval !== 'pending' && found?.approval !== 'rejected') return null;
  const age = ctx.now().getTime() - Date.parse(found.created_at);
  return age > orphanAfterMs ? found._rev : null;
}

/** A marker that fails to save fails no sign-up: the worker's start finds the profile anyway. */
async function markBase(ctx: VolunteerSignUpContext, profile: VolunteerDoc) {
  const id = placeNeededFor(profile);
  if (id === null) return;
  await markPending(ctx.storage.serverOnly, id, ctx.now()).catch((error: unknown) =>
    console.error('geocode:', error),
  );
}

const isConflict = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 409;

export async function signUpVolunteer(
  ctx: VolunteerSignUpContext,
  signUp: SignUp,
): Promise<SignUpOutcome> {
  const { storage } = ctx;
  if (!(await areasExist(storage, signUp.areas))) return { kind: 'unknown_area' };
  if ((await findAccount(storage.serverOnly, signUp.username)) !== null) return { kind: 'taken' };
  // Judged before anything is written: a refused password leaves not even a profile's tombstone.
  const weakness = passwordProblem(signUp.password, {
    username: signUp.username,
    name: signUp.name,
  });
  if (weakness) return { kind: 'invalid', problem: weakness };

  const userId = staffUserId(signUp.username);
  const profile = signUpProfile(signUp, userId, ctx.now().toISOString());
  let rev: string;
  try {
    // No `_rev`: a live profile (a racing sign-up with this username) is a conflict, a deleted one
    // from an undone sign-up is written over.
    rev = (await storage.replicatedDb.put(profile)).rev;
  } catch (error) {
    if (!isConflict(error)) throw error;
    // No account was found above: an old enough pending profile is a crash's leftover.
    const orphan = await orphanRev(ctx, profile._id);
    if (orphan === null) return { kind: 'taken' };
    try {
      rev = (await storage.replicatedDb.put({ ...profile, _rev: orphan })).rev;
    } catch (again) {
      if (isConflict(again)) return { kind: 'taken' };
      throw again;
    }
  }

  const undo = () => storage.replicatedDb.put({ ...profile, _rev: rev, _deleted: true });
  let account: Awaited<ReturnType<typeof createAccount>>;
  try {
    account = await createAccount(
      { store: storage.serverOnly, now: ctx.now, scrypt: ctx.scrypt },
      {
        username: signUp.username,
        displayName: signUp.name,
        role: 'volunteer',
        // What they asked for; what they may see comes from the approved profile (replication/policy-user.ts).
        areas: signUp.areas,
        password: signUp.password,
      },
    );
  } catch (error) {
    await undo();
    throw error;
  }
  if (account.ok) {
    await markBase(ctx, profile);
    return { kind: 'created', userId };
  }
  await undo();
  return account.problem === 'exists'
    ? { kind: 'taken' }
    : { kind: 'invalid', problem: account.problem };
}
