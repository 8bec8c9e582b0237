/** `/api/admin/areas`: list, create and change areas (admin-routes.ts says who may). */
import { Hono, type Context } from 'hono';
import { areaInputSchema } from '#domain/admin/area-input.ts';
import { isAreaId } from '#domain/documents/doc-ids.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { apiError, methodNotAllowed, notFound } from '../http/api-error.ts';
import { invalid, parsedBody, type AdminContext } from './admin-context.ts';
import { saveArea, storedAreas } from './area-admin.ts';

export function areaAdminRoutes(ctx: AdminContext): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  const db = ctx.storage.replicatedDb;

  async function save(c: Context<SessionEnv>, id: string | null) {
    const body = await parsedBody(c, ctx, areaInputSchema);
    if (!body.ok) return body.answer;
    const saved = await saveArea(db, ctx.storage.serverOnly, id, body.value);
    if (!saved.ok) {
      if ('missing' in saved) return notFound(c);
      // The district named goes back with its code, so the page can say which one is wrong.
      const fields = Object.fromEntries(Object.entries(saved.fields));
      return saved.district === undefined
        ? invalid(c, fields)
        : apiError(c, 400, 'invalid_request', `The district ${saved.district} cannot be used.`, {
            ...fields,
            district: saved.district,
          });
    }
    const area = saved.doc;
    await ctx.record(c, id === null ? 'area_created' : 'area_changed', area._id);
    return c.json({ area }, id === null ? 201 : 200);
  }

  routes.get('/', async (c) => c.json({ areas: await storedAreas(db) }, 200));
  routes.post('/', (c) => save(c, null));
  routes.all('/', methodNotAllowed(['GET', 'POST']));
  routes.put('/:id', (c) => {
    const id = c.req.param('id');
    return isAreaId(id) ? save(c, id) : notFound(c);
  });
  routes.all('/:id', methodNotAllowed(['PUT']));
  return routes;
}
