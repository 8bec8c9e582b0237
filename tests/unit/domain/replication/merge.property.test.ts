/**
 * Random concurrent offline edit histories on three devices (a coordinator and two volunteers) and
 * the server: each device makes edits the policy allows while offline, then they replicate through
 * the server in random orders, the server resolving conflicts as they appear. Every replica must end
 * with the same single revision, no note lost, no assignment forgotten, and every register holding
 * its last write. The merge's own laws (commutative, associative, idempotent) are checked on the
 * revisions those histories produce.
 */
import { describe, expect, it } from 'vitest';
import { urgencyLevels } from '#domain/requests/urgency.ts';
import { canRead, canWrite } from '#domain/access/access.ts';
import type { NoteDoc } from '#domain/records/append-only-docs.ts';
import { assignmentKey, type Assignment } from '#domain/requests/assignments.ts';
import { coordinatorAttention } from '#domain/triage/attention.ts';
import { noteDocId } from '#domain/documents/doc-ids.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { mergeRequests } from '#domain/replication/merge.ts';
import { recordedMethods } from '#domain/requests/consent.ts';
import { assign, claim, decline, recordConsent, setRegister } from '#domain/requests/edits.ts';
import type { Register, RequestDoc } from '#domain/requests/request.ts';
import { compareStamps, type Stamp } from '#domain/documents/stamps.ts';
import type { StaffUser } from '#domain/people/users.ts';
import { at, request } from '../../../support/factories.ts';
import { Replica } from '../../../support/replica-sim.ts';
import { forSeeds, type Random } from '../../../support/seeded-random.ts';

type Device = { user: StaffUser; replica: Replica; clock: number; skew: number };

function candidates(
  device: Device,
  view: RequestDoc,
  others: StaffUser[],
  random: Random,
  now: string,
) {
  const me = device.user.id;
  const status = (doc: RequestDoc, s: RequestDoc['status']) =>
    setRegister(doc, 'status', s, me, now);
  const volunteer = random.pick(others.filter((u) => u.role === 'volunteer'));
  return [
    claim(view, me, now),
    decline(view, me, 'Cannot go', now),
    status(view, 'in_progress'),
    status(view, 'done'),
    status(view, 'triaged'),
    status(view, 'cancelled'),
    setRegister(view, 'urgency', random.pick(urgencyLevels), me, now),
    status(assign(view, volunteer.id, me, now), 'assigned'),
    status(assign(view, null, me, now), 'triaged'),
    assign(view, view.assignee, me, now),
    recordConsent(view, random.chance(0.6), random.pick(recordedMethods), me, now),
  ].filter((after) => canWrite(device.user, view, after).ok);
}

function offlineEdits(
  device: Device,
  users: StaffUser[],
  random: Random,
  log: { notes: NoteDoc[]; docs: RequestDoc[] },
) {
  for (let n = 1 + random.int(4); n > 0; n--) {
    device.clock += 1 + random.int(5);
    const now = at(device.clock + device.skew);
    const view = device.replica.view();
    if (random.chance(0.3)) {
      const note: NoteDoc = {
        _id: noteDocId(view._id, random.uuid()),
        type: 'note',
        request_id: view._id,
        author: device.user.id,
        text: `nodyn ${device.clock}`,
        for_assignee: random.chance(0.5),
        created_at: now,
      };
      if (canWrite(device.user, null, note, view).ok) {
        device.replica.notes.set(note._id, note);
        log.notes.push(note);
      }
      continue;
    }
    const options = candidates(device, view, users, random, now);
    if (options.length === 0) continue;
    const edited = random.pick(options);
    device.replica.write(edited);
    log.docs.push(edited);
  }
}

/** Runs one random history; returns the server and devices afterwards, and everything written. */
function history(random: Random) {
  const users: StaffUser[] = [
    { id: random.uuid(), role: 'coordinator', areas: ['ceredigion'], disabled: false },
    { id: random.uuid(), role: 'volunteer', areas: ['ceredigion'], disabled: false },
    { id: random.uuid(), role: 'volunteer', areas: ['ceredigion'], disabled: false },
  ];
  const server = new Replica('server', random);
  const base = request({ status: random.pick(['new', 'triaged'] as const) });
  server.write(base);
  const devices: Device[] = users.map((user) => ({
    user,
    replica: new Replica(user.role, random),
    clock: 10,
    skew: random.int(7) - 3, // phones whose clocks disagree by minutes
  }));
  for (const d of devices) d.replica.syncWith(server);
  const written = { notes: [] as NoteDoc[], docs: [base] as RequestDoc[] };

  for (let round = 2 + random.int(4); round > 0; round--) {
    for (const d of devices) if (random.chance(0.8)) offlineEdits(d, users, random, written);
    for (const d of random.shuffle(devices)) {
      if (random.chance(0.7)) d.replica.syncWith(server);
      if (random.chance(0.7)) server.resolve();
    }
  }
  const unresolved = [
    ...server.revisions.values(),
    ...devices.flatMap((d) => [...d.replica.revisions.values()]),
  ];
  for (const d of random.shuffle(devices)) d.replica.syncWith(server);
  server.resolve();
  for (const d of random.shuffle(devices)) d.replica.syncWith(server);
  return { users, server, devices, written, unresolved };
}

const latest = (stamps: Stamp[]) => stamps.reduce((x, y) => (compareStamps(x, y) >= 0 ? x : y));

describe('three devices editing offline converge', () => {
  it('to one revision, the same everywhere, losing nothing', () => {
    let conflictsResolved = 0;
    let flagged = 0;
    let consentRecorded = 0;
    forSeeds(300, 5000, (random) => {
      const { users, server, devices, written } = history(random);
      const final = server.view();
      expect(server.liveLeaves()).toHaveLength(1);
      for (const d of devices) {
        expect(d.replica.liveLeaves()).toHaveLength(1);
        expect(d.replica.view()).toEqual(final);
        expect([...d.replica.notes.keys()].sort()).toEqual([...server.notes.keys()].sort());
      }
      expect(parseStaffDoc(final).ok).toBe(true);

      // No note lost, and none refused by the policy once the devices' edits have met.
      expect(server.notes.size).toBe(written.notes.length);
      for (const note of written.notes) {
        const author = users.find((u) => u.id === note.author)!;
        expect(canWrite(author, null, note, final)).toEqual({ ok: true });
      }
      // Every assignment ever written is still in the log; every register holds its last write.
      const entries = new Set(final.assignments.map(assignmentKey));
      for (const entry of written.docs.flatMap((d): Assignment[] => d.assignments)) {
        expect(entries.has(assignmentKey(entry))).toBe(true);
      }
      for (const r of ['status', 'urgency', 'area', 'details', 'consent'] as Register[]) {
        expect(final.fields_meta[r]).toEqual(latest(written.docs.map((d) => d.fields_meta[r])));
      }
      // A volunteer whose claim was overridden can still see the request, and so learns of it.
      const attention = coordinatorAttention(final);
      for (const reason of attention) {
        if (reason.code !== 'concurrent_assignment') continue;
        for (const id of reason.overridden)
          expect(
            canRead(
              users.find((u) => u.id === id)!,
              final,
            ),
          ).toBe(true);
      }
      conflictsResolved += server.revisions.size > written.docs.length ? 1 : 0;
      flagged += attention.length > 0 ? 1 : 0;
      consentRecorded += final.consent.how === 'form' ? 0 : 1;
    });
    // The histories must really conflict, and sometimes need a coordinator, or this proves little.
    expect(conflictsResolved).toBeGreaterThan(100);
    expect(flagged).toBeGreaterThan(10);
    // Coordinators recorded consent offline in many histories, so its register was merged too.
    expect(consentRecorded).toBeGreaterThan(100);
  });
});

describe('the merge is a join', () => {
  it('commutative, associative and idempotent on the revisions of random histories', () => {
    forSeeds(100, 7000, (random) => {
      const { unresolved } = history(random);
      const docs = unresolved.flatMap((r) => (r.doc === null ? [] : [r.doc]));
      for (let i = 0; i < 10; i++) {
        const [a, b, c] = [random.pick(docs), random.pick(docs), random.pick(docs)];
        const ab = mergeRequests(a, b);
        expect(mergeRequests(b, a)).toEqual(ab);
        expect(mergeRequests(ab, c)).toEqual(mergeRequests(a, mergeRequests(b, c)));
        expect(mergeRequests(ab, ab)).toEqual(ab);
        expect(mergeRequests(ab, b)).toEqual(ab);
      }
      // Any order of folding every revision ever written gives one result.
      const folds = [0, 1, 2].map(() => random.shuffle(docs).reduce(mergeRequests));
      expect(folds[1]).toEqual(folds[0]);
      expect(folds[2]).toEqual(folds[0]);
    });
  });
});
