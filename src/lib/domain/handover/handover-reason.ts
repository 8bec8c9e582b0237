/**
 * A hand-over is answered for in the request's history: whoever moves a request to another area
 * writes an `area` event with from, to and a reason (hand-over.ts makes both), and the server
 * stores the move only with that event, already stored or in the same batch, so no client can move
 * a request without telling the receiving team why. The event must be for this move: the writer's
 * own, from the area the request is in now to the one it goes to, dated after the area last moved
 * and no later than this move's stamp (the same instant, as hand-over.ts writes it, or earlier, as
 * a device that wrote the event first and then retried the request has it), with a reason the
 * event schema bounds (trimmed, 1 to 500 characters). An event from an earlier move along the same
 * two areas is dated before the area last moved, so it cannot serve again.
 */
import { maxHandoverReason, type EventDoc } from '../records/append-only-docs.ts';
import type { RequestDoc } from '../requests/request.ts';

type Move = Pick<RequestDoc, '_id' | 'area' | 'fields_meta'>;
type ReasonEvent = Pick<
  EventDoc,
  'request_id' | 'field' | 'author' | 'from' | 'to' | 'at' | 'reason'
>;

/** Whether a write takes the request (`before` as it is now) to another area. */
export function movesArea<T extends Pick<RequestDoc, 'area'>>(
  before: T | null,
  after: Pick<RequestDoc, 'area'>,
): before is T {
  return before !== null && before.area !== after.area;
}

const hasReason = (reason: string | undefined): boolean =>
  reason !== undefined && reason.trim() !== '' && reason.length <= maxHandoverReason;

/** Whether `event` gives the reason for moving the request from `before` to `after`. */
export function givesReasonFor(event: ReasonEvent, before: Move, after: Move): boolean {
  const stamp = after.fields_meta.area;
  return (
    event.field === 'area' &&
    event.request_id === after._id &&
    event.from === before.area &&
    event.to === after.area &&
    event.author === stamp.by &&
    event.at > before.fields_meta.area.at &&
    event.at <= stamp.at &&
    hasReason(event.reason)
  );
}
