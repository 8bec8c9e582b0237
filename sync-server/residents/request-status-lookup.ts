/**
 * What a resident may learn with their status token: the status of their own request and when it
 * last changed. Unknown reference and wrong token give the same answer (null), so a stranger cannot
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
  return { reference, status: request.status, updated_at: request.updated_at };
}
