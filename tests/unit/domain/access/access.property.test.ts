/**
 * The access policy against an oracle written separately, straight from docs/architecture.md's table and the
 * decisions in access.ts, over many random assignment graphs: for every user and every document,
 * `canRead` must agree with it. The oracle shares no code with the policy beyond the document types.
 */
import { describe, expect, it } from 'vitest';
import { canRead, canWrite, visibleRequestIds } from '#domain/access/access.ts';
import type { StaffDoc } from '#domain/replication/document-classes.ts';
import { claim, decline, assign, setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { area, at } from '../../../support/factories.ts';
import { randomWorld, worldAreas, type World } from '../../../support/world/random-world.ts';
import { forSeeds } from '../../../support/seeded-random.ts';

const week = 7 * 86_400_000;

/** Volunteers whose assignment no later write has seen, and who do not hold the request. */
function lostClaimants(request: RequestDoc): string[] {
  const seen = new Set<string>();
  for (const a of request.assignments) for (const k of a.after) seen.add(k);
  return request.assignments
    .filter((a) => !seen.has(`${a.at}|${a.by}|${a.to ?? ''}`))
    .flatMap((a) => (a.to !== null && a.to !== request.assignee ? [a.to] : []));
}

function oracle(user: StaffUser, doc: StaffDoc, request: RequestDoc | undefined, now?: string) {
  if (user.disabled) return false;
  if (user.role === 'admin' || doc.type === 'area') return true;
  if (doc.type === 'volunteer') {
    if (user.role === 'coordinator') return doc.areas.some((a) => user.areas.includes(a));
    return doc._id === `volunteer:${user.id}`;
  }
  const req = doc.type === 'request' ? doc : request!;
  const inMyAreas = req.area !== null && user.areas.includes(req.area);
  if (user.role === 'coordinator') return inMyAreas;
  const closed = req.status === 'done' || req.status === 'cancelled';
  const expired =
    now !== undefined && closed && Date.parse(now) - Date.parse(req.fields_meta.status.at) > week;
  const myTask = req.assignee === user.id && !expired;
  switch (doc.type) {
    case 'request': {
      const open = (req.status === 'new' || req.status === 'triaged') && req.assignee === null;
      return myTask || (open && inMyAreas) || lostClaimants(req).includes(user.id);
    }
    case 'contact': {
      // "only while assigned to them and the resident consented (or a coordinator recorded consent)"
      const consented = req.consent.given;
      return myTask && (req.status === 'assigned' || req.status === 'in_progress') && consented;
    }
    case 'note':
      return myTask && (doc.for_assignee || doc.author === user.id);
    case 'event':
      return myTask && doc.author === user.id;
  }
}

function everyDoc(world: World): [StaffDoc, RequestDoc | undefined][] {
  const byId = new Map(world.requests.map((r) => [r._id, r]));
  const parent = (d: { request_id: string }) => byId.get(d.request_id);
  return [
    ...world.requests.map((r): [StaffDoc, undefined] => [r, undefined]),
    ...[...world.contacts, ...world.notes, ...world.events].map(
      (d): [StaffDoc, RequestDoc | undefined] => [d, parent(d)],
    ),
    ...world.profiles.map((p): [StaffDoc, undefined] => [p, undefined]),
    ...worldAreas.map((a): [StaffDoc, undefined] => [area(a), undefined]),
  ];
}

describe('canRead matches the table on random assignment graphs', () => {
  it('for every user and every document, with and without a clock', () => {
    let judged = 0;
    let granted = 0;
    forSeeds(150, 1000, (random) => {
      const world = randomWorld(random);
      const now = random.chance(0.5) ? undefined : at(random.int(60 * 24 * 21));
      for (const user of world.users) {
        for (const [doc, related] of everyDoc(world)) {
          const expected = oracle(user, doc, related, now);
          if (canRead(user, doc, related, now) !== expected) {
            throw new Error(
              `${user.role} ${JSON.stringify(user.areas)} on ${doc._id}: expected ${expected}`,
            );
          }
          judged++;
          if (expected) granted++;
        }
      }
    });
    // Guard against a generator that only ever produces one answer.
    expect(granted).toBeGreaterThan(judged / 5);
    expect(granted).toBeLessThan(judged * 0.9);
  });

  it('a contact, note or event judged against the wrong request is hidden from everyone but admins', () => {
    forSeeds(50, 2000, (random) => {
      const world = randomWorld(random);
      for (const user of world.users) {
        for (const doc of [...world.contacts, ...world.notes, ...world.events]) {
          const wrong = world.requests.find((r) => r._id !== doc.request_id)!;
          expect(canRead(user, doc, wrong)).toBe(user.role === 'admin' && !user.disabled);
          expect(canRead(user, doc)).toBe(user.role === 'admin' && !user.disabled);
        }
      }
    });
  });

  it('visibleRequestIds holds the request of every document a user may read', () => {
    forSeeds(50, 3000, (random) => {
      const world = randomWorld(random);
      for (const user of world.users) {
        const visible = visibleRequestIds(user, world.requests);
        for (const [doc, related] of everyDoc(world)) {
          if (related !== undefined && canRead(user, doc, related))
            expect(visible.has(related._id)).toBe(true);
          if (doc.type === 'request') expect(visible.has(doc._id)).toBe(canRead(user, doc));
        }
      }
    });
  });
});

describe('nobody writes a request they may not read', () => {
  it('whatever edit they try', () => {
    let accepted = 0;
    forSeeds(100, 4000, (random) => {
      const world = randomWorld(random);
      const now = at(60 * 24 * 30);
      for (const user of world.users) {
        for (const before of world.requests) {
          const edits: RequestDoc[] = [
            claim(before, user.id, now),
            decline(before, user.id, 'Cannot go', now),
            setRegister(
              before,
              'status',
              random.pick(['in_progress', 'done', 'triaged'] as const),
              user.id,
              now,
            ),
            setRegister(before, 'urgency', 'high', user.id, now),
            setRegister(assign(before, null, user.id, now), 'status', 'new', user.id, now),
          ];
          for (const after of edits) {
            if (!canWrite(user, before, after).ok) continue;
            accepted++;
            expect(canRead(user, before)).toBe(true);
          }
        }
      }
    });
    expect(accepted).toBeGreaterThan(100);
  });
});
