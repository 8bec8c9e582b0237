/**
 * Keeps the refusal log (refusal-log-store.ts) following the sync status while a staff page is
 * open, so a refusal is recorded, with what it was about, before its document can be purged.
 */
import type { DeviceSession } from '../device-session.svelte.ts';
import { dismissOrphaned, updateRefusalLog } from './refusal-log-store.ts';
import type { LoggedRefusal } from './refusal-log.ts';

export function trackRefusals(session: () => DeviceSession | null) {
  let entries = $state<LoggedRefusal[]>([]);
  $effect(() => {
    const s = session();
    if (s === null) return;
    const denied = s.status.current.denied;
    void updateRefusalLog(s.device.dbs.local, s.device.dbs.model, denied).then(
      (e) => (entries = e),
      (e: unknown) => console.error('refusal log failed', e),
    );
  });
  return {
    get current() {
      return entries;
    },
    async dismiss(present: (requestId: string) => boolean) {
      const s = session();
      if (s) entries = await dismissOrphaned(s.device.dbs.local, present);
    },
  };
}
