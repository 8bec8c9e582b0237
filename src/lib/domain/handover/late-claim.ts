/**
 * A claim made offline while the request was being handed over (issue 9). A volunteer with no
 * signal claims an open task in their area; meanwhile a coordinator hands it to another area. When
 * the claim reaches the server it is judged against the present, where the request is in an area
 * the volunteer does not work in, so it is refused (`handed_over`) and the volunteer is told on
 * their phone, as every refused write is. Applying it would give them work, and soon a resident's
 * contact, outside their areas. But it is not dropped: the server keeps it as a `late_claim` event
 * on the request's history (as late-progress.ts keeps late progress), readable by the coordinators
 * of the area it went to, who decide: keep the hand-over (a `handover_kept` event), or give it back
 * to the volunteer's area with the claim (a hand-over back, then the assignment). Until one of the
 * two, or any later hand-over or assignment, the request shows the conflict.
 */
import type { EventDoc } from '../records/append-only-docs.ts';
import { eventOn } from '../records/history.ts';
import { assignmentKey } from '../requests/assignments.ts';
import type { RequestDoc } from '../requests/request.ts';
import { coversArea, type StaffUser } from '../people/users.ts';

/**
 * One event per volunteer and request, however often the claim is pushed again: the volunteer's
 * own id with its first group replaced by a mark, as late-progress.ts does.
 */
const lateClaimUuid = (userId: string) => `c1a10000${userId.slice(8)}`;

/**
 * The event to keep when `user`'s refused revision `attempted` claims the request in an area it
 * has since been handed out of; null otherwise. Dated when the server received it.
 */
export function lateClaim(
  user: StaffUser,
  present: RequestDoc,
  attempted: RequestDoc,
  receivedAt: string,
): EventDoc | null {
  if (user.role !== 'volunteer') return null;
  if (attempted.assignee !== user.id || present.assignee === user.id) return null;
  const known = new Set(present.assignments.map(assignmentKey));
  const claimedNow = attempted.assignments.some(
    (a) => a.to === user.id && a.by === user.id && !known.has(assignmentKey(a)),
  );
  if (!claimedNow || attempted.area === present.area) return null;
  // Claimed where they work, and the request has moved to where they do not.
  if (!coversArea(user, attempted.area) || coversArea(user, present.area)) return null;
  return eventOn(present._id, lateClaimUuid(user.id), {
    author: user.id,
    field: 'late_claim',
    from: attempted.area,
    to: present.area,
    at: receivedAt,
  });
}

export type OpenLateClaim = {
  /** The volunteer who claimed it. */
  by: string;
  /** The area they claimed it in, which a give-back returns it to. */
  claimedIn: string;
  /** The area it had been handed to. */
  handedTo: string;
  at: string;
};

type Event = Pick<EventDoc, 'field' | 'author' | 'from' | 'to' | 'at'>;

/**
 * Late claims no coordinator has decided on: no `handover_kept` for that volunteer after it, no
 * hand-over and no assignment since it arrived. Read off the request and its events alone, so
 * every device shows the same.
 */
export function openLateClaims(
  doc: Pick<RequestDoc, 'fields_meta'>,
  events: readonly Event[],
): OpenLateClaim[] {
  const since = [doc.fields_meta.area.at, doc.fields_meta.assignee.at].sort().at(-1) ?? '';
  const kept = events.filter((e) => e.field === 'handover_kept');
  return events
    .filter((e) => e.field === 'late_claim' && e.at > since && e.from !== null && e.to !== null)
    .filter((e) => !kept.some((k) => k.from === e.author && k.at >= e.at))
    .map((e) => ({
      by: e.author,
      claimedIn: e.from ?? '',
      handedTo: e.to ?? '',
      at: e.at,
    }));
}

/** The coordinator's decision that the hand-over stands: the volunteer keeps their refusal. */
export function keepHandover(
  doc: Pick<RequestDoc, '_id' | 'area'>,
  claim: OpenLateClaim,
  user: Pick<StaffUser, 'id'>,
  now: string,
  uuid: string,
): EventDoc {
  const at = now > claim.at ? now : claim.at;
  return eventOn(doc._id, uuid, {
    author: user.id,
    field: 'handover_kept',
    from: claim.by,
    to: doc.area,
    at,
  });
}
