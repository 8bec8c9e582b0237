/**
 * `GET /api/staff-names`: the display names the signed-in member of staff may know
 * (#domain/access/staff-names.ts), keyed by the id documents name people by, so their device says
 * who took a call, wrote a note or changed a task rather than "a member of staff". Coordinators'
 * and admins' accounts never leave the server otherwise, and a volunteer's device holds no profile
 * but their own. Only id and name are given: never a username, role, area, phone or anything of
 * the login. The device keeps the answer to read offline (src/lib/staff/staff-names.ts).
 *
 * "Acted on what they may read" is judged on the routing index `/db` reads by (the same `canRead`,
 * through ReadFilter), from the actors it keeps: notes' and events' authors, a request's status
 * stamp and assignment log. Every staff edit leaves an event (records/history.ts), so for
 * coordinators and admins, who read a request's events, that is everyone who changed it. A
 * volunteer reads only their own events, so an outside coordinator whose only trace on their task
 * is an older stamp (one who took the call, say, and handed it to this area) stays "a member of
 * staff" to them: the index keeps no more of a request's stamps than routing needs.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { actorsOf, mayKnowStaffName, type ActedOn } from '#domain/access/staff-names.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { listAccounts } from '../accounts/account-store.ts';
import type { SessionEnv } from '../accounts/sessions/require-session.ts';
import { staffUserId } from '../accounts/staff-user-id.ts';
import { methodNotAllowed } from '../http/api-error.ts';
import { toPolicyUser } from '../replication/policy-user.ts';
import { ReadFilter } from '../replication/reads/read-filter.ts';
import type { RoutingIndex } from '../replication/routing/routing-index.ts';
import type { MutableDocStore, ReplicatedDb } from '../storage/storage.ts';

export type StaffName = { id: string; name: string };

export type StaffNamesOptions = {
  /** The routing index `/db` judges reads on (replication/routing/). */
  index: RoutingIndex;
  db: ReplicatedDb;
  /** The server-only database, where accounts and their names are. */
  accounts: MutableDocStore;
  requireSession: MiddlewareHandler<SessionEnv>;
  now: () => Date;
};

/** Everyone who acted on a live document `viewer` may read now. */
async function actorsReadBy(index: RoutingIndex, viewer: StaffUser, now: string) {
  const filter = new ReadFilter(index, viewer, now);
  await filter.current();
  const actors = new Set<string>();
  for (const entry of index.entries()) {
    if (entry.deleted || entry.routing === null || !filter.canSee(entry)) continue;
    for (const id of actorsOf(entry.routing as ActedOn)) actors.add(id);
  }
  return actors;
}

export function staffNamesRoutes(options: StaffNamesOptions): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  routes.use(options.requireSession);
  routes.get('/', async (c) => {
    const viewer = await toPolicyUser(options.db, c.var.user);
    const acted = await actorsReadBy(options.index, viewer, options.now().toISOString());
    const names: StaffName[] = [];
    for (const account of await listAccounts(options.accounts)) {
      const other = { id: staffUserId(account.username), role: account.role, areas: account.areas };
      if (mayKnowStaffName(viewer, other, acted.has(other.id))) {
        names.push({ id: other.id, name: account.display_name });
      }
    }
    // Names of people: for this session only, never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.json({ names }, 200);
  });
  routes.all('/', methodNotAllowed(['GET', 'HEAD']));
  return routes;
}
