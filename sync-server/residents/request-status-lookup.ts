/**
 * What a resident may learn with their status token: the status of their own request, when it
 * last changed and how a volunteer's visit ended (tasks/outcomes.ts), (or, for one closed as a duplicate, of the request kept). Unknown reference and wrong token give the same answer (null), so a stranger cannot
 * tell whether a reference exists.
 */
import { requestDocId } from '#domain/documents/doc-ids.ts';
import type { RequestDoc, StatusAnswer } from '#domain/requests/request.ts';
import { requestIdForReference } from './reference-claim.ts';
import { isStatusTokenValid } from './status-token.ts';
import type { Storage } from '../storage/storage.ts';
import { receiptDocId, type ReceiptDoc } from './submit-request.ts';

export async function lookupStatus(
  storage: Storage,
  reference: string,
  token: string | null,
): Promise<StatusAnswer | null> {
  const requestId = await requestIdForReference(storage.serverOnly, reference);
  const receipt = requestId
    ? await storage.serverOnly.get<ReceiptDoc>(receiptDocId(requestId))
    : null;
  // A receipt for another reference can only come from a claim that lost a race; refuse it.
  const storedHash = receipt?.reference === reference ? receipt.status_token_sha256 : null;
  if (!isStatusTokenValid(token, storedHash) || requestId === null) return null;

  const request = await storage.replicated.get<RequestDoc>(requestDocId(requestId));
  if (!request) return null;
  return answerFor(storage, reference, request);
}

/**
 * A request closed as a duplicate is answered with the status of the request kept, which is the
 * one being worked on: its resident is being helped, not turned away. Only the status and time
 * are told, never the other request's reference. Links are one step (mark-duplicate.ts); a link
 * to a request that is gone, or one that is itself a duplicate, answers the request's own status.
 */
async function answerFor(
  storage: Storage,
  reference: string,
  request: RequestDoc,
): Promise<StatusAnswer> {
  const own = { reference, ...told(request) };
  if (request.duplicate_of === undefined) return own;
  const kept = await storage.replicated.get<RequestDoc>(request.duplicate_of);
  if (kept?.type !== 'request' || kept.duplicate_of !== undefined) return own;
  const updated_at = kept.updated_at > request.updated_at ? kept.updated_at : request.updated_at;
  return { reference, ...told(kept), updated_at };
}

/** The status, when it last changed, and how the visit ended: its kind, never the words. */
function told(request: RequestDoc): Omit<StatusAnswer, 'reference'> {
  const { status, updated_at, outcome } = request;
  return { status, updated_at, ...(outcome === undefined ? {} : { outcome: outcome.kind }) };
}
