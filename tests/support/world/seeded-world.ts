/**
 * The small world (world.ts) on a real server: real accounts play its parts (Cath coordinates
 * Ceredigion, Vera and Owen volunteer there, Gwen coordinates Gwynedd), and five of its requests,
 * with their contacts, notes, an event, the volunteers' profiles and the area, are stored straight
 * into the replicated database. The suites name the requests by whose they are: `veras` is the
 * world's `mine` with Vera in the part of the volunteer.
 */
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { TestServer } from '../server/test-server.ts';
import { area, contactFor, coordinatorId, event, note, profile } from '../factories.ts';
import { seed, staff } from '../staff/replication-fixtures.ts';
import { buildWorld } from './world.ts';

export async function seedWorld(server: TestServer) {
  const [cath, vera, owen, gwen] = await Promise.all([
    staff(server, 'cath', 'coordinator', ['ceredigion']),
    staff(server, 'vera', 'volunteer', ['ceredigion']),
    staff(server, 'owen', 'volunteer', ['ceredigion']),
    staff(server, 'gwen', 'coordinator', ['gwynedd']),
  ]);
  const world = buildWorld({
    coordinator: cath.user,
    volunteer: vera.user,
    otherVolunteer: owen.user,
  });
  const requests = {
    open: world.requests.triaged,
    veras: world.requests.mine,
    owens: world.requests.others,
    north: world.requests.north,
    done: world.requests.mineDone,
  };
  const { open, veras, owens, north, done } = requests;
  const docs: StaffDoc[] = [
    open,
    veras,
    owens,
    north,
    done,
    ...[open, veras, owens, north, done].map(contactFor),
    note(veras, coordinatorId, true),
    note(veras, coordinatorId, false),
    note(owens, coordinatorId, true),
    event(veras, vera.user.id),
    profile(vera.user.id, ['ceredigion']),
    profile(owen.user.id, ['ceredigion']),
    area('ceredigion'),
  ];
  await seed(server, docs);
  return { cath, vera, owen, gwen, docs, requests };
}
