/**
 * The hand-over conflicts on this device (handover/late-claim.ts): requests with a claim that
 * arrived after they were handed over, not yet decided. Read through the events' `field` index:
 * late claims are few, so neither the requests nor the events are read whole.
 */
import { openLateClaims, type OpenLateClaim } from '#domain/handover/late-claim.ts';
import type { ReadModelDb } from './model/read-model.ts';
import { requestOfRow, type EventRow } from './model/projections.ts';

/** Each request with an open late claim, by id, with its claims. */
export async function openHandoverConflicts(
  model: ReadModelDb,
): Promise<Map<string, OpenLateClaim[]>> {
  const events = await model.events
    .where('field')
    .anyOf(['late_claim', 'handover_kept'])
    .toArray();
  const byRequest = new Map<string, EventRow[]>();
  for (const e of events) byRequest.set(e.request_id, [...(byRequest.get(e.request_id) ?? []), e]);
  const ids = [...byRequest.keys()].filter((id) =>
    byRequest.get(id)?.some((e) => e.field === 'late_claim'),
  );
  const rows = await model.requests.bulkGet(ids);
  const conflicts = new Map<string, OpenLateClaim[]>();
  for (const row of rows) {
    if (row === undefined) continue;
    const open = openLateClaims(requestOfRow(row), byRequest.get(row.id) ?? []);
    if (open.length > 0) conflicts.set(row.id, open);
  }
  return conflicts;
}
