/**
 * Who may read what: the "Access" table of docs/architecture.md made exact. The decisions beyond the table are
 * listed in access.ts. Every field read here is listed in routing-fields.ts, which is all the server's
 * routing index and a deletion keep: a field read here and not listed there is never seen.
 */
import { hasConsent } from '../requests/consent.ts';
import { isClosed } from '../requests/status.ts';
import { overriddenClaimants } from '../triage/attention.ts';
import { profileOwnerOf, requestIdOf } from '../documents/doc-ids.ts';
import type { StaffDoc } from '../replication/document-classes.ts';
import { isHeld, isOpen } from '../requests/lifecycle.ts';
import type { RequestDoc } from '../requests/request.ts';
import { coversArea, sharesAnArea, type StaffUser } from '../people/users.ts';

/** How long a volunteer keeps a finished or cancelled task on their phone. */
export const volunteerRetentionDays = 7;
const dayMs = 86_400_000;

/** Closed long enough ago to leave a volunteer's device; never without a clock to judge by. */
export function isPastVolunteerRetention(request: RequestDoc, now?: string): boolean {
  if (now === undefined || !isClosed(request.status)) return false;
  return (
    Date.parse(now) - Date.parse(request.fields_meta.status.at) > volunteerRetentionDays * dayMs
  );
}

export function canReadRequest(user: StaffUser, request: RequestDoc, now?: string): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'coordinator') return coversArea(user, request.area);
  if (request.assignee === user.id) return !isPastVolunteerRetention(request, now);
  if (request.assignee === null && isOpen(request.status)) return coversArea(user, request.area);
  return overriddenClaimants(request).includes(user.id);
}

/** The request is the volunteer's task, not only one they may look at. */
const holds = (user: StaffUser, request: RequestDoc, now?: string) =>
  request.assignee === user.id && !isPastVolunteerRetention(request, now);

/** Their task, and still being done (`assigned`, `in_progress`): when they need the details. */
const worksOn = (user: StaffUser, request: RequestDoc, now?: string) =>
  holds(user, request, now) && isHeld(request.status);

/**
 * A volunteer's task being done whose contact is held back only because the resident has not
 * agreed to share it: the request page tells them so rather than leaving the details blank.
 */
export function awaitsConsent(user: StaffUser, request: RequestDoc, now?: string): boolean {
  return user.role === 'volunteer' && worksOn(user, request, now) && !hasConsent(request);
}

function canReadChild(user: StaffUser, doc: StaffDoc, request: RequestDoc, now?: string) {
  if (user.role === 'admin') return true;
  if (user.role === 'coordinator') return coversArea(user, request.area);
  if (!holds(user, request, now)) return false;
  // The person's details only with their consent (consent.ts): without it a coordinator calls first.
  if (doc.type === 'contact') return worksOn(user, request, now) && hasConsent(request);
  if (doc.type === 'note') return doc.for_assignee || doc.author === user.id;
  return doc.type === 'event' && doc.author === user.id;
}

/**
 * `related` is the request a contact, note or event belongs to (by id); without it, or with the
 * wrong one, only an admin may read them. `now` (ISO) applies the volunteer retention period.
 */
export function canRead(
  user: StaffUser,
  doc: StaffDoc,
  related?: RequestDoc,
  now?: string,
): boolean {
  if (user.disabled) return false;
  switch (doc.type) {
    case 'request':
      return canReadRequest(user, doc, now);
    case 'contact':
    case 'note':
    case 'event':
      if (user.role === 'admin') return true;
      if (related === undefined || related._id !== requestIdOf(doc._id)) return false;
      return canReadChild(user, doc, related, now);
    case 'volunteer':
      if (user.role === 'admin') return true;
      if (user.role === 'coordinator') return sharesAnArea(user, doc.areas);
      return profileOwnerOf(doc._id) === user.id;
    case 'area':
      return true;
  }
}

/**
 * The requests a user may read, for the server's filtered changes feed. Every contact, note and event
 * a user may read belongs to one of these, so the feed can start from this set.
 */
export function visibleRequestIds(
  user: StaffUser,
  requests: Iterable<RequestDoc>,
  now?: string,
): Set<string> {
  const ids = new Set<string>();
  for (const request of requests) if (canReadRequest(user, request, now)) ids.add(request._id);
  return ids;
}
