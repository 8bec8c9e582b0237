import { describe, expect, it } from 'vitest';
import { canRead } from '#domain/access/access.ts';
import { coordinatorAttention } from '#domain/triage/attention.ts';
import { resolveConflicts, resolveLatestWins } from '#domain/replication/conflicts.ts';
import { parseStaffDoc } from '#domain/replication/document-classes.ts';
import { mergeRequests } from '#domain/replication/merge.ts';
import {
  assign,
  claim,
  decline,
  recordConsent,
  setDetails,
  setRegister,
} from '#domain/requests/edits.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { at, contactFor, profile, request, testUuid } from '../../../support/factories.ts';
import {
  coordinator,
  northCoordinator,
  otherVolunteer as b,
  volunteer as a,
} from '../../../support/world/world.ts';

const base = request({ status: 'triaged' });
const status = (doc: RequestDoc, s: RequestDoc['status'], by: string, minute: number) =>
  setRegister(doc, 'status', s, by, at(minute));
const withRev = (doc: RequestDoc, rev: string) => ({ ...doc, _rev: rev });

describe('mergeRequests: consent is a register like the others', () => {
  const saidNo = request({ status: 'triaged', consented: false });

  it('the later record wins, whichever revision arrives first, and keeps its stamp', () => {
    const given = recordConsent(saidNo, true, 'phone', coordinator.id, at(10));
    const withdrawn = recordConsent(saidNo, false, 'in_person', northCoordinator.id, at(12));
    const merged = mergeRequests(given, withdrawn);
    expect(merged.consent).toEqual({ given: false, how: 'in_person' });
    expect(merged.fields_meta.consent).toEqual({ at: at(12), by: northCoordinator.id });
    expect(mergeRequests(withdrawn, given)).toEqual(merged);
    expect(mergeRequests(merged, given)).toEqual(merged);
  });

  it('survives unrelated edits made meanwhile on other devices', () => {
    const given = recordConsent(saidNo, true, 'in_writing', coordinator.id, at(10));
    const claimed = claim(saidNo, a.id, at(11));
    const merged = mergeRequests(claimed, given);
    expect(merged).toMatchObject({ consent: { given: true, how: 'in_writing' }, assignee: a.id });
    expect(parseStaffDoc(merged).ok).toBe(true);
  });

  it('a tie on the stamp is settled by the value, whatever order the keys were stored in', () => {
    const stamp = { at: at(10), by: coordinator.id };
    const yes = { ...saidNo, consent: { given: true, how: 'phone' as const } };
    const no = { ...saidNo, consent: { how: 'phone' as const, given: false } };
    const x = { ...yes, fields_meta: { ...yes.fields_meta, consent: stamp } };
    const y = { ...no, fields_meta: { ...no.fields_meta, consent: stamp } };
    expect(mergeRequests(x, y).consent).toEqual(mergeRequests(y, x).consent);
  });
});

describe('mergeRequests: each register keeps its last writer', () => {
  it('edits to different fields both survive', () => {
    const triaged = setRegister(base, 'urgency', 'high', coordinator.id, at(10));
    const claimed = claim(base, a.id, at(11));
    const merged = mergeRequests(triaged, claimed);
    expect(merged).toMatchObject({ urgency: 'high', status: 'assigned', assignee: a.id });
    expect(mergeRequests(claimed, triaged)).toEqual(merged);
  });

  it('the later write to one field wins; a tie goes to the writer id, then the value', () => {
    const low = setRegister(base, 'urgency', 'low', coordinator.id, at(10));
    const high = setRegister(base, 'urgency', 'high', b.id, at(12));
    expect(mergeRequests(low, high).urgency).toBe('high');
    const sameTime = setRegister(base, 'urgency', 'low', a.id, at(12));
    const winnerById = a.id > b.id ? 'low' : 'high';
    expect(mergeRequests(sameTime, high).urgency).toBe(winnerById);
    const stamp = { at: at(12), by: a.id };
    const x = {
      ...base,
      urgency: 'low' as const,
      fields_meta: { ...base.fields_meta, urgency: stamp },
    };
    const y = {
      ...base,
      urgency: 'medium' as const,
      fields_meta: { ...base.fields_meta, urgency: stamp },
    };
    expect(mergeRequests(x, y).urgency).toBe('medium');
    expect(mergeRequests(y, x).urgency).toBe('medium');
  });

  it('a phone whose clock runs slow still wins over the value it replaced', () => {
    const seen = setRegister(base, 'urgency', 'high', coordinator.id, at(60));
    const slow = setRegister(seen, 'urgency', 'low', b.id, at(5));
    expect(slow.fields_meta.urgency.at > at(60)).toBe(true);
    expect(mergeRequests(seen, slow).urgency).toBe('low');
    const reclaimed = claim(
      decline(claim(base, a.id, at(60)), a.id, 'Cannot go', at(61)),
      b.id,
      at(1),
    );
    expect(mergeRequests(reclaimed, claim(base, a.id, at(60)))).toMatchObject({
      assignee: b.id,
      status: 'assigned',
    });
  });

  it('a coordinator’s area change is not undone by a later unrelated edit', () => {
    const moved = setRegister(base, 'area', 'gwynedd', coordinator.id, at(10));
    const later = setDetails(base, { needed_by: '2030-01-20' }, coordinator.id, at(20));
    const merged = mergeRequests(moved, later);
    expect(merged).toMatchObject({ area: 'gwynedd', needed_by: '2030-01-20', updated_at: at(20) });
  });

  it('keeps CouchDB’s winning revision id and drops the conflict list', () => {
    const merged = mergeRequests(
      { ...withRev(base, '3-aa'), _conflicts: ['3-bb'] },
      withRev(setRegister(base, 'urgency', 'low', a.id, at(5)), '3-bb'),
    );
    expect(merged._rev).toBe('3-bb');
    expect(merged).not.toHaveProperty('_conflicts');
    expect(mergeRequests(withRev(base, '10-aa'), withRev(base, '9-ff'))._rev).toBe('10-aa');
  });

  it('refuses to merge two different requests', () => {
    expect(() => mergeRequests(base, request())).toThrow(/cannot merge/);
  });

  it('produces a document the schema accepts', () => {
    const merged = mergeRequests(claim(base, a.id, at(10)), claim(base, b.id, at(11)));
    expect(parseStaffDoc(merged).ok).toBe(true);
  });
});

describe('what a coordinator must decide', () => {
  it('two volunteers claim offline: the later holds it, the earlier is told', () => {
    const merged = mergeRequests(claim(base, a.id, at(10)), claim(base, b.id, at(11)));
    expect(merged.assignee).toBe(b.id);
    expect(coordinatorAttention(merged)).toEqual([
      { code: 'concurrent_assignment', overridden: [a.id] },
    ]);
    expect(canRead(a, merged)).toBe(true);
    expect(canRead(a, contactFor(merged), merged)).toBe(false);
    expect(canRead(b, contactFor(merged), merged)).toBe(true);

    const settled = assign(merged, b.id, coordinator.id, at(30));
    expect(coordinatorAttention(settled)).toEqual([]);
    expect(canRead(a, settled)).toBe(false);
    // The settlement wins wherever it meets the old claim again.
    expect(coordinatorAttention(mergeRequests(claim(base, a.id, at(10)), settled))).toEqual([]);
  });

  it('the one who lost the claim had already done the work', () => {
    const byA = status(claim(base, a.id, at(10)), 'done', a.id, 40);
    const merged = mergeRequests(byA, claim(base, b.id, at(11)));
    expect(merged).toMatchObject({ assignee: b.id, status: 'done' });
    expect(coordinatorAttention(merged)).toEqual([
      { code: 'concurrent_assignment', overridden: [a.id] },
      { code: 'progress_by_former_assignee', by: a.id },
    ]);
  });

  it('a volunteer carries on while a coordinator unassigns them', () => {
    const mine = claim(base, a.id, at(10));
    const unassigned = status(
      assign(mine, null, coordinator.id, at(20)),
      'triaged',
      coordinator.id,
      20,
    );
    const merged = mergeRequests(unassigned, status(mine, 'in_progress', a.id, 25));
    expect(merged).toMatchObject({ assignee: null, status: 'in_progress' });
    expect(coordinatorAttention(merged)).toEqual([
      { code: 'status_without_assignee' },
      { code: 'progress_by_former_assignee', by: a.id },
    ]);
  });

  it('a claim meets a coordinator moving the request back to triage', () => {
    const fresh = request();
    const merged = mergeRequests(
      claim(fresh, a.id, at(10)),
      status(fresh, 'triaged', coordinator.id, 12),
    );
    expect(merged).toMatchObject({ assignee: a.id, status: 'triaged' });
    expect(coordinatorAttention(merged)).toEqual([{ code: 'assignee_on_open_request' }]);
  });

  it('nothing, when one write saw the other', () => {
    const mine = claim(base, a.id, at(10));
    const reassigned = status(
      assign(mine, b.id, coordinator.id, at(20)),
      'assigned',
      coordinator.id,
      20,
    );
    expect(coordinatorAttention(mergeRequests(mine, reassigned))).toEqual([]);
    // A stale copy of the first claim, edited elsewhere, is not a rival claim either.
    const handedBack = claim(decline(mine, a.id, 'Cannot go', at(15)), b.id, at(16));
    const stale = setRegister(mine, 'urgency', 'high', coordinator.id, at(17));
    const merged = mergeRequests(stale, handedBack);
    expect(merged).toMatchObject({ assignee: b.id, urgency: 'high' });
    expect(coordinatorAttention(merged)).toEqual([]);
  });

  it('nothing, when a coordinator closes a request by phone with no volunteer', () => {
    expect(coordinatorAttention(status(base, 'done', coordinator.id, 10))).toEqual([]);
  });
});

describe('resolveConflicts', () => {
  it('writes the merge on the winning revision and deletes every loser', () => {
    const winner = withRev(claim(base, b.id, at(11)), '4-ff');
    const loser = withRev(claim(base, a.id, at(10)), '4-aa');
    const other = withRev(setRegister(base, 'urgency', 'low', coordinator.id, at(12)), '3-cc');
    const result = resolveConflicts({ ...winner, _conflicts: ['4-aa', '3-cc'] }, [loser, other]);
    expect(result.doc).toMatchObject({ _rev: '4-ff', assignee: b.id, urgency: 'low' });
    expect(result.doc).not.toHaveProperty('_conflicts');
    expect(result.changed).toBe(true);
    expect(result.deletions).toEqual([
      { _id: base._id, _rev: '4-aa', _deleted: true },
      { _id: base._id, _rev: '3-cc', _deleted: true },
    ]);
    expect(result.needsCoordinator).toBe(true);
    expect(result.reasons).toEqual([{ code: 'concurrent_assignment', overridden: [a.id] }]);
  });

  it('only deletes when the winner already holds everything', () => {
    const winner = withRev(setRegister(base, 'urgency', 'low', coordinator.id, at(12)), '5-aa');
    const result = resolveConflicts(winner, [withRev(base, '4-bb')]);
    expect(result.changed).toBe(false);
    expect(result.needsCoordinator).toBe(false);
    expect(result.deletions).toHaveLength(1);
  });

  it('contacts: the last edit wins whole, revision order breaking ties', () => {
    const contact = { ...contactFor(base), _rev: '2-aa' };
    const edited = {
      ...contact,
      _rev: '2-bb',
      updated_at: at(30),
      contact: { ...contact.contact, town: 'Aberaeron' },
    };
    expect(resolveLatestWins(contact, [edited]).doc).toMatchObject({
      _rev: '2-aa',
      updated_at: at(30),
    });
    expect(resolveLatestWins(contact, [edited]).doc.contact.town).toBe('Aberaeron');
    const tie = { ...contact, _rev: '2-cc', contact: { ...contact.contact, town: 'Llanon' } };
    expect(resolveLatestWins(contact, [tie]).doc.contact.town).toBe('Llanon');
    expect(resolveLatestWins(tie, [contact]).changed).toBe(false);
  });
});

describe('resolveLatestWins with the revision the conflict grew from', () => {
  const base = { ...profile(testUuid(), ['ceredigion'], 'pending'), _rev: '1-aa' };
  const approved = { ...base, _rev: '2-bb', approval: 'approved' as const, updated_at: at(10) };
  const moved = { ...base, _rev: '2-cc', areas: ['ceredigion', 'powys'], updated_at: at(5) };

  it('keeps each field from the latest revision that changed it', () => {
    for (const [winner, loser] of [
      [approved, moved],
      [moved, approved],
    ] as const) {
      const { doc, changed } = resolveLatestWins(winner, [loser], base);
      expect(doc).toMatchObject({ approval: 'approved', areas: ['ceredigion', 'powys'] });
      expect(doc.updated_at).toBe(at(10));
      expect(doc._rev).toBe(winner._rev);
      expect(changed).toBe(true);
    }
  });

  it('where both changed one field, the later write wins it', () => {
    const rejected = { ...base, _rev: '2-dd', approval: 'rejected' as const, updated_at: at(20) };
    expect(resolveLatestWins(approved, [rejected], base).doc.approval).toBe('rejected');
    expect(resolveLatestWins(rejected, [approved], base).doc.approval).toBe('rejected');
  });

  it('without it (compacted away), the later revision wins whole', () => {
    const { doc } = resolveLatestWins(moved, [approved], null);
    expect(doc).toMatchObject({ approval: 'approved', areas: ['ceredigion'] });
  });
});
