/**
 * Property: whatever a signed-in user sends to `_bulk_docs` (any user, a branch off any revision
 * the request ever had, any registers, stamped by anyone, either `new_edits`), the stored winner
 * afterwards is one the domain allows that user to make from the winner before (`canWrite`, and
 * `isAssignable` for a new assignee), and no user reads a contact that `canRead` on the stored
 * state denies. Random request histories first (written as other people's synced edits), then
 * random adversarial writes against the real server. With writes judged against the ancestor
 * they name, stale branches break it within a few writes.
 */
import { describe, expect, it } from 'vitest';
import { requestStatuses } from '#domain/requests/status.ts';
import { urgencyLevels } from '#domain/requests/urgency.ts';
import { canRead, canWrite } from '#domain/access/access.ts';
import { isAssignable } from '#domain/people/assignable.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import { requestContactId } from '#domain/documents/doc-ids.ts';
import { assign, claim, decline, setRegister } from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import type { StaffUser } from '#domain/people/users.ts';
import type { VolunteerDoc } from '#domain/people/volunteer-doc.ts';
import { changedFields } from '#domain/replication/write-integrity.ts';
import { at, profile } from '../../../support/factories.ts';
import { seededRandom, type Random } from '../../../support/seeded-random.ts';
import { startAccountServer, testClock } from '../../../support/staff/account-fixtures.ts';
import type { TestServer } from '../../../support/server/test-server.ts';
import {
  branchOff,
  dbFetch,
  seed,
  staff,
  type Staff,
} from '../../../support/staff/replication-fixtures.ts';
import { seedWorld } from '../../../support/world/seeded-world.ts';

const seeds = 3;
const baseSeed = 8800;
const attacksPerSeed = 40;
const serverNow = at(24 * 60);
const areas = ['ceredigion', 'gwynedd'];

type Rev = RequestDoc & { _rev: string };

/** Someone else's synced edit that keeps the lifecycle whole, written straight to storage. */
function historyEdit(doc: RequestDoc, random: Random, people: string[], by: string, now: string) {
  const to = random.pick([...people, null]);
  switch (random.int(4)) {
    case 0:
      return to === null
        ? setRegister(assign(doc, null, by, now), 'status', 'triaged', by, now)
        : setRegister(assign(doc, to, by, now), 'status', 'assigned', by, now);
    case 1:
      return doc.assignee === null
        ? setRegister(doc, 'status', random.pick(['new', 'triaged', 'cancelled'] as const), by, now)
        : setRegister(
            doc,
            'status',
            random.pick(['in_progress', 'done', 'cancelled'] as const),
            by,
            now,
          );
    case 2:
      return setRegister(doc, 'area', random.pick(areas), by, now);
    default:
      return setRegister(doc, 'urgency', random.pick(urgencyLevels), by, now);
  }
}

/** Anything a device could send: any register, any assignee, stamped by anyone. */
function attackEdit(doc: RequestDoc, random: Random, me: string, people: string[], now: string) {
  const by = random.chance(0.85) ? me : random.pick(people);
  switch (random.int(6)) {
    case 0:
      return claim(doc, me, now);
    case 1:
      return decline(doc, me, 'Cannot go', now);
    case 2: {
      const to = random.pick([...people, null]);
      return setRegister(
        assign(doc, to, by, now),
        'status',
        to === null ? 'triaged' : 'assigned',
        by,
        now,
      );
    }
    case 3:
      return setRegister(doc, 'status', random.pick(requestStatuses), by, now);
    case 4:
      return setRegister(doc, 'area', random.pick(areas), by, now);
    default:
      return setRegister(doc, 'urgency', random.pick(urgencyLevels), by, now);
  }
}

async function run(random: Random) {
  const server = await startAccountServer({ now: testClock(serverNow).now });
  try {
    const world = await seedWorld(server);
    const dewi = await staff(server, 'dewi', 'volunteer', []);
    await seed(server, [profile(dewi.user.id, ['ceredigion'], 'pending')]);
    const people: Staff[] = [world.cath, world.gwen, world.vera, world.owen, dewi];
    const ids = Object.values(world.requests).map((r) => r._id);
    const volunteers = [world.vera, world.owen, dewi].map((p) => p.user.id);
    const everyone = people.map((p) => p.user.id);
    const pool = new Map<string, Rev[]>();
    const current = async (id: string) => (await server.storage.replicatedDb.get(id)) as Rev;
    for (const id of ids) pool.set(id, [await current(id)]);

    let minute = 0;
    for (let step = 0; step < 15; step++) {
      const id = random.pick(ids);
      const now = at(60 + ++minute);
      const edited = historyEdit(await current(id), random, volunteers, world.cath.user.id, now);
      await server.storage.replicatedDb.put(edited);
      pool.get(id)!.push(await current(id));
    }

    const profiles = new Map<string, VolunteerDoc>();
    for (const id of volunteers) {
      profiles.set(id, (await server.storage.replicatedDb.get(`volunteer:${id}`)) as VolunteerDoc);
    }
    let accepted = 0;
    for (let attack = 0; attack < attacksPerSeed; attack++) {
      const who = random.pick(people);
      const id = random.pick(ids);
      const ancestor = random.pick(pool.get(id)!);
      const now = at(24 * 60 - 30 + attack / 2);
      const edited = attackEdit(ancestor, random, who.user.id, everyone, now);
      const newEdits = random.chance(0.3);
      const doc = newEdits ? edited : branchOff(ancestor, edited);
      const before = await current(id);
      await dbFetch(server, '/db/_bulk_docs', {
        method: 'POST',
        cookie: who.cookie,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs: [doc], new_edits: newEdits }),
      });
      const after = await current(id);
      const label = `attack ${attack} by ${who.username} on ${id} (new_edits ${newEdits})`;
      if (changedFields(before, after).length > 0) {
        expect(canWrite(who.user, before, after, undefined, serverNow), label).toEqual({
          ok: true,
        });
        if (after.assignee !== null && after.assignee !== before.assignee) {
          const candidate = { profile: profiles.get(after.assignee) ?? null, enabled: true };
          expect(isAssignable(candidate, after.area), `${label}: assignee`).toBe(true);
        }
        pool.get(id)!.push(after);
        accepted++;
      }
      if (attack % 10 === 9) await checkReads(server, people, ids);
    }
    await checkReads(server, people, ids);
    // Neither vacuous nor a wall: some writes change the winner, most are refused.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(attacksPerSeed);
  } finally {
    await server.close();
  }
}

async function checkReads(server: TestServer, people: Staff[], ids: string[]) {
  for (const id of ids) {
    const request = (await server.storage.replicatedDb.get(id)) as RequestDoc;
    const contactId = requestContactId(id);
    const contact = (await server.storage.replicatedDb.get(contactId)) as ContactDoc;
    for (const who of people) {
      const user: StaffUser = who.user;
      const res = await dbFetch(server, `/db/${encodeURIComponent(contactId)}`, {
        cookie: who.cookie,
      });
      const may = canRead(user, contact, request, serverNow);
      expect(res.status === 200, `${who.username} reads ${contactId}`).toBe(may);
    }
  }
}

describe('writes judged against the present, on random histories', () => {
  for (let i = 0; i < seeds; i++) {
    it(`seed ${baseSeed + i}: every stored change is allowed from the state before; no read leaks`, async () => {
      await run(seededRandom(baseSeed + i));
    }, 60_000);
  }
});
