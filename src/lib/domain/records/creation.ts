/**
 * Where a request's history starts: the `created` event, written with the request by whoever took
 * it (the resident through the web form, or the coordinator who took it on the phone), and what a
 * request page says about how it came in (its channel and who took it).
 *
 * The event's id reuses the request's own UUID (`event:<uuid>:<uuid>`), so a submission retried
 * after a lost answer stores the same event once, as it stores the same request once
 * (sync-server/residents/submit-request.ts).
 */
import { eventDocId } from '../documents/doc-ids.ts';
import { residentAuthor } from '../documents/stamps.ts';
import type { RequestDoc } from '../requests/request.ts';
import type { EventDoc } from './append-only-docs.ts';
import { eventOn } from './history.ts';

/** The `created` event of a request as intake stores it (`routedRequest`), by its first writer. */
export function createdEvent(request: RequestDoc): EventDoc {
  const uuid = request._id.replace(/^request:/, '');
  return eventOn(request._id, uuid, {
    author: request.fields_meta.status.by,
    field: 'created',
    from: null,
    to: request.status,
    at: request.created_at,
  });
}

/** The id `createdEvent` gives a request's `created` event. */
export const createdEventId = (requestId: string) =>
  eventDocId(requestId, requestId.replace(/^request:/, ''));

/** How a request came in: the resident's web form, or a phone call a member of staff took. */
export type Channel = { channel: 'web' } | { channel: 'phone'; takenBy: string } | null;

/**
 * The channel of `request`, from its `created` event when the device holds it (a volunteer's does
 * not: they read only events they wrote, access/read-access.ts), else from the request itself: a
 * consent answered on the form, or any stamp still the resident's, is only ever written by the
 * resident's own submission; stamps all left by one member of staff at the moment of creation
 * are a request they took. Null when the request no longer tells (every register since rewritten).
 */
export function channelOf(
  request: RequestDoc,
  events: readonly Pick<EventDoc, 'field' | 'author'>[] = [],
): Channel {
  const created = events.find((e) => e.field === 'created');
  if (created) {
    return created.author === residentAuthor
      ? { channel: 'web' }
      : { channel: 'phone', takenBy: created.author };
  }
  const stamps = Object.values(request.fields_meta);
  if (request.consent.how === 'form' || stamps.some((s) => s.by === residentAuthor)) {
    return { channel: 'web' };
  }
  const first = request.fields_meta.details;
  if (first.at === request.created_at) return { channel: 'phone', takenBy: first.by };
  return null;
}

/** When a request came in, how, and by whom (null when the device cannot tell). */
export type Creation = { at: string; channel: 'web' | 'phone' | null; author: string | null };

/**
 * Where a page's history starts. From the `created` event when the device holds it; a volunteer's
 * device does not (they read only the events they wrote), and a request stored before intake wrote
 * the event has none, so then from the request itself: every history starts with its creation.
 */
export function creationOf(
  request: RequestDoc,
  events: readonly Pick<EventDoc, 'field' | 'author' | 'at'>[] = [],
): Creation {
  const channel = channelOf(request, events);
  const at = events.find((e) => e.field === 'created')?.at ?? request.created_at;
  if (channel === null) return { at, channel: null, author: null };
  if (channel.channel === 'web') return { at, channel: 'web', author: residentAuthor };
  return { at, channel: 'phone', author: channel.takenBy };
}
