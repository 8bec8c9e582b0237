/**
 * A request's history: one append-only event per change, so two people editing offline never
 * conflict (docs/architecture.md, "Conflicts"). Every event is made here, whether a device leaves
 * it after an edit, the server keeps it for a late report (late-progress.ts) or the seed writes it.
 */
import { consentValue } from '../requests/consent.ts';
import type { EventDoc } from './append-only-docs.ts';
import { eventDocId } from '../documents/doc-ids.ts';
import type { RequestDoc } from '../requests/request.ts';

export type EventFacts = Pick<EventDoc, 'author' | 'field' | 'from' | 'to' | 'at'>;

/** One event on a request, under an id of its own (`uuid`). */
export function eventOn(requestId: string, uuid: string, facts: EventFacts): EventDoc {
  return { _id: eventDocId(requestId, uuid), type: 'event', request_id: requestId, ...facts };
}

const watched = ['status', 'assignee', 'urgency', 'consent'] as const;

const valueOf = (doc: RequestDoc, field: (typeof watched)[number]) =>
  field === 'consent' ? consentValue(doc.consent) : doc[field];

/** The history an edit leaves: one event per register it changed, dated by that register's stamp. */
export function historyOf(
  before: RequestDoc,
  after: RequestDoc,
  by: string,
  newUuid: () => string,
): EventDoc[] {
  return watched
    .filter((field) => valueOf(before, field) !== valueOf(after, field))
    .map((field) =>
      eventOn(after._id, newUuid(), {
        author: by,
        field,
        from: valueOf(before, field),
        to: valueOf(after, field),
        at: after.fields_meta[field].at,
      }),
    );
}
