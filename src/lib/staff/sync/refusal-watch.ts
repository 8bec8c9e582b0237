/**
 * The remote as the replications see it. PouchDB asks `info()` when a replication starts and after
 * each pulled batch, and its http adapter resolves a 401/403 answer as if it were the info. A
 * disabled account's first 403 also clears its cookie, so every later request is a 401: the 403
 * must not be lost there, or the device takes a disabled account for an ended session (and keeps
 * what it held). The first such answer is kept (`refusal()`) and `onRefusal` stops the replication.
 */
import { infoRefusalStatus } from './sync-snapshot.ts';

export type Refusal = Error & { status: number };

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
  return { server, refusal: (): Refusal | null => refusal };
}
