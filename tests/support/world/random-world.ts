/**
 * Random worlds, a generator on top of the small world's factories: users with random roles, areas
 * and accounts, requests with random areas, statuses and assignment histories (concurrent claims
 * included), and the contacts, notes, events and profiles that hang off them. Everything is built
 * with the domain's own edits, so every document is one a device could have written.
 * `randomRequest` is shared with the integration access matrix, which makes its own users (real
 * accounts) and judges by its own oracle (tests/integration/replication/reads/access-matrix-world.ts).
 */
import type { EventDoc, NoteDoc } from '#domain/records/append-only-docs.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { mergeRequests } from '#domain/replication/merge.ts';
import { requestStatuses } from '#domain/requests/status.ts';
import { recordedMethods } from '#domain/requests/consent.ts';
import { assign, recordConsent, setRegister } from '#domain/requests/edits.ts';
import { routedRequest, type RequestDoc } from '#domain/requests/request.ts';
import { staffRoles } from '#domain/people/account-rules.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { at, contactFor, event, note, profile, request } from '../factories.ts';
import type { Random } from '../seeded-random.ts';

export const worldAreas = ['ceredigion', 'gwynedd', 'powys'] as const;

export type World = {
  users: StaffUser[];
  requests: RequestDoc[];
  contacts: ContactDoc[];
  notes: NoteDoc[];
  events: EventDoc[];
  profiles: VolunteerDoc[];
};

/**
 * A request routed to a random area (one in ten unrouted), with a random assignment history among
 * `users` (claims, assignments, a coordinator's unassigning, two claims written without seeing each
 * other and then merged), perhaps consent recorded by a coordinator after the form, and a status
 * set at a random time over two weeks (so some closed tasks are past the volunteer retention).
 * The history starts at `firstMinute` past `t0`.
 */
export function randomRequest(
  random: Random,
  users: readonly Pick<StaffUser, 'id' | 'role'>[],
  firstMinute = 1,
): RequestDoc {
  const staff = users.map((u) => u.id);
  const volunteers = users.filter((u) => u.role === 'volunteer').map((u) => u.id);
  // Residents mostly agree on the form to share their details; coordinators record the rest.
  const consented = random.chance(0.6);
  let doc = routedRequest(
    request({ consented }),
    random.chance(0.1) ? null : random.pick(worldAreas),
  );
  let minute = firstMinute;
  for (let i = random.int(4); i > 0; i--) {
    const to = volunteers.length > 0 && random.chance(0.75) ? random.pick(volunteers) : null;
    if (volunteers.length > 0 && random.chance(0.3)) {
      // Two claims written without seeing each other, then merged.
      const rival = random.pick(volunteers);
      doc = mergeRequests(
        assign(doc, to, random.pick(staff), at(minute)),
        assign(doc, rival, rival, at(minute + 1)),
      );
    } else {
      doc = assign(doc, to, random.pick(staff), at(minute));
    }
    minute += 2;
  }
  // A coordinator called: consent recorded, or (less often) withdrawn.
  if (random.chance(0.4)) {
    const given = random.chance(consented ? 0.3 : 0.7);
    doc = recordConsent(doc, given, random.pick(recordedMethods), random.pick(staff), at(minute));
    minute += 1;
  }
  const status = random.pick(requestStatuses);
  return setRegister(doc, 'status', status, random.pick(staff), at(minute + random.int(20_000)));
}

export function randomWorld(random: Random): World {
  const users: StaffUser[] = Array.from({ length: 3 + random.int(8) }, () => ({
    id: random.uuid(),
    role: random.pick(staffRoles),
    areas: random.subset(worldAreas),
    disabled: random.chance(0.15),
  }));
  const requests = Array.from({ length: 4 + random.int(12) }, () => randomRequest(random, users));
  const authors = users.map((u) => u.id);
  return {
    users,
    requests,
    contacts: requests.map(contactFor),
    notes: requests.flatMap((r) =>
      Array.from({ length: random.int(3) }, () =>
        note(r, random.pick(authors), random.chance(0.5)),
      ),
    ),
    events: requests.flatMap((r) =>
      Array.from({ length: random.int(2) }, () => event(r, random.pick(authors))),
    ),
    profiles: users
      .filter((u) => u.role === 'volunteer' || random.chance(0.2))
      .map((u) =>
        profile(u.id, random.subset(worldAreas), random.chance(0.7) ? 'approved' : 'pending'),
      ),
  };
}
