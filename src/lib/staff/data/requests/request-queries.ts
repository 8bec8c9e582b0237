/**
 * Requests as the screens read them, by key: one, a few, or how many the device holds. Each returns
 * the domain's documents (`requestOfRow`), never the model's rows.
 */
import type { RequestDoc } from '#domain/requests/request.ts';
import { requestOfRow } from '../model/projections.ts';
import type { ReadModelDb } from '../model/read-model.ts';

/** The request with this document id, or null when the device does not hold it. */
export async function requestById(model: ReadModelDb, id: string): Promise<RequestDoc | null> {
  const row = await model.requests.get(id);
  return row ? requestOfRow(row) : null;
}

/** Those of `ids` the device holds, by document id. */
export async function requestsById(
  model: ReadModelDb,
  ids: readonly string[],
): Promise<Map<string, RequestDoc>> {
  const rows = await model.requests.bulkGet([...ids]);
  return new Map(rows.flatMap((row) => (row ? [[row.id, requestOfRow(row)] as const] : [])));
}

/** How many requests the device holds, counted by IndexedDB without reading them. */
export const requestCount = (model: ReadModelDb): Promise<number> => model.requests.count();
