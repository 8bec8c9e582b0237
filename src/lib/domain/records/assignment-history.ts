/**
 * The hand-overs a request's history can tell from the request alone. Every assignment leaves an
 * `assignee` event (history.ts), but a volunteer's device holds only the events they wrote
 * (access/read-access.ts), so "Volunteer: nobody → you" by the coordinator who gave them the task
 * would be missing from their history. The request they may read keeps the same facts in its
 * assignment log (requests/assignments.ts): who, when, to whom. Each entry no event on the device
 * tells becomes a line of its own; on a coordinator's device, which holds every event, none does.
 */
import { assignmentKey, type Assignment } from '../requests/assignments.ts';
import { compareStamps } from '../documents/stamps.ts';
import type { RequestDoc } from '../requests/request.ts';
import type { EventDoc } from './append-only-docs.ts';
import type { EventFacts } from './history.ts';

/** A line of history made from an assignment entry, under an id no event has. */
export type AssignmentLine = EventFacts & { id: string };

/** The `assignee` event the entry left, as the assignment log names it (`assignmentKey`). */
const eventKey = (e: Pick<EventDoc, 'at' | 'author' | 'to'>) => `${e.at}|${e.author}|${e.to ?? ''}`;

/**
 * `request`'s assignment entries that none of `events` tells, oldest first, each from whoever held
 * the task before it in the log's order (a stamp's order: concurrent claims read as one after the
 * other, as the request page lists them).
 */
export function untoldAssignments(
  request: Pick<RequestDoc, '_id' | 'assignments'>,
  events: readonly Pick<EventDoc, 'field' | 'at' | 'author' | 'to'>[],
): AssignmentLine[] {
  const told = new Set(events.filter((e) => e.field === 'assignee').map(eventKey));
  const ordered = [...request.assignments].sort(compareStamps);
  const lines: AssignmentLine[] = [];
  let from: Assignment['to'] = null;
  for (const entry of ordered) {
    const key = assignmentKey(entry);
    if (!told.has(key)) {
      const facts = {
        author: entry.by,
        field: 'assignee' as const,
        from,
        to: entry.to,
        at: entry.at,
      };
      lines.push({ id: `${request._id}|${key}`, ...facts });
    }
    from = entry.to;
  }
  return lines;
}
