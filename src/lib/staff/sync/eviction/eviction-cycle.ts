/**
 * Purging what left the user's view (docs/architecture.md, "Access"), one cycle after each pull and on a
 * timer (retention ends with time, not with a change the pull would see): ask the server what left
 * since the stored token, carry out `planEvictionCycle`, and store the new token only once the
 * purge is done, so a cycle cut short is simply asked again. The token lives in a `_local`
 * document of the replica: never replicated, and gone with the replica when it is wiped. A device's
 * first cycle (no token yet) reconciles its replica with what the server lists for it now.
 *
 * Pitfalls, and how each is met:
 * - A purged document is not pulled again from an old checkpoint: the server no longer serves it,
 *   and the read model never re-projects it, because `purge` adds nothing to the changes feed and
 *   its rows are removed again once the read model is idle (a batch read before the purge could
 *   otherwise write them back).
 * - No tombstones: `purge` removes the document and its history, so the push has nothing to send
 *   and a later return is a new document to the replicator. The server's changes feed lists a
 *   request's children again when the request enters a view, past any checkpoint.
 * - A document pulled while the cycle ran may be newer than the list (it left and came back): it
 *   is fetched again after the purge and kept only if the server still serves it.
 */
import {
  idsLeftOnReset,
  idsToRefetch,
  planEvictionCycle,
  type EndReason,
} from './eviction-plan.ts';
import { errorStatus } from '../status/sync-snapshot.ts';

import { evictionTokenId } from '../replica/local-doc-ids.ts';
type TokenDoc = { _id: string; _rev?: string; since: string };

export type EvictionCycleDeps = {
  local: PouchDB.Database;
  remote: PouchDB.Database;
  /** `GET /db/_evictions` on this origin, with the session cookie. */
  origin: string;
  /** Local changes neither on the server nor refused by it, counted afresh. */
  uploadable: () => Promise<number>;
  /** Purges from the replica and the read model; returns the ids actually purged. */
  purge: (ids: string[]) => Promise<string[]>;
  /** Sync must stop: the session ended or the account is disabled. */
  onEnd: (reason: EndReason) => void;
};

export async function readToken(local: PouchDB.Database): Promise<string | null> {
  return local.get<TokenDoc>(evictionTokenId).then(
    (d) => d.since,
    () => null,
  );
}

export async function writeToken(local: PouchDB.Database, since: string): Promise<void> {
  const old = await local.get<TokenDoc>(evictionTokenId).catch(() => null);
  await local.put<TokenDoc>({ _id: evictionTokenId, _rev: old?._rev, since });
}

async function ask(origin: string, since: string) {
  try {
    const res = await fetch(`${origin}/db/_evictions?since=${encodeURIComponent(since)}`, {
      credentials: 'include',
      headers: { accept: 'application/json' },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  } catch {
    return { status: 0 };
  }
}

/**
 * Writes the server's current revision of each id, or purges it again when the server has none for
 * us (404). Any other failure throws, so the token stays and the next cycle asks again.
 */
async function refetch(deps: EvictionCycleDeps, ids: string[]): Promise<void> {
  for (const id of ids) {
    const doc = await deps.remote.get(id, { revs: true }).catch((e: unknown) => {
      if (errorStatus(e) === 404) return null;
      throw e;
    });
    if (doc === null) await deps.purge([id]);
    else await deps.local.bulkDocs([doc], { new_edits: false });
  }
}

export function evictionCycle(deps: EvictionCycleDeps) {
  const pulled = new Set<string>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function once(): Promise<void> {
    pulled.clear();
    const since = await readToken(deps.local);
    // `now`: the server's current seq as a first token, without a scan of all history.
    const reply = await ask(deps.origin, since ?? 'now');
    const plan = planEvictionCycle(reply, await deps.uploadable(), since !== null);
    if (stopped) return;
    switch (plan.kind) {
      case 'end':
        stopped = true;
        deps.onEnd(plan.reason);
        return;
      case 'skip':
      case 'wait':
        return;
      case 'reset': {
        const local = (await deps.local.allDocs()).rows.map((r) => r.id);
        const remote = (await deps.remote.allDocs()).rows.map((r) => r.id);
        const purged = await deps.purge(idsLeftOnReset(local, remote));
        await refetch(deps, idsToRefetch(purged, pulled));
        break;
      }
      case 'purge': {
        const purged = await deps.purge(plan.ids);
        await refetch(deps, idsToRefetch(purged, pulled));
        break;
      }
    }
    await writeToken(deps.local, plan.next);
  }

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = once()
      .catch((e: unknown) => console.error('eviction cycle failed', e))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void run();
        }
      });
    return running;
  };

  return {
    run,
    /** The pull wrote these ids (replication 'change' events). */
    pulled: (ids: string[]) => {
      for (const id of ids) pulled.add(id);
    },
    stop: () => {
      stopped = true;
    },
  };
}
