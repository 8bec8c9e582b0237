import { describe, expect, it } from 'vitest';
import { UploadLedger } from '$lib/staff/sync/uploads/upload-ledger.ts';
import {
  changedAt,
  hasWaitedADay,
  readUnsent,
  unsentFile,
  unsentFileFormat,
  waitedTooLongMs,
} from '$lib/staff/sync/uploads/unsent-file.ts';
import { request } from '../../../../support/factories.ts';
import { memoryDb } from '../pouch.ts';

const now = new Date('2026-12-07T12:00:00.000Z');
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('changedAt and hasWaitedADay', () => {
  it('take the latest time a document carries, leaving out times ahead of now', () => {
    const doc = {
      created_at: before(3 * waitedTooLongMs),
      fields_meta: { status: { at: before(2 * waitedTooLongMs), by: 'u' } },
      planned_at: '2027-01-01T00:00:00.000Z',
    };
    expect(changedAt(doc, now)).toBe(now.getTime() - 2 * waitedTooLongMs);
    expect(changedAt({ _id: 'x', _deleted: true }, now)).toBeNull();
  });

  it('offer the file from a day after the last change of any unsent document', () => {
    const recent = { updated_at: before(waitedTooLongMs - 1) };
    const dayOld = { updated_at: before(waitedTooLongMs) };
    expect(hasWaitedADay([recent], now)).toBe(false);
    expect(hasWaitedADay([recent, dayOld], now)).toBe(true);
    expect(hasWaitedADay([{ _deleted: true }], now)).toBe(false);
    expect(hasWaitedADay([], now)).toBe(false);
  });
});

describe('the unsent file', () => {
  it('holds what the ledger counts as unsent, with histories that import as the same revisions', async () => {
    const local = memoryDb('local');
    const ledger = new UploadLedger(local);
    await ledger.load();
    const sent = request();
    await local.put(sent);
    await ledger.acknowledged((await local.info()).update_seq);
    const waiting = request();
    const first = await local.put(waiting);
    const second = await local.put({ ...waiting, _rev: first.rev, note_at: now.toISOString() });

    const docs = await readUnsent(local, await ledger.unsent());
    expect(docs.map((d) => [d._id, d._rev])).toEqual([[waiting._id, second.rev]]);
    expect((await ledger.count()).pending).toBe(docs.length);

    const file = unsentFile(docs, 'c0ffee00-0000-4000-8000-000000000000', now);
    expect(file.name).toBe('cymorth-unsent-2026-12-07-c0ffee00.json');
    const parsed = JSON.parse(file.text) as { format: string; docs: typeof docs };
    expect(parsed.format).toBe(unsentFileFormat);

    // A coordinator's import writes as replication does: the server gets the device's revisions.
    const server = memoryDb('server');
    await server.bulkDocs(parsed.docs, { new_edits: false });
    const imported = await server.get(waiting._id, { revs: true });
    expect(imported._rev).toBe(second.rev);
    expect(imported._revisions?.ids).toHaveLength(2);
  });

  it('is empty when nothing is unsent', async () => {
    expect(await readUnsent(memoryDb('local'), new Map())).toEqual([]);
  });
});
