/**
 * Storing a resident's request exactly once, whatever the network does to the device's retries.
 *
 * Order of writes (each put-if-absent, so each is safe to repeat):
 *   1. `ref:<reference>`   claims a unique reference;
 *   2. `receipt:<id>`      is the idempotency key: whoever writes it owns the id;
 *   3. `request:<id>` and `contact:<id>` via the domain's `toDocuments`, the request routed to the
 *      area whose postcode districts include the resident's (`routedRequest`), and its `created`
 *      event (`createdEvent`), where its history starts.
 *   4. `geocode:request:<id>`, the marker that has the server work out the request's points
 *      later (sync-server/geo/): the resident is answered without waiting for any geocoder.
 * A crash after 2 leaves a receipt without documents; the device's retry finds the receipt and
 * writes what is missing, with the receipt's timestamp so the documents are the same ones.
 */
import type { SubmissionReceipt } from '#domain/requests/submission.ts';
import { postcodeDistrict } from '#domain/questions/contact-format.ts';
import { toDocuments } from '#domain/requests/submission.ts';
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { areaForDistrict } from '#domain/areas/intake.ts';
import { routedRequest } from '#domain/requests/request.ts';
import { requestDocId } from '#domain/documents/doc-ids.ts';
import { createdEvent } from '#domain/records/creation.ts';
import type { Submission } from '#domain/questions/request-schema.ts';
import { fingerprint } from './canonical-json.ts';
import { claimReference, referenceDocId } from './reference-claim.ts';
import { hashStatusToken, newStatusToken } from './status-token.ts';
import type { Storage } from '../storage/storage.ts';
import { markPending } from '../geo/pending.ts';

export type ReceiptDoc = {
  _id: string;
  type: 'receipt';
  reference: string;
  // Kept so a replay answers byte-for-byte the same; only the hash is used to check a token.
  status_token: string;
  status_token_sha256: string;
  body_sha256: string;
  created_at: string;
  /** The area the request was routed to when first stored, so a replay writes the same document. */
  area?: string | null;
};

export type SubmitOutcome =
  { kind: 'created' | 'replayed'; receipt: SubmissionReceipt } | { kind: 'id_conflict' };

export const receiptDocId = (id: string) => `receipt:${id}`;

export async function submitRequest(
  storage: Storage,
  submission: Submission,
  now: () => Date,
): Promise<SubmitOutcome> {
  const bodyHash = fingerprint(submission);
  const existing = await storage.serverOnly.get<ReceiptDoc>(receiptDocId(submission.id));
  if (existing) return replay(storage, submission, bodyHash, existing, now);

  const reference = await claimReference(storage.serverOnly, submission.id);
  const token = newStatusToken();
  const receiptDoc: ReceiptDoc = {
    _id: receiptDocId(submission.id),
    type: 'receipt',
    reference,
    status_token: token,
    status_token_sha256: hashStatusToken(token),
    body_sha256: bodyHash,
    created_at: now().toISOString(),
    area: await routeToArea(storage, postcodeDistrict(submission.contact.postcode)),
  };
  if ((await storage.serverOnly.putIfAbsent(receiptDoc)) === 'exists') {
    // Another request with this id won the race: give our reference back and answer as it did.
    await storage.serverOnly.remove(referenceDocId(reference));
    const winner = await storage.serverOnly.get<ReceiptDoc>(receiptDocId(submission.id));
    if (!winner) throw new Error(`Receipt for ${submission.id} vanished`);
    return replay(storage, submission, bodyHash, winner, now);
  }
  await storeDocuments(storage, submission, receiptDoc, now);
  return { kind: 'created', receipt: toReceipt(submission.id, receiptDoc) };
}

async function replay(
  storage: Storage,
  submission: Submission,
  bodyHash: string,
  receiptDoc: ReceiptDoc,
  now: () => Date,
): Promise<SubmitOutcome> {
  if (receiptDoc.body_sha256 !== bodyHash) return { kind: 'id_conflict' };
  await storeDocuments(storage, submission, receiptDoc, now);
  return { kind: 'replayed', receipt: toReceipt(submission.id, receiptDoc) };
}

async function storeDocuments(
  storage: Storage,
  submission: Submission,
  receiptDoc: ReceiptDoc,
  now: () => Date,
) {
  const { request, contact } = toDocuments(submission, receiptDoc.reference, receiptDoc.created_at);
  // Stored as staff sync expects it, routed to the area that covers the resident's district.
  const routed = routedRequest(request, receiptDoc.area ?? null);
  await storage.replicated.putIfAbsent(routed);
  await storage.replicated.putIfAbsent(contact);
  // The history starts here, under an id of the request's own, so a retry adds nothing.
  await storage.replicated.putIfAbsent(createdEvent(routed));
  await markPending(storage.serverOnly, requestDocId(submission.id), now());
}

async function routeToArea(storage: Storage, district: string): Promise<string | null> {
  const areas = await storage.replicatedDb.allDocs<AreaDoc>({
    startkey: 'area:',
    endkey: 'area:\ufff0',
    include_docs: true,
  });
  return areaForDistrict(
    areas.rows.flatMap((row) => (row.doc ? [row.doc] : [])),
    district,
  );
}

function toReceipt(id: string, receiptDoc: ReceiptDoc): SubmissionReceipt {
  return { id, reference: receiptDoc.reference, status_token: receiptDoc.status_token };
}
