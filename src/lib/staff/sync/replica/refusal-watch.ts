/**
 * The remote as the replications see it. PouchDB asks `info()` when a replication starts and after
 * each pulled batch, and its http adapter resolves a 401/403 answer as if it were the info. A
 * disabled account's first 403 also clears its cookie, so every later request is a 401: the 403
 * must not be lost there, or the device takes a disabled account for an ended session (and keeps
 * what it held). The first such answer is kept (`refusal()`) and `onRefusal` stops the replication.
 *
 * A 403 can also come to a request whose error PouchDB does not pass on as it was (a checkpoint
 * read, say), so the remote's own fetch (device-db.ts) reports every 403 here (`noteRefusal`).
 */
import { infoRefusalStatus } from '../status/sync-snapshot.ts';

export type Refusal = Error & { status: number };

const seen = new WeakMap<object, Refusal>();
const listeners = new WeakMap<object, Set<() => void>>();

/** Whether the remote's fetch has met a 403: a later 401 is then the same disabled account. */
export const wasRefused = (remote: object): boolean => seen.has(remote);

/** The remote's fetch got a 403 (account disabled): kept for whoever watches that remote. */
export function noteRefusal(remote: object, reason = 'forbidden'): void {
  if (seen.has(remote)) return;
  seen.set(remote, Object.assign(new Error(reason), { name: 'forbidden', status: 403 }));
  for (const listener of listeners.get(remote) ?? []) listener();
}

export function watchRefusals(remote: PouchDB.Database, onRefusal: () => void) {
  let refusal: Refusal | null = null;
  const server = new Proxy(remote, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'info') return (value as () => unknown).bind(target);
      return async () => {
        const info = await target.info();
        const status = infoRefusalStatus(info);
        if (status !== undefined && !refusal) {
          const { error, reason } = info as unknown as { error: string; reason?: string };
          refusal = Object.assign(new Error(reason ?? error), { name: error, status });
          onRefusal();
        }
        return info;
      };
    },
  });
  let heard = listeners.get(remote);
  if (heard === undefined) listeners.set(remote, (heard = new Set()));
  heard.add(onRefusal);
  return {
    server,
    refusal: (): Refusal | null => refusal ?? seen.get(remote) ?? null,
    stop: () => heard.delete(onRefusal),
  };
}
