/**
 * One document of a `_bulk_docs` batch, judged against the present: the change it would make to
 * the stored winner (present-outcome.ts) must be one its writer may make to the current winning
 * revision (`canWrite`, the same rule a device applies before it writes), whatever ancestor the
 * device names; whoever it would give the task to must be assignable now (assignable.ts); and a
 * request it closes as a duplicate must name one its writer may link it to (duplicate-link.ts); an
 * area it hands the request to must exist (handover-target.ts) and the event giving the reason
 * must be stored or come with it (handover-reason.ts). A refused claim on a request handed
 * out of the volunteer's areas meanwhile is kept for the coordinator (handover/late-claim.ts).
 */
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import { canWrite } from '#domain/access/access.ts';
import { isAssignable, type Candidate } from '#domain/people/assignable.ts';
import { revGeneration } from '#domain/documents/couch-fields.ts';
import { requestIdOf } from '#domain/documents/doc-ids.ts';
import { parseStaffDoc, type StoredDoc } from '#domain/replication/document-classes.ts';
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import { lateProgress } from '#domain/records/late-progress.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { historyProblem, maxRevisionIds } from '#domain/replication/revision-history.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';
import { outcomeOf, type Present } from './present-outcome.ts';
import { duplicateLinkProblem } from './related/duplicate-link.ts';
import { handoverReason } from './related/handover-reason.ts';
import { handoverTargetProblem } from './related/handover-target.ts';
import { lateClaim } from '#domain/handover/late-claim.ts';
import { routableTombstone } from '#domain/replication/routing-fields.ts';

export type Refusal = { id: string; error: 'forbidden'; reason: ForbiddenReason };
export type Conflict = { id: string; error: 'conflict'; reason: string };
export type Verdict =
  | { refused: Refusal; keep: EventDoc | null }
  | { refused: Conflict; keep: null }
  /** `needs`: the id of an event in the same batch this write stands on (handover-reason.ts). */
  | { write: StoredDoc; thenDelete: StoredDoc | null; needs?: string }
  | { unchanged: string };

export type JudgeContext = {
  db: ReplicatedDb;
  user: StaffUser;
  newEdits: boolean;
  present: Map<string, Present>;
  /** `id@rev` of replicated revisions the server already holds. */
  known: Set<string>;
  /** The server's clock (ISO), for `clock_ahead`. */
  judgedAt: string;
  /** Requests as this batch leaves them, so a contact is judged with its request's new state. */
  batchRequests: Map<string, RequestDoc>;
  /** The events this batch carries, judged after its requests (handover-reason.ts). */
  batchEvents: readonly EventDoc[];
  /** The volunteer a task would be given to, as the server knows them now. */
  candidate: (userId: string) => Promise<Candidate>;
  /** The requests stored now as duplicates of one (routing/duplicate-links.ts). */
  duplicatesOf: (requestId: string) => Promise<string[]>;
  /** Binds a new request's reference to it, or says why not (sync-server/intake/). */
  useReference: (reference: string, requestId: string) => Promise<ForbiddenReason | null>;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const refuse = (
  id: string,
  reason: ForbiddenReason,
  keep: EventDoc | null = null,
): Verdict => ({
  refused: { id, error: 'forbidden', reason },
  keep,
});

const asRequest = (doc: StoredDoc | null | undefined): RequestDoc | null =>
  doc && 'type' in doc && doc.type === 'request' && doc._deleted !== true ? doc : null;

/** More revision ids than any history may hold: refused before the schema reads them all. */
function oversizedHistory(input: Record<string, unknown>): boolean {
  const history = input._revisions;
  return isObject(history) && Array.isArray(history.ids) && history.ids.length > maxRevisionIds;
}

/** With `new_edits: true` a write must name the current winner, as CouchDB requires. */
function staleEdit(doc: StoredDoc, present: Present | undefined): boolean {
  const winner = present?.winner ?? null;
  if (winner === null) return doc._rev !== undefined;
  if (winner._deleted === true) return doc._rev !== undefined && doc._rev !== winner._rev;
  return doc._rev !== winner._rev;
}

export async function judge(ctx: JudgeContext, input: unknown, id: string): Promise<Verdict> {
  if (!isObject(input) || id === '' || Object.hasOwn(input, '__proto__')) {
    return refuse(id, 'invalid_document');
  }
  if (typeof input._rev === 'string' && ctx.known.has(`${id}@${input._rev}`)) {
    return { unchanged: id };
  }
  if (oversizedHistory(input)) return refuse(id, 'invalid_history');
  const parsed = parseStaffDoc(input);
  if (!parsed.ok) return refuse(id, 'invalid_document');
  const doc = parsed.doc;
  const present = ctx.present.get(id);
  const before = present?.winner ?? null;

  let after: StoredDoc = doc;
  let deletesPresent = false;
  if (ctx.newEdits) {
    if (staleEdit(doc, present)) {
      return {
        refused: { id, error: 'conflict', reason: 'Document update conflict.' },
        keep: null,
      };
    }
  } else {
    const storedGeneration = before?._rev === undefined ? 0 : revGeneration(before._rev);
    // Replication names the revision it brings; without one the storage itself would throw.
    if (doc._rev === undefined) return refuse(id, 'invalid_history');
    if (historyProblem(doc._rev, doc._revisions, storedGeneration) !== null) {
      return refuse(id, 'invalid_history');
    }
    ({ after, deletesPresent } = await outcomeOf(ctx.db, present, doc));
  }

  const requestId = requestIdOf(id);
  const related =
    requestId === null
      ? undefined
      : (ctx.batchRequests.get(requestId) ??
        asRequest(ctx.present.get(requestId)?.winner) ??
        undefined);
  const verdict = canWrite(ctx.user, before, after, related, ctx.judgedAt);
  const presentRequest = asRequest(before);
  const attempted = asRequest(doc);
  if (!verdict.ok) {
    if (presentRequest === null || attempted === null) return refuse(id, verdict.reason);
    const late = lateProgress(ctx.user, presentRequest, attempted, ctx.judgedAt);
    const gone = late !== null && presentRequest.assignee !== ctx.user.id;
    if (late !== null) return refuse(id, gone ? 'no_longer_yours' : verdict.reason, late);
    // A claim that arrived after a hand-over: kept for the coordinator (handover/late-claim.ts).
    const claim = lateClaim(ctx.user, presentRequest, attempted, ctx.judgedAt);
    return claim === null ? refuse(id, verdict.reason) : refuse(id, 'handed_over', claim);
  }
  const afterRequest = asRequest(after);
  let needs: string | undefined;
  if (afterRequest !== null) {
    const given = afterRequest.assignee;
    // A new assignee, or the present one taken to another area: they must work there.
    const moved = presentRequest !== null && afterRequest.area !== presentRequest.area;
    if (given !== null && (given !== presentRequest?.assignee || moved)) {
      if (!isAssignable(await ctx.candidate(given), afterRequest.area)) {
        return refuse(id, 'not_assignable');
      }
    }
    const target = await handoverTargetProblem(ctx.db, presentRequest, afterRequest);
    if (target !== null) return refuse(id, target);
    const link = await duplicateLinkProblem(ctx, presentRequest, afterRequest);
    if (link !== null) return refuse(id, link);
    const reason = await handoverReason(ctx.db, ctx.batchEvents, presentRequest, afterRequest);
    if (!reason.ok) return refuse(id, 'no_handover_reason');
    needs = reason.inBatch ?? undefined;
    // Last, once all else allows it: a new request takes a reference its writer holds.
    if (before === null) {
      const problem = await ctx.useReference(afterRequest.reference, id);
      if (problem !== null) return refuse(id, problem);
    }
    ctx.batchRequests.set(id, afterRequest);
  }
  const thenDelete =
    deletesPresent && before !== null
      ? routableTombstone({ _id: id, _rev: before._rev ?? '', _deleted: true }, before)
      : null;
  const write = routableTombstone(doc, before);
  return needs === undefined ? { write, thenDelete } : { write, thenDelete, needs };
}
