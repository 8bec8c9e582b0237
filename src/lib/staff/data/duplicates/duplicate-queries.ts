/**
 * A request's possible duplicates, found on the device through the `*dupkeys` index with one lookup
 * per key its contact gives (duplicates/duplicate-keys.ts), never a scan, and judged by the domain
 * (duplicates/detect.ts: within 14 days of each other, a pair already settled left alone). Only
 * requests held with their contact have keys, so a device without contacts finds none.
 */
import { duplicatesOf, type DuplicateMatch } from '#domain/duplicates/detect.ts';
import {
  matchFields,
  type DuplicateCandidate,
  type DuplicateKeys,
  type MatchField,
} from '#domain/duplicates/duplicate-keys.ts';
import type { ReadModelDb } from '../model/read-model.ts';
import type { RequestRow } from '../model/projections.ts';

export type { DuplicateMatch } from '#domain/duplicates/detect.ts';

const isField = (f: string): f is MatchField => (matchFields as readonly string[]).includes(f);

/** The keys back from their tagged form (`phone:07700900123`); the key may hold colons. */
function keysOf(tagged: readonly string[]): DuplicateKeys {
  const keys: DuplicateKeys = { phone: null, address: null, name_postcode: null };
  for (const t of tagged) {
    const at = t.indexOf(':');
    const field = t.slice(0, at);
    if (isField(field)) keys[field] = t.slice(at + 1);
  }
  return keys;
}

function candidateOf(row: RequestRow): DuplicateCandidate {
  return {
    id: row.id,
    reference: row.reference,
    created_at: row.created_at,
    duplicate_of: row.duplicate_of,
    keys: keysOf(row.dupkeys),
  };
}

async function matchesOf(model: ReadModelDb, row: RequestRow): Promise<DuplicateMatch[]> {
  if (row.dupkeys.length === 0) return [];
  const sharing = await model.requests.where('dupkeys').anyOf(row.dupkeys).distinct().toArray();
  return duplicatesOf(candidateOf(row), sharing.map(candidateOf));
}

/** The requests `id` may duplicate, oldest first, each with the fields that matched. */
export async function duplicatesFor(model: ReadModelDb, id: string): Promise<DuplicateMatch[]> {
  const row = await model.requests.get(id);
  return row ? matchesOf(model, row) : [];
}

/** For the ids on a page of the queue: those with a possible duplicate, and its matches. */
export async function duplicatesAmong(
  model: ReadModelDb,
  ids: readonly string[],
): Promise<Map<string, DuplicateMatch[]>> {
  const rows = await model.requests.bulkGet([...ids]);
  const out = new Map<string, DuplicateMatch[]>();
  for (const row of rows) {
    if (!row) continue;
    const matches = await matchesOf(model, row);
    if (matches.length > 0) out.set(row.id, matches);
  }
  return out;
}
