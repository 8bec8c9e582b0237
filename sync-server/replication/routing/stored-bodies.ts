/**
 * Earlier revisions' bodies, as far as compaction has left them: what the routing index falls
 * back on for a bare deletion, and what `_evictions` judges a request's history by.
 */
import type { ReplicatedDb } from '../../storage/storage.ts';
import type { Body } from './index-entry.ts';

export const isLive = (doc: Body | null | undefined): boolean =>
  doc !== null && doc !== undefined && typeof doc.type === 'string';

/**
 * The live bodies (with a `type`) of revision `rev` and its ancestors, newest first, up to `depth`
 * revisions back and at most `wanted` of them, as far as compaction has left them.
 */
export async function storedBodies(
  db: ReplicatedDb,
  id: string,
  rev: string,
  { depth, wanted = depth }: { depth: number; wanted?: number },
): Promise<Body[]> {
  const bodies: Body[] = [];
  try {
    const head = await db.get<Body>(id, { rev, revs: true });
    if (isLive(head)) bodies.push(head);
    const history = head._revisions;
    for (let i = 1; history && i < Math.min(history.ids.length, depth); i++) {
      if (bodies.length >= wanted) break;
      const older = await db.get<Body>(id, { rev: `${history.start - i}-${history.ids[i]}` });
      if (isLive(older)) bodies.push(older);
    }
  } catch {
    // A revision compacted away or never stored: nothing older to judge by.
  }
  return bodies;
}
