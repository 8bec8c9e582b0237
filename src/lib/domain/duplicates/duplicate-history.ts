/**
 * What a request's history says about a duplicate link, on both sides of it. The link is part of
 * the status register (mark-duplicate.ts), so there is no event of its own: who made it and when are
 * the status stamp of the request marked. The request marked says it was closed as a duplicate of
 * the one kept; the one kept says which requests were closed as its duplicates. Each side reads the
 * other from the device's read model, so the two histories say the same thing.
 */
import type { RequestDoc } from '../requests/request.ts';

export type DuplicateHistoryEntry = {
  at: string;
  by: string;
  /** `closed_as_duplicate` on the request marked; `duplicate_linked` on the request kept. */
  code: 'closed_as_duplicate' | 'duplicate_linked';
  /** The other request of the pair. */
  id: string;
  /** Its reference, or null when this device does not hold it. */
  reference: string | null;
};

type Linked = Pick<RequestDoc, '_id' | 'reference' | 'duplicate_of' | 'fields_meta'>;

/**
 * The entries for `request`: its own link to `kept` (the request it names, when held), and one for
 * each of `duplicates` that names it; oldest first, then by the other request's id.
 */
export function duplicateHistory(
  request: Linked,
  kept: Pick<RequestDoc, '_id' | 'reference'> | null,
  duplicates: readonly Linked[],
): DuplicateHistoryEntry[] {
  const entries: DuplicateHistoryEntry[] = [];
  if (request.duplicate_of !== undefined) {
    const { at, by } = request.fields_meta.status;
    const reference = kept?._id === request.duplicate_of ? kept.reference : null;
    entries.push({ at, by, code: 'closed_as_duplicate', id: request.duplicate_of, reference });
  }
  for (const d of duplicates) {
    if (d.duplicate_of !== request._id || d._id === request._id) continue;
    const { at, by } = d.fields_meta.status;
    entries.push({ at, by, code: 'duplicate_linked', id: d._id, reference: d.reference });
  }
  return entries.sort((a, b) =>
    a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}
