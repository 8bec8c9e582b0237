/**
 * Who a task would be given to, as the server knows them now: their profile from the replicated
 * database and whether their account is enabled from the server-only one (devices never learn
 * that). Accounts are keyed by username and documents name people by id, so the accounts are read
 * once per batch, and only when a batch gives someone a task.
 */
import type { Candidate } from '#domain/people/assignable.ts';
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { listAccounts } from '../../accounts/account-store.ts';
import type { MutableDocStore, ReplicatedDb } from '../../storage/storage.ts';
import { staffUserId } from '../../accounts/staff-user-id.ts';

export function candidatesFor(db: ReplicatedDb, accounts: MutableDocStore) {
  let enabledVolunteers: Promise<Set<string>> | undefined;
  const enabled = async () => {
    const all = await listAccounts(accounts);
    return new Set(
      all.filter((a) => a.role === 'volunteer' && !a.disabled).map((a) => staffUserId(a.username)),
    );
  };
  return async (userId: string): Promise<Candidate> => {
    enabledVolunteers ??= enabled();
    let profile: VolunteerDoc | null = null;
    try {
      profile = await db.get<VolunteerDoc>(volunteerDocId(userId));
    } catch {
      // No profile: not assignable.
    }
    return { profile, enabled: (await enabledVolunteers).has(userId) };
  };
}
