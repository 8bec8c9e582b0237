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
    // Until the device has started its status says nothing, and the log waits for it.
    if (s === null || !s.status.known) return;
    const denied = s.status.current.denied;
    void s
      .device()
      .then((device) => updateRefusalLog(device.dbs.local, s.model, denied))
      .then(
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
      if (s) entries = await dismissOrphaned((await s.device()).dbs.local, present);
    },
  };
}
