/**
 * The areas the device knows, as the domain's documents. Every user reads every area (access/access.ts)
 * and there are tens of them, so the list is read whole; its order is the page's, by name in the
 * page's language.
 */
import type { AreaDoc } from '#domain/areas/area-doc.ts';
import { docOfRow } from './model/projections.ts';
import type { ReadModelDb } from './model/read-model.ts';

/** Each area by its id without the `area:` prefix (`ceredigion`), as requests and profiles name it. */
export async function areasById(model: ReadModelDb): Promise<Map<string, AreaDoc>> {
  const rows = await model.areas.toArray();
  return new Map(rows.map((row) => [row.id.replace(/^area:/, ''), docOfRow<AreaDoc>(row)]));
}
