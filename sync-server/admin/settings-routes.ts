/** `/api/admin/settings/retention`: read and set how long things are kept (settings-store.ts). */
import { Hono } from 'hono';
import { retentionSchema } from '#domain/admin/retention-settings.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { methodNotAllowed } from '../http/api-error.ts';
import { parsedBody, type AdminContext } from './admin-context.ts';
import { readRetention, retentionDocId, writeRetention } from './settings-store.ts';

export function settingsRoutes(ctx: AdminContext): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  const store = ctx.storage.serverOnly;
  routes.get('/retention', async (c) => c.json({ retention: await readRetention(store) }, 200));
  routes.put('/retention', async (c) => {
    const body = await parsedBody(c, ctx, retentionSchema);
    if (!body.ok) return body.answer;
    await writeRetention(store, body.value, ctx.now().toISOString());
    await ctx.record(c, 'settings_changed', retentionDocId, Object.keys(body.value));
    return c.json({ retention: body.value }, 200);
  });
  routes.all('/retention', methodNotAllowed(['GET', 'PUT']));
  return routes;
}
