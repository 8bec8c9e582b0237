/**
 * Which requests look like the same need asked twice: two requests that share a key
 * (duplicate-keys.ts) and came in within `duplicateWindowDays` of each other. The rule is symmetric,
 * so each of the pair is flagged with the other, and says which fields matched. A pair already
 * settled (one marked a duplicate of the other) is not flagged again.
 */
import { matchFields, type DuplicateCandidate, type MatchField } from './duplicate-keys.ts';

export const duplicateWindowDays = 14;
const windowMs = duplicateWindowDays * 86_400_000;

export type DuplicateMatch = { id: string; reference: string; fields: MatchField[] };

export function withinWindow(a: { created_at: string }, b: { created_at: string }): boolean {
  return Math.abs(Date.parse(a.created_at) - Date.parse(b.created_at)) <= windowMs;
}

const settled = (a: DuplicateCandidate, b: DuplicateCandidate) =>
  a.duplicate_of === b.id || b.duplicate_of === a.id;

/** The fields `a` and `b` share, in `matchFields` order; none when either lacks the key. */
export function sharedFields(a: DuplicateCandidate, b: DuplicateCandidate): MatchField[] {
  return matchFields.filter((f) => a.keys[f] !== null && a.keys[f] === b.keys[f]);
}

/**
 * The requests among `others` that `subject` may duplicate, oldest first (then by id). `others`
 * are the candidates the read model found by the subject's keys; the subject itself among them is
 * ignored.
 */
export function duplicatesOf(
  subject: DuplicateCandidate,
  others: readonly DuplicateCandidate[],
): DuplicateMatch[] {
  const seen = new Set<string>([subject.id]);
  const found: { match: DuplicateMatch; at: string }[] = [];
  for (const other of others) {
    if (seen.has(other.id)) continue;
    seen.add(other.id);
    if (settled(subject, other) || !withinWindow(subject, other)) continue;
    const fields = sharedFields(subject, other);
    if (fields.length === 0) continue;
    found.push({
      match: { id: other.id, reference: other.reference, fields },
      at: other.created_at,
    });
  }
  found.sort((x, y) => (x.at !== y.at ? (x.at < y.at ? -1 : 1) : x.match.id < y.match.id ? -1 : 1));
  return found.map((f) => f.match);
}

/**
 * Every flagged request among `candidates` with its matches, found through a map per key (linear in
 * the candidates and the pairs, not quadratic), for a whole page of the queue at once.
 */
export function allDuplicates(
  candidates: readonly DuplicateCandidate[],
): Map<string, DuplicateMatch[]> {
  const byKey = new Map<string, DuplicateCandidate[]>();
  for (const c of candidates) {
    for (const f of matchFields) {
      const key = c.keys[f];
      if (key === null) continue;
      const tagged = `${f}:${key}`;
      const list = byKey.get(tagged);
      if (list) list.push(c);
      else byKey.set(tagged, [c]);
    }
  }
  const out = new Map<string, DuplicateMatch[]>();
  for (const c of candidates) {
    const sharing = matchFields.flatMap((f) => {
      const key = c.keys[f];
      return key === null ? [] : (byKey.get(`${f}:${key}`) ?? []);
    });
    const matches = duplicatesOf(c, sharing);
    if (matches.length > 0) out.set(c.id, matches);
  }
  return out;
}
