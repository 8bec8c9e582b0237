/**
 * The rule that keeps the server's points the server's: a write from any device (an admin's
 * included) that would add, change or remove a server-written fact (geocoded.ts) is refused, so a
 * point can never be forged, nor moved to make a volunteer look nearer (a request's, or the
 * volunteer's own base). The server writes them outside `/db`, and the merge keeps them when a
 * device's revision was made before they arrived.
 */
import { serverFieldsOf } from './geocoded.ts';

type Body = Record<string, unknown>;

const typeOf = (doc: object | null) =>
  doc !== null && 'type' in doc && typeof doc.type === 'string' ? doc.type : null;

/** Equal whatever order the keys came in: facts are flat objects of strings and numbers. */
function sameFact(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    ka.length === kb.length && ka.every((k, i) => k === kb[i] && (a as Body)[k] === (b as Body)[k])
  );
}

/**
 * Whether `after` changes a server-written fact of `before` (null for a new document, which may
 * carry none). Deletions keep no facts (routing-fields.ts) and are judged elsewhere.
 */
export function changesServerFact(before: object | null, after: object): boolean {
  const fields = serverFieldsOf(typeOf(after) ?? typeOf(before));
  return fields.some((f) =>
    before === null
      ? (after as Body)[f] !== undefined
      : !sameFact((before as Body)[f], (after as Body)[f]),
  );
}
