/**
 * The world the volunteer bench measures: the seeder's own generator (scripts/seed/), one area,
 * and two volunteers: `volunteer1`, approved, who holds every task the seed gives out, and
 * `volunteer2`, who signed up and is not approved yet (seed 9 makes them so), so their task list
 * is the same page with nothing on it: the baseline. The number of requests is the smallest that
 * gives volunteer1 exactly `tasks` tasks on their list as the page judges it (volunteer-lists.ts,
 * with the access policy and today's clock); a seed makes requests one after another, so the
 * first n requests of a big world are the world of n requests, and one generation finds n.
 * Then `npm run seed` writes that world into a data directory for the sync server to start from.
 */
import { volunteerDocId } from '#domain/documents/doc-ids.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { volunteerAccessAreas, type VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { volunteerLists } from '../../../src/lib/staff/data/volunteers/volunteer-lists.ts';
import { generate, type SeedShape } from '../../seed/generate.ts';
import { countVisible, seedWorld } from '../sync/setup/world.ts';

/** A volunteer's device as the bench expects it once synced. */
export type Device = {
  username: string;
  /** Their own tasks the list shows, and the open ones they may take, shown below them. */
  tasks: number;
  claimable: number;
  /** Documents their replica holds once the first sync is done. */
  docs: number;
};

export type VolunteerWorld = {
  shape: SeedShape;
  dataDir: string;
  seedCommand: string;
  holder: Device;
  /** The same page with nothing on it. */
  empty: Device;
};

const seed = 9;
const holderName = 'volunteer1';
const emptyName = 'volunteer2';

const shapeOf = (requests: number): SeedShape => {
  const d = new Date();
  const today = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return { requests, volunteers: 2, areas: 1, coordinators: 1, seed, now: today };
};

function userOf(docs: readonly StaffDoc[], userId: string): StaffUser {
  const profile = docs.find((d) => d._id === volunteerDocId(userId)) as VolunteerDoc | undefined;
  if (!profile) throw new Error(`the seeded world has no profile for ${userId}`);
  return { id: userId, role: 'volunteer', areas: volunteerAccessAreas(profile), disabled: false };
}

function deviceOf(docs: readonly StaffDoc[], user: StaffUser, username: string): Device {
  const now = new Date().toISOString();
  const requests = docs.filter((d): d is RequestDoc => d.type === 'request');
  const lists = volunteerLists(requests, user, now);
  const byId = new Map(docs.map((d) => [d._id, d]));
  return {
    username,
    tasks: lists.mine.length,
    claimable: lists.claimable.length,
    docs: countVisible(user, docs, byId),
  };
}

/** The fewest requests for which the holder's list shows `tasks` of their own. */
function requestsFor(tasks: number): number {
  // The holder gets about half the requests (the seed's assigned, in progress and done ones).
  const most = tasks * 4 + 100;
  const { docs, accounts } = generate(shapeOf(most));
  const holder = accounts.find((a) => a.username === holderName)!;
  const user = userOf(docs, holder.userId);
  const now = new Date().toISOString();
  let held = 0;
  let made = 0;
  for (const doc of docs) {
    if (doc.type !== 'request') continue;
    made++;
    held += volunteerLists([doc], user, now).mine.length;
    if (held === tasks) return made;
  }
  throw new Error(`${most} seeded requests give ${holderName} only ${held} tasks`);
}

export async function volunteerWorld(dir: string, tasks: number): Promise<VolunteerWorld> {
  const shape = shapeOf(requestsFor(tasks));
  const { docs, accounts } = generate(shape);
  const account = (username: string) => {
    const found = accounts.find((a) => a.username === username);
    if (!found) throw new Error(`the seeded world has no ${username}`);
    return deviceOf(docs, userOf(docs, found.userId), username);
  };
  const holder = account(holderName);
  const empty = account(emptyName);
  if (holder.tasks !== tasks) throw new Error(`${holderName} holds ${holder.tasks}, not ${tasks}`);
  if (empty.tasks + empty.claimable > 0)
    throw new Error(
      `${emptyName} was meant to see no tasks but sees ${empty.tasks + empty.claimable}`,
    );
  const world = await seedWorld(dir, shape);
  return { shape, dataDir: world.dataDir, seedCommand: world.seedCommand, holder, empty };
}
