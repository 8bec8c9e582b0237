/**
 * A request's history: one append-only event per change, so two people editing offline never
 * conflict (docs/architecture.md, "Conflicts"). Every event is made here, whether a device leaves
 * it after an edit, the server keeps it for a late report (late-progress.ts) or the seed writes it.
 */
import { consentValue } from '../requests/consent.ts';
import type { EventDoc } from './append-only-docs.ts';
import { eventDocId } from '../documents/doc-ids.ts';
import type { RequestDoc } from '../requests/request.ts';
import { hasAccepted } from '../requests/assignments.ts';
import { outcomeDetail, sameOutcome } from '../tasks/outcomes.ts';

export type EventFacts = Pick<EventDoc, 'author' | 'field' | 'from' | 'to' | 'at' | 'reason'>;

/** One event on a request, under an id of its own (`uuid`). */
export function eventOn(requestId: string, uuid: string, facts: EventFacts): EventDoc {
  return { _id: eventDocId(requestId, uuid), type: 'event', request_id: requestId, ...facts };
}

const watched = ['status', 'assignee', 'urgency', 'consent'] as const;

const valueOf = (doc: RequestDoc, field: (typeof watched)[number]) =>
  field === 'consent' ? consentValue(doc.consent) : doc[field];

/**
 * What a volunteer's own step says beyond the registers' values (tasks/outcomes.ts): that they
 * accepted the task, why they handed it back, how it ended and in what words.
 */
function taskSteps(before: RequestDoc, after: RequestDoc, by: string): EventFacts[] {
  const steps: EventFacts[] = [];
  const stamp = { author: by, from: null };
  const accepted = (d: RequestDoc) => d.assignee === by && hasAccepted(d.assignments, by);
  if (accepted(after) && !accepted(before)) {
    steps.push({ ...stamp, field: 'accepted', to: by, at: after.fields_meta.assignee.at });
  }
  const at = after.fields_meta.status.at;
  if (after.decline_reason !== undefined && after.decline_reason !== before.decline_reason) {
    steps.push({ ...stamp, field: 'declined', to: null, at, reason: after.decline_reason });
  }
  if (after.outcome !== undefined && !sameOutcome(after.outcome, before.outcome)) {
    const reason = outcomeDetail(after.outcome);
    steps.push({
      ...stamp,
      field: 'outcome',
      to: after.outcome.kind,
      at,
      ...(reason && { reason }),
    });
  }
  return steps;
}

/**
 * The history an edit leaves: one event per register it changed, dated by that register's stamp,
 * and the volunteer's steps it took.
 */
export function historyOf(
  before: RequestDoc,
  after: RequestDoc,
  by: string,
  newUuid: () => string,
): EventDoc[] {
  const changes = watched
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
  const steps = taskSteps(before, after, by).map((facts) => eventOn(after._id, newUuid(), facts));
  return [...changes, ...steps];
}
