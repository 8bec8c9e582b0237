/**
 * Bounds on the revision history a replicator sends with a document (`_revisions`, with
 * `new_edits: false`). CouchDB trusts its peers here; Cymorth's server cannot, since any signed-in
 * device (a pending sign-up included) writes through it. Without these checks a history of
 * 250,000 ids stalls the server while it is read, and a `start` near the revision format's limit
 * freezes the document: the next edit's generation no longer fits `revSchema`, so nobody, an
 * admin included, can change it again.
 * https://docs.couchdb.org/en/stable/api/database/bulk-api.html#posting-existing-revisions
 */
import { revGeneration } from '../documents/couch-fields.ts';

/** CouchDB's default `revs_limit`: a device never needs to send more history than this. */
export const maxRevisionIds = 1000;

/**
 * The highest generation a replicated revision may have: far above any real document (one edit a
 * second for three years) and far below the format's 999,999,999, so the server can always
 * write the edits that follow.
 */
export const maxGeneration = 100_000_000;

export type History = { start: number; ids: string[] };

/** The revisions a history names, newest first: `["3-c…", "2-b…", "1-a…"]`. */
export function revisionsOf(history: History): string[] {
  return history.ids.map((id, i) => `${history.start - i}-${id}`);
}

/** The revisions a document names: its history when it carries one, else its own `_rev`. */
export function revisionsNamedBy(doc: { _rev?: string; _revisions?: History }): string[] {
  return doc._revisions === undefined ? [doc._rev ?? ''] : revisionsOf(doc._revisions);
}

/**
 * Why this history cannot be taken, or null. It must name `rev` first, hold at most
 * `maxRevisionIds` distinct ids that fit above generation 0, and stay under `maxGeneration`.
 * `storedGeneration` is the stored winner's (0 for a new document): a revision may grow from
 * there by at most the ids it brings, so no write jumps a document to the top of the range.
 */
export function historyProblem(
  rev: string | undefined,
  history: History | undefined,
  storedGeneration: number,
): 'invalid_history' | null {
  if (history === undefined) {
    if (rev === undefined) return null;
    return revGeneration(rev) <= storedGeneration + 1 ? null : 'invalid_history';
  }
  const { start, ids } = history;
  const consistent =
    rev === `${start}-${ids[0]}` &&
    ids.length <= maxRevisionIds &&
    ids.length <= start &&
    new Set(ids).size === ids.length;
  if (!consistent || start > maxGeneration) return 'invalid_history';
  return start <= storedGeneration + ids.length ? null : 'invalid_history';
}
