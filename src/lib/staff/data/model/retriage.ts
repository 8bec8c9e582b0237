/**
 * Triage moves with the date in Wales (days waited, days overdue), not only with the documents:
 * open requests judged on an earlier day are judged again, in batches, so a queue opened on a new
 * day says "waiting 3 days", not 2. Closed requests are never stale (desk-order.ts).
 */
import { londonDate } from '#domain/calendar-days.ts';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import { joinRow } from './desk-rows.ts';
import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type { ContactRow, RequestRow } from './projections.ts';
import { moveTallies } from './tallies.ts';

/** The read model's tables triage reads and writes (read-model.ts, which runs it after each batch). */
type Tables = Dexie & {
  requests: EntityTable<RequestRow, 'id'>;
  contacts: EntityTable<ContactRow, 'id'>;
  meta: EntityTable<{ key: string; value: unknown }, 'key'>;
};

/** Open requests last judged before today in Wales, at most `limit` of them. */
async function staleRequests(model: Tables, now: string, limit: number) {
  return model.requests.where('triage_day').below(londonDate(now)).limit(limit).toArray();
}

/** Judges again every open request judged before today; returns how many it judged. */
export async function retriage(model: Tables, now: string, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await model.transaction('rw', [model.requests, model.contacts, model.meta], async () => {
      const stale = await staleRequests(model, now, batch);
      if (stale.length === 0) return 0;
      const contacts = await model.contacts.bulkGet(stale.map((r) => requestContactId(r.id)));
      const judged = stale.map((r, i) => joinRow(r, contacts[i], now));
      await moveTallies(model, stale, judged);
      await model.requests.bulkPut(judged);
      return stale.length;
    });
    done += n;
    if (n < batch) return done;
  }
}
