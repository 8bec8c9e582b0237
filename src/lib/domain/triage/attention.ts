/**
 * What a merge cannot settle on its own and a coordinator must decide (docs/architecture.md, "Conflicts": what
 * cannot be merged automatically is shown to a coordinator). Every case is read off the merged
 * request alone, so every device and the server agree on it, and each has one action that clears it:
 *
 * - `concurrent_assignment`: assignments written without seeing each other (the classic: two
 *   volunteers claim the same task offline). The later one holds the task; `overridden` names the
 *   volunteers who lost it, who keep seeing the request (not its contact) until a coordinator
 *   assigns it again, which replaces every head of the log.
 * - `status_without_assignee` / `assignee_on_open_request`: status and assignee came from different
 *   writers and no longer fit together (a volunteer marks progress while a coordinator unassigns).
 *   Cleared by setting either.
 * - `progress_by_former_assignee`: the status was moved on (`in_progress`, `done`) by a volunteer
 *   who no longer holds the task, so the work may have been done twice or not at all. Cleared by a
 *   coordinator setting the status or giving the task back to that volunteer.
 * - `late_report`: a volunteer reported progress on a task that had left them; the server refused
 *   it and kept it as a `late_status` event (late-progress.ts). Cleared, as the one above, by a
 *   coordinator setting the status or assigning the task after the report.
 */
import type { EventDoc } from '../records/append-only-docs.ts';
import { assignmentHeads, currentAssignment, hasBeenAssigned } from '../requests/assignments.ts';
import { isProgress, lifecycleProblem } from '../requests/lifecycle.ts';
import type { RequestDoc } from '../requests/request.ts';

export type AttentionReason =
  | { code: 'concurrent_assignment'; overridden: string[] }
  | { code: 'status_without_assignee' }
  | { code: 'assignee_on_open_request' }
  | { code: 'progress_by_former_assignee'; by: string }
  | { code: 'late_report'; by: string; status: string };

type Doc = Pick<RequestDoc, 'status' | 'assignee' | 'assignments' | 'fields_meta'>;

/** Volunteers whose claim was overridden by a write that never saw it. */
export function overriddenClaimants(doc: Pick<RequestDoc, 'assignments'>): string[] {
  const winner = currentAssignment(doc.assignments);
  const lost = assignmentHeads(doc.assignments)
    .map((head) => head.to)
    .filter((to): to is string => to !== null && to !== (winner?.to ?? null));
  return [...new Set(lost)].sort();
}

/** Late reports no coordinator has acted on since: set no status, made no assignment after them. */
function lateReports(
  doc: Doc,
  events: readonly Pick<EventDoc, 'field' | 'author' | 'to' | 'at'>[],
) {
  const since = [doc.fields_meta.status.at, doc.fields_meta.assignee.at].sort().at(-1) ?? '';
  return events
    .filter((e) => e.field === 'late_status' && e.at > since && e.to !== null)
    .map((e): AttentionReason => ({ code: 'late_report', by: e.author, status: e.to ?? '' }));
}

export function coordinatorAttention(
  doc: Doc,
  events: readonly Pick<EventDoc, 'field' | 'author' | 'to' | 'at'>[] = [],
): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  const heads = assignmentHeads(doc.assignments);
  if (new Set(heads.map((h) => h.to)).size > 1) {
    reasons.push({ code: 'concurrent_assignment', overridden: overriddenClaimants(doc) });
  }
  const problem = lifecycleProblem(doc);
  if (problem !== null) reasons.push({ code: problem });
  const statusBy = doc.fields_meta.status.by;
  if (
    isProgress(doc.status) &&
    statusBy !== doc.assignee &&
    hasBeenAssigned(doc.assignments, statusBy)
  ) {
    reasons.push({ code: 'progress_by_former_assignee', by: statusBy });
  }
  return [...reasons, ...lateReports(doc, events)];
}
