/**
 * The retention settings (#domain/admin/retention-settings.ts) in the server-only database, one
 * document, `settings:retention`. Until an admin saves them, the domain's defaults stand. The
 * retention work to come reads them here.
 */
import * as v from 'valibot';
import {
  defaultRetention,
  retentionSchema,
  type RetentionSettings,
} from '#domain/admin/retention-settings.ts';
import type { MutableDocStore, StoredDoc } from '../storage/storage.ts';

export const retentionDocId = 'settings:retention';

type RetentionDoc = StoredDoc & RetentionSettings & { type: 'settings'; updated_at: string };

export async function readRetention(store: MutableDocStore): Promise<RetentionSettings> {
  const doc = await store.get<RetentionDoc>(retentionDocId);
  if (doc === null) return defaultRetention;
  const { finished_task_days, personal_data_days_after_close } = doc;
  const parsed = v.safeParse(retentionSchema, {
    finished_task_days,
    personal_data_days_after_close,
  });
  return parsed.success ? parsed.output : defaultRetention;
}

export async function writeRetention(
  store: MutableDocStore,
  settings: RetentionSettings,
  at: string,
): Promise<void> {
  const doc: RetentionDoc = { _id: retentionDocId, type: 'settings', ...settings, updated_at: at };
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.get(retentionDocId);
    const written = current?._rev
      ? await store.replace({ ...doc, _rev: current._rev as string })
      : await store.putUnlessLive(doc);
    if (written !== 'conflict' && written !== 'exists') return;
  }
  throw new Error('The settings kept changing under us; try again');
}
