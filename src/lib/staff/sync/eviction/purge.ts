/**
 * Documents that have left this user's view (unassigned, closed past retention) are purged from
 * the device (docs/architecture.md, "Access"): every leaf revision is removed from the local PouchDB, leaving no
 * tombstone to replicate, and the rows go from the read model. The input is the list of ids the
 * server names; how it names them is being designed on the server side.
 */
import { removeRows, type ReadModelDb } from '../../data/model/read-model.ts';

type Purgeable = {
  get(id: string, opts: { open_revs: 'all' }): Promise<Array<{ ok?: { _rev?: string } }>>;
  purge(id: string, rev: string): Promise<unknown>;
};

/** Purges each id's leaves; returns the ids actually purged (unknown ids are skipped). */
export async function purgeFromDevice(
  db: PouchDB.Database,
  model: ReadModelDb,
  ids: string[],
): Promise<string[]> {
  const pouch = db as unknown as Purgeable;
  const purged: string[] = [];
  for (const id of new Set(ids)) {
    const leaves = await pouch.get(id, { open_revs: 'all' }).catch(() => []);
    const revs = leaves.flatMap((l) => (l.ok?._rev ? [l.ok._rev] : []));
    if (revs.length === 0) continue;
    for (const rev of revs) await pouch.purge(id, rev);
    purged.push(id);
  }
  await removeRows(model, [...new Set(ids)]);
  return purged;
}
