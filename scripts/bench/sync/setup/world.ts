/**
 * The seeded world every sync figure is measured in: `npm run seed` into a throw-away data
 * directory, and the people whose first sync is timed, chosen by what the access policy lets them
 * read (worked out here with the seeder's own generator and the domain's `canRead`, so the bench
 * knows each view's size before any server answers).
 *
 * Two areas, two coordinators (one area each), 5,800 requests: a coordinator's view is about
 * 20,000 documents (requests, contacts, notes, events) and a volunteer who covers both areas sees
 * about 2,000 (the open requests of both areas and their own tasks) — the sizes the issue asks for.
 */
import path from 'node:path';
import { canRead } from '#domain/access/access.ts';
import { requestIdOf, volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { volunteerAccessAreas, type VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { generate, type SeedShape } from '../../../seed/generate.ts';
import { repoRoot } from '../../common/repo-root.ts';
import { runCommand } from '../../common/run-command.ts';

export type Person = { username: string; user: StaffUser; visibleDocs: number };

export type World = {
  shape: SeedShape;
  dataDir: string;
  seedCommand: string;
  totalDocs: number;
  volunteer: Person;
  coordinator: Person;
  /** Every coordinator, by the area they cover (one area each in this world). */
  coordinatorsByArea: Map<string, Person>;
  /** Approved volunteers with areas, most documents first: the load figures' clients. */
  volunteers: Person[];
  /** Requests assigned (and held) per volunteer id: what a coordinator's edit can reach. */
  heldRequests: Map<string, RequestDoc[]>;
};

const today = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

export const worldShape = (): SeedShape => ({
  requests: 5800,
  volunteers: 260, // about 210 approved with areas: enough for 200 live devices
  areas: 2,
  coordinators: 2,
  seed: 1,
  now: today(),
});

function seedArgs(shape: SeedShape, dataDir: string): string[] {
  return [
    '--requests', String(shape.requests),
    '--volunteers', String(shape.volunteers),
    '--areas', String(shape.areas),
    '--coordinators', String(shape.coordinators),
    '--seed', String(shape.seed),
    '--now', shape.now.toISOString(),
    '--fast-hashes',
    '--data-dir', dataDir,
  ]; // prettier-ignore
}

/** What `user` may read of `docs`, judged as the server's filter judges (children with their request). */
export function countVisible(
  user: StaffUser,
  docs: readonly StaffDoc[],
  byId: Map<string, StaffDoc>,
) {
  const now = new Date().toISOString();
  let n = 0;
  for (const doc of docs) {
    const requestId = requestIdOf(doc._id);
    const related =
      requestId && doc.type !== 'request' ? (byId.get(requestId) as RequestDoc) : undefined;
    if (canRead(user, doc, related, now)) n++;
  }
  return n;
}

export async function seedWorld(dir: string, shape = worldShape()): Promise<World> {
  const dataDir = path.join(dir, 'seeded');
  const args = seedArgs(shape, dataDir);
  await runCommand(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], {
    cwd: repoRoot,
    timeoutMs: 5 * 60_000,
  });

  const { docs, accounts } = generate(shape);
  const byId = new Map<string, StaffDoc>(docs.map((d) => [d._id, d]));
  const person = (username: string, user: StaffUser): Person => ({
    username,
    user,
    visibleDocs: countVisible(user, docs, byId),
  });
  const volunteers: Person[] = [];
  const coordinatorsByArea = new Map<string, Person>();
  for (const account of accounts) {
    if (account.role === 'coordinator') {
      const areas = [...account.areas];
      const user: StaffUser = { id: account.userId, role: 'coordinator', areas, disabled: false };
      const coordinator = person(account.username, user);
      for (const area of areas)
        if (!coordinatorsByArea.has(area)) coordinatorsByArea.set(area, coordinator);
    }
    if (account.role !== 'volunteer') continue;
    const profile = byId.get(volunteerDocId(account.userId)) as VolunteerDoc | undefined;
    const areas = profile ? volunteerAccessAreas(profile) : [];
    if (areas.length === 0) continue;
    const user: StaffUser = { id: account.userId, role: 'volunteer', areas, disabled: false };
    volunteers.push(person(account.username, user));
  }
  volunteers.sort((a, b) => b.visibleDocs - a.visibleDocs);
  const volunteer = volunteers.reduce((best, p) =>
    Math.abs(p.visibleDocs - 2000) < Math.abs(best.visibleDocs - 2000) ? p : best,
  );
  const coordinator = [...coordinatorsByArea.values()][0];
  if (!coordinator || !volunteer)
    throw new Error('the seeded world has no coordinator or volunteer');

  const heldRequests = new Map<string, RequestDoc[]>();
  for (const doc of docs) {
    if (doc.type !== 'request' || doc.assignee === null) continue;
    if (doc.status !== 'assigned' && doc.status !== 'in_progress') continue;
    heldRequests.set(doc.assignee, [...(heldRequests.get(doc.assignee) ?? []), doc]);
  }
  return {
    shape,
    dataDir,
    seedCommand: `npm run seed -- ${args.join(' ').replace(dataDir, '<temp>')}`,
    totalDocs: docs.length,
    volunteer,
    coordinator,
    coordinatorsByArea,
    volunteers,
    heldRequests,
  };
}
