/**
 * `GET /api/staff-names`: the names of the coordinators and admins the signed-in member of staff may
 * know (#domain/access/staff-names.ts), keyed by the id documents name them by, so their device shows
 * who wrote a note, changed a task or took a call. Accounts never leave the server otherwise: only
 * id, name and role are given, never a username, an area or anything of the login. The device keeps
 * the answer to read offline (src/lib/staff/work/staff-names.ts).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { mayKnowStaffName } from '#domain/access/staff-names.ts';
import type { StaffRole } from '#domain/people/account-rules.ts';
import { listAccounts } from '../accounts/account-store.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import { methodNotAllowed } from '../http/api-error.ts';
import { toPolicyUser } from '../replication/policy-user.ts';
import type { MutableDocStore, ReplicatedDb } from '../storage/storage.ts';

export type StaffName = { id: string; name: string; role: StaffRole };

export type StaffNamesOptions = {
  db: ReplicatedDb;
  accounts: MutableDocStore;
  requireSession: MiddlewareHandler<SessionEnv>;
};

export function staffNamesRoutes({ db, accounts, requireSession }: StaffNamesOptions): Hono {
  const routes = new Hono<SessionEnv>();
  routes.use(requireSession);
  routes.get('/', async (c) => {
    const viewer = await toPolicyUser(db, c.var.user);
    const names: StaffName[] = [];
    for (const account of await listAccounts(accounts)) {
      const other = { id: staffUserId(account.username), role: account.role, areas: account.areas };
      if (mayKnowStaffName(viewer, other)) {
        names.push({ id: other.id, name: account.display_name, role: account.role });
      }
    }
    // Names of people: for this session only, never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.json({ names }, 200);
  });
  routes.all('/', methodNotAllowed(['GET', 'HEAD']));
  return routes;
}
