/**
 * Who may be given a task: an approved volunteer whose account is enabled and who works in the
 * request's area (docs/architecture.md, "Access"). Giving a task to anyone else would hand them
 * the resident's contact. The server enforces it on every write that changes the assignee
 * (sync-server/replication/writes/write-judge.ts); the request page offers only those it allows. A
 * device does not know which accounts are switched off, so there it is judged on the profile alone.
 */
import type { VolunteerDoc } from './volunteer-doc.ts';

export type Candidate = { profile: VolunteerDoc | null; enabled: boolean };

export function isAssignable(candidate: Candidate, area: string | null): boolean {
  const { profile, enabled } = candidate;
  return (
    enabled &&
    profile !== null &&
    profile._deleted !== true &&
    profile.approval === 'approved' &&
    area !== null &&
    profile.areas.includes(area)
  );
}
