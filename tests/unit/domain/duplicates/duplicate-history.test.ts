/**
 * The history lines a duplicate link gives each side: the request marked names the one kept, the
 * one kept names each duplicate, dated and signed by the status stamp that made the link.
 */
import { describe, expect, it } from 'vitest';
import { duplicateHistory } from '#domain/duplicates/duplicate-history.ts';
import { markDuplicate, setRegister } from '#domain/requests/edits.ts';
import { at, request, user } from '../../../support/factories.ts';

const coordinator = user('coordinator', ['ceredigion']);
const other = user('coordinator', ['ceredigion']);

describe('duplicateHistory', () => {
  it('says on the request marked which request was kept, by whom and when', () => {
    const kept = request();
    const dup = markDuplicate(request(), kept._id, coordinator.id, at(30));
    expect(duplicateHistory(dup, kept, [])).toEqual([
      {
        at: at(30),
        by: coordinator.id,
        code: 'closed_as_duplicate',
        id: kept._id,
        reference: kept.reference,
      },
    ]);
  });

  it('names no reference for a request kept that the device does not hold', () => {
    const kept = request();
    const dup = markDuplicate(request(), kept._id, coordinator.id, at(30));
    expect(duplicateHistory(dup, null, [])).toMatchObject([{ id: kept._id, reference: null }]);
    // A request held under another id is not the one named.
    expect(duplicateHistory(dup, request(), [])).toMatchObject([{ reference: null }]);
  });

  it('lists on the request kept each duplicate naming it, oldest link first', () => {
    const kept = request();
    const late = markDuplicate(request(), kept._id, other.id, at(50));
    const early = markDuplicate(request(), kept._id, coordinator.id, at(20));
    const elsewhere = markDuplicate(request(), request()._id, coordinator.id, at(10));
    const entries = duplicateHistory(kept, null, [late, early, elsewhere, kept]);
    expect(entries.map((e) => [e.code, e.id, e.by, e.at, e.reference])).toEqual([
      ['duplicate_linked', early._id, coordinator.id, at(20), early.reference],
      ['duplicate_linked', late._id, other.id, at(50), late.reference],
    ]);
  });

  it('says nothing once a duplicate is reopened: the link went with its status', () => {
    const kept = request();
    const dup = markDuplicate(request(), kept._id, coordinator.id, at(30));
    const reopened = setRegister(dup, 'status', 'triaged', coordinator.id, at(40));
    expect(duplicateHistory(reopened, kept, [])).toEqual([]);
    expect(duplicateHistory(kept, null, [reopened])).toEqual([]);
  });
});
