/**
 * The file of changes that have not reached the server (issue 12, "Keeping data on devices safe"):
 * offered once a change has waited a day to upload, so a device that is lost, or cleared by its
 * browser, loses nothing a coordinator was given. Each document goes in with its revision history
 * (`_revisions`), so an import that writes it as replication does (`bulkDocs` with
 * `new_edits: false`) puts on the server the very revisions this device would have pushed, and a
 * later push of them changes nothing. The import side is not built yet.
 */
import { timesOf } from '#domain/replication/write-integrity.ts';

export const unsentFileFormat = 'cymorth-unsent-changes';
/** How long a change waits before the file is offered. */
export const waitedTooLongMs = 24 * 60 * 60 * 1000;

export type UnsentDoc = { _id: string; _rev?: string; [field: string]: unknown };

/** The unsent leaves (upload-ledger.ts `unsent`) read from the replica, with their histories. */
export async function readUnsent(
  local: PouchDB.Database,
  unsent: Map<string, string[]>,
): Promise<UnsentDoc[]> {
  if (unsent.size === 0) return [];
  const docs = [...unsent].flatMap(([id, revs]) => revs.map((rev) => ({ id, rev })));
  const { results } = await local.bulkGet({ docs, revs: true });
  return results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok as UnsentDoc] : [])));
}

/**
 * When a document was last changed, as far as it tells: the latest time it carries (stamps,
 * `…_at`, write-integrity.ts `timesOf`) not after `now`, as epoch ms; `null` when it carries none
 * (a deletion). Times ahead of `now` are left out: a wrong clock must not hide a day's wait.
 */
export function changedAt(doc: object, now: Date): number | null {
  let latest: number | null = null;
  for (const at of timesOf(doc).values()) {
    const ms = Date.parse(at);
    if (Number.isNaN(ms) || ms > now.getTime()) continue;
    if (latest === null || ms > latest) latest = ms;
  }
  return latest;
}

/** Whether any unsent document was last changed a day or more before `now`. */
export function hasWaitedADay(docs: object[], now: Date): boolean {
  return docs.some((doc) => {
    const at = changedAt(doc, now);
    return at !== null && now.getTime() - at >= waitedTooLongMs;
  });
}

/** The file to download: its name (by account id and date, never a username) and its text. */
export function unsentFile(
  docs: UnsentDoc[],
  userId: string,
  now: Date,
): { name: string; text: string } {
  const exportedAt = now.toISOString();
  const text = JSON.stringify(
    { format: unsentFileFormat, version: 1, exported_at: exportedAt, user_id: userId, docs },
    null,
    1,
  );
  return { name: `cymorth-unsent-${exportedAt.slice(0, 10)}-${userId.slice(0, 8)}.json`, text };
}
