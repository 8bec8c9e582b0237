/**
 * One small world for the replication suite: a coordinator and two volunteers in Ceredigion, a
 * coordinator in Gwynedd, and requests in every state that matters to who may read what.
 */
import { setRegister } from '#domain/requests/edits.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { TestServer } from '../server/test-server.ts';
import {
  area,
  at,
  contactFor,
  coordinatorId,
  event,
  note,
  profile,
  request,
} from '../factories.ts';
import { seed, staff } from '../staff/replication-fixtures.ts';

export async function seedWorld(server: TestServer) {
  const [cath, vera, owen, gwen] = await Promise.all([
    staff(server, 'cath', 'coordinator', ['ceredigion']),
    staff(server, 'vera', 'volunteer', ['ceredigion']),
    staff(server, 'owen', 'volunteer', ['ceredigion']),
    staff(server, 'gwen', 'coordinator', ['gwynedd']),
  ]);
  const open = request({ area: 'ceredigion', status: 'triaged' });
  const veras = request({ area: 'ceredigion', status: 'assigned', assignee: vera.user.id });
  const owens = request({ area: 'ceredigion', status: 'assigned', assignee: owen.user.id });
  const north = request({ area: 'gwynedd', status: 'new' });
  const done = setRegister(
    request({ area: 'ceredigion', status: 'in_progress', assignee: vera.user.id }),
    'status',
    'done',
    vera.user.id,
    at(30),
  );
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
  return { cath, vera, owen, gwen, docs, requests: { open, veras, owens, north, done } };
}
