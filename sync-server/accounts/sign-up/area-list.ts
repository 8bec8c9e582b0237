/**
 * `GET /api/areas`: every area's id and its Welsh and English names, for the volunteer sign-up form
 * (which is used before there is an account, so it is public). Area names are places, not people;
 * postcode districts are left out, as the form does not need them. A stored area that fails its
 * schema is left out rather than shown half-formed.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { areaDocSchema } from '#domain/areas/area-doc.ts';
import { methodNotAllowed } from '../../http/api-error.ts';
import type { ReplicatedDb } from '../../storage/storage.ts';

export type AreaListing = { id: string; name_cy: string; name_en: string };

export async function listAreas(db: ReplicatedDb): Promise<AreaListing[]> {
  const all = await db.allDocs({ startkey: 'area:', endkey: 'area:\ufff0', include_docs: true });
  return all.rows.flatMap((row) => {
    const parsed = v.safeParse(areaDocSchema, row.doc);
    // An area an admin made inactive takes no new volunteers.
    if (!parsed.success || parsed.output.active === false) return [];
    const { _id, name_cy, name_en } = parsed.output;
    return [{ id: _id.slice('area:'.length), name_cy, name_en }];
  });
}

export function areaListRoutes(db: ReplicatedDb): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    // Areas change rarely, but a new one should reach the form within the minute.
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ areas: await listAreas(db) }, 200);
  });
  routes.all('/', methodNotAllowed(['GET', 'HEAD']));
  return routes;
}
