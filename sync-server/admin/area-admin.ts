/**
 * Areas as an admin keeps them: read every one, create one, change one. Areas are replicated
 * documents (every device reads them), written here by the server on the admin's behalf, so the
 * admin's own device gets them back through `/db` like everyone else's. The domain judges the
 * input (#domain/admin/area-input.ts); this adds what only the server knows: whether the operator's
 * imported postcode table has each district.
 */
import * as v from 'valibot';
import { areaDocSchema, type AreaDoc } from '#domain/areas/area-doc.ts';
import { judgeArea, type AreaInput, type AreaJudgement } from '#domain/admin/area-input.ts';
import { areaDocId } from '#domain/documents/doc-ids.ts';
import { districtDocId, tableInfoId, type DistrictDoc } from '../geo/postcode-table.ts';
import type { MutableDocStore, ReplicatedDb } from '../storage/storage.ts';

export async function storedAreas(db: ReplicatedDb): Promise<AreaDoc[]> {
  const all = await db.allDocs({ startkey: 'area:', endkey: 'area:\ufff0', include_docs: true });
  return all.rows.flatMap((row) => {
    const parsed = v.safeParse(areaDocSchema, row.doc);
    return parsed.success ? [parsed.output] : [];
  });
}

/** With a table imported (`npm run geo -- import`), a district it does not hold does not exist. */
async function missingDistrict(
  serverOnly: MutableDocStore,
  districts: readonly string[],
): Promise<string | undefined> {
  if ((await serverOnly.get(tableInfoId)) === null) return undefined;
  for (const district of districts) {
    const doc = await serverOnly.get<DistrictDoc>(districtDocId(district));
    if (doc === null || doc.withdrawn) return district;
  }
  return undefined;
}

export type AreaSave = AreaJudgement | { ok: false; missing: true };

/** Creates (`id` null) or changes the area; `missing` when the area to change is not there. */
export async function saveArea(
  db: ReplicatedDb,
  serverOnly: MutableDocStore,
  id: string | null,
  input: AreaInput,
): Promise<AreaSave> {
  const areas = await storedAreas(db);
  const current = id === null ? undefined : areas.find((a) => a._id === areaDocId(id));
  if (id !== null && current === undefined) return { ok: false, missing: true };
  const judged = judgeArea(input, id, areas);
  if (!judged.ok) return judged;
  const unknown = await missingDistrict(serverOnly, judged.doc.postcode_districts ?? []);
  if (unknown !== undefined) {
    return { ok: false, fields: { postcode_districts: 'unknown_district' }, district: unknown };
  }
  try {
    await db.put({ ...judged.doc, ...(current?._rev ? { _rev: current._rev } : {}) });
  } catch (error) {
    // Another admin made or changed it in between: the same answer as a name already taken.
    if ((error as { status?: number }).status === 409) {
      return { ok: false, fields: { name_en: 'taken' } };
    }
    throw error;
  }
  return judged;
}
