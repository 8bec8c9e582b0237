/**
 * The first audit log: one document per entry in the server-only database (never replicated to a
 * device), `audit:<time>:<random>`, written with `putIfAbsent` and never changed or removed by
 * the service, so the log only grows. Ids sort by time, so a reader pages through them in order
 * (`idsWithPrefix('audit:')`).
 */
import { randomUUID } from 'node:crypto';
import type { DocStore } from '../storage/storage.ts';
import type { AuditEntry, AuditLog } from './audit-log.ts';

export type StoredAuditEntry = AuditEntry & { _id: string; type: 'audit'; at: string };

export function storedAuditLog(store: DocStore, now: () => Date): AuditLog {
  return {
    async record(entry) {
      const at = now().toISOString();
      const doc: StoredAuditEntry = {
        _id: `audit:${at}:${randomUUID()}`,
        type: 'audit',
        at,
        ...entry,
      };
      await store.putIfAbsent(doc);
    },
  };
}
