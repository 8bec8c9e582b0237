/**
 * Refusals the user must still be told about after the document is gone from the device. The sync
 * layer drops a refusal when it purges the document (a claim refused because the volunteer was
 * taken off the area leaves their view at once), which would make the refusal a silent drop
 * (docs/architecture.md, "Access"). So the work screens keep their own log: every refusal seen, described
 * while the request is still on the device, kept until the user dismisses it, and dropped by itself
 * only when the sync status no longer lists it while the request is still here (a later revision
 * was accepted).
 */
import { docClassOf, requestIdOf } from '#domain/documents/doc-ids.ts';
import type { RequestKind } from '#domain/questions/request-fields.ts';
import type { SyncSnapshot } from '../sync/status/sync-snapshot.ts';
import type { Refusal } from './refusals.ts';

export type LoggedRefusal = Refusal & {
  requestId: string;
  /** What the request was, to name it once it is gone. */
  reference: string | null;
  kind: RequestKind | null;
};

export type Described = { reference: string; kind: RequestKind } | null;

const key = (r: { id: string; reason: string }) => `${r.id}\u0000${r.reason}`;

/**
 * The log after the sync status says `denied`: new refusals added (described by `describe`), and
 * resolved ones dropped. `present` says whether a request is still on the device.
 */
export function nextLog(
  log: readonly LoggedRefusal[],
  denied: SyncSnapshot['denied'],
  describe: (requestId: string) => Described,
  present: (requestId: string) => boolean,
): LoggedRefusal[] {
  const listed = new Set(denied.map(key));
  const kept = log.filter((r) => listed.has(key(r)) || !present(r.requestId));
  const known = new Set(kept.map(key));
  const added = denied.flatMap(({ id, reason }): LoggedRefusal[] => {
    const what = docClassOf(id);
    const requestId = requestIdOf(id);
    if (known.has(key({ id, reason })) || requestId === null) return [];
    if (what !== 'request' && what !== 'note' && what !== 'event' && what !== 'contact') return [];
    const about = describe(requestId);
    return [
      {
        id,
        what,
        reason,
        requestId,
        reference: about?.reference ?? null,
        kind: about?.kind ?? null,
      },
    ];
  });
  return [...kept, ...added];
}

/** Refusals of requests that are no longer on the device: the ones only this log remembers. */
export function orphaned(
  log: readonly LoggedRefusal[],
  present: (requestId: string) => boolean,
): LoggedRefusal[] {
  return log.filter((r) => !present(r.requestId));
}
