/**
 * The server's refusals of this device's writes that concern one request: the request itself and
 * the notes, history and contact that belong to it (doc-ids.ts puts the request in their ids). The
 * sync status lists refusals for the whole device; a request's page shows its own, in words.
 */
import { docClassOf, requestIdOf } from '#domain/documents/doc-ids.ts';
import type { SyncSnapshot } from '../sync/status/sync-snapshot.ts';

export type Refusal = {
  id: string;
  what: 'request' | 'note' | 'event' | 'contact';
  reason: string;
};

export function refusalsOf(requestId: string, denied: SyncSnapshot['denied']): Refusal[] {
  return denied.flatMap(({ id, reason }) => {
    const what = docClassOf(id);
    if (what === null || what === 'volunteer' || what === 'area') return [];
    return requestIdOf(id) === requestId ? [{ id, what, reason }] : [];
  });
}

/** The requests with at least one refused write, to mark them in a list. */
export function refusedRequests(denied: SyncSnapshot['denied']): Set<string> {
  return new Set(denied.flatMap(({ id }) => requestIdOf(id) ?? []));
}
