/**
 * The duplicate links a request's page shows, read through the read model's indexes: the request
 * this one was closed as a duplicate of, the requests closed as duplicates of this one (the
 * `duplicate_of` index), and the possible duplicates found by its keys (duplicate-queries.ts) with
 * the requests they name, so the page can judge whether to offer marking (actions/duplicate-offer.ts).
 */
import { duplicatesLinkedTo } from '#domain/duplicates/mark-duplicate.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { duplicatesFor, type DuplicateMatch } from './duplicate-queries.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import { requestOfRow } from '../model/projections.ts';

export type DuplicateLinks = {
  /** The request this one names as kept, when the device holds it. */
  kept: RequestDoc | null;
  /** The requests closed as duplicates of this one, oldest first. */
  duplicates: RequestDoc[];
};

export const noLinks: DuplicateLinks = { kept: null, duplicates: [] };

export async function duplicateLinks(
  model: ReadModelDb,
  request: Pick<RequestDoc, '_id' | 'duplicate_of'>,
): Promise<DuplicateLinks> {
  const [kept, linked] = await Promise.all([
    request.duplicate_of === undefined ? undefined : model.requests.get(request.duplicate_of),
    model.requests.where('duplicate_of').equals(request._id).toArray(),
  ]);
  return {
    kept: kept ? requestOfRow(kept) : null,
    duplicates: duplicatesLinkedTo(request._id, linked.map(requestOfRow)),
  };
}

/** A possible duplicate with the request it is, as the device holds it. */
export type PossibleDuplicate = DuplicateMatch & { request: RequestDoc };

/** The requests `id` may duplicate, oldest first, each with what matched and the request itself. */
export async function possibleDuplicates(
  model: ReadModelDb,
  id: string,
): Promise<PossibleDuplicate[]> {
  const matches = await duplicatesFor(model, id);
  const rows = await model.requests.bulkGet(matches.map((m) => m.id));
  return matches.flatMap((m, i) => {
    const row = rows[i];
    return row ? [{ ...m, request: requestOfRow(row) }] : [];
  });
}
