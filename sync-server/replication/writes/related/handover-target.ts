/**
 * A write that hands a request to another area must name an area that exists (handover/
 * hand-over.ts): a device knows the areas it has synced, a hostile client could name any slug and
 * leave the request where no coordinator sees it. Judged against the stored areas now.
 */
import { areaDocId } from '#domain/documents/doc-ids.ts';
import type { ForbiddenReason } from '#domain/forbidden-reasons.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { ReplicatedDb } from '../../../storage/storage.ts';

/** Why `after` may not move the request to its area, or null (also when it does not move it). */
export async function handoverTargetProblem(
  db: ReplicatedDb,
  before: RequestDoc | null,
  after: RequestDoc,
): Promise<ForbiddenReason | null> {
  if (before === null || after.area === before.area || after.area === null) return null;
  try {
    const area = (await db.get(areaDocId(after.area))) as { type?: unknown };
    return area.type === 'area' ? null : 'unknown_area';
  } catch {
    return 'unknown_area'; // missing or deleted
  }
}
