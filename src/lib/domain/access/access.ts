/**
 * The access policy: who may read and write which document. The server enforces it on every
 * replication endpoint and the app uses it to decide what to show, so the two never disagree
 * (docs/architecture.md, "Access: who may see what"). Disabled accounts may do nothing at all.
 *
 * Reading
 * - admin: everything. coordinator: requests routed to one of their areas, with their contacts,
 *   notes and events; volunteer profiles sharing an area with them; all areas.
 * - volunteer: open (`new`/`triaged`) unassigned requests in their areas; requests assigned to them;
 *   requests where their claim was overridden by a concurrent one, until a coordinator settles it
 *   (attention.ts), so they are told rather than left wondering. The contact only while the task is
 *   theirs and active (`assigned`/`in_progress`): health data leaves the phone once the work is done;
 *   and only while the request records the resident's consent to share it (consent.ts): their own
 *   "yes" on the form, or one a coordinator recorded. A withdrawal takes it off the phone again.
 *   Notes marked `for_assignee` and notes they wrote, events they wrote, on their own tasks only.
 *   Their own profile; all areas. Finished or cancelled tasks leave their phone
 *   `volunteerRetentionDays` after the status changed (when a clock is given).
 * - Requests with no area are unrouted: only admins see them, so intake must route every request.
 *
 * Writing (judged on the whole new revision against the old one)
 * - admin: anything, but never against the integrity rules below.
 * - coordinator: create requests in their areas only by taking a call (consent heard by phone, a
 *   contact that is a whole answer to the resident's questions, and, judged by the server, a
 *   reference held for them: intake/), and edit requests and contacts there (recording, or withdrawing,
 *   the resident's consent to share their contact among them), hand a request over to
 *   another area they also cover (never to none; admins to any area), close one as a duplicate of another request in their areas
 *   (duplicates/mark-duplicate.ts), delete them; notes and events on them; profiles as in
 *   profile-write-access.ts. Status and assignee must fit together (lifecycle.ts) when changed.
 * - volunteer: claim an open unassigned request in their areas (assignee themselves, status
 *   `assigned` or further); move their own task forwards `assigned → in_progress → done`; decline it
 *   (`triaged`, no assignee) from `assigned` or `in_progress`. Nothing else on a request (never its
 *   consent), no contacts, no deletions. Notes and events on any request they have ever been assigned, so work
 *   written offline is not refused because the task moved meanwhile. Their own profile, except
 *   approval, areas and granting themselves `dbs_checked`.
 * - Events only the server keeps (a late report, a late claim) come from no device, an admin's
 *   neither; a decision on a late claim (`handover_kept`) only from a coordinator of the request's
 *   area or an admin (record-write-access.ts).
 * - Integrity, for everyone: notes and events are never changed or deleted; a changed register is
 *   restamped by its writer; the assignment log only grows, with the writer's own entries; notes,
 *   events and stamps name the writer as author; a deleted document comes back only by an admin.
 * - Conflict resolution writes are the server's (conflicts.ts), not a user's, and are not judged here.
 */
export {
  awaitsConsent,
  canRead,
  canReadRequest,
  isPastVolunteerRetention,
  visibleRequestIds,
  volunteerRetentionDays,
} from './read-access.ts';
export { canWrite } from './write-access.ts';
export { forbiddenReasons, type ForbiddenReason, type WriteVerdict } from '../forbidden-reasons.ts';
