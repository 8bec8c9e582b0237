/** The admin suite's calls: JSON to `/api/admin/…` with a session cookie. */
import type { Storage } from '../../../sync-server/storage/storage.ts';

export function adminCall(
  url: string,
  cookie: string | undefined,
  method: string,
  path: string,
  body?: unknown,
) {
  return fetch(`${url}/api/admin${path}`, {
    method,
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const ceredigion = {
  name_cy: 'Ceredigion',
  name_en: 'Ceredigion',
  postcode_districts: ['SY23', 'SY24'],
  active: true,
};

export async function auditEntries(storage: Storage) {
  const ids = await storage.serverOnly.idsWithPrefix('audit:');
  return Promise.all(
    ids.map((id) => storage.serverOnly.get<{ _id: string; [field: string]: unknown }>(id)),
  );
}
