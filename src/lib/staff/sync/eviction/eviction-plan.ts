/**
 * What one eviction cycle does with the server's answer to `GET /db/_evictions?since=<token>`
 * (sync-server/replication/feed/evictions.ts), decided without touching a database so it is tested as
 * is. eviction-cycle.ts carries the plan out.
 *
 * - 401: the session ended (signed out elsewhere, timed out, or a disabled account whose 403 was
 *   already answered and its cookie cleared). 403: the account is disabled. Either way sync stops;
 *   what happens to the data is device.ts's decision (`endAccess`).
 * - Anything but a well-formed 200 (no signal, a 5xx, a proxy's page): nothing happens and the
 *   token stays, so the next cycle asks again from the same place.
 * - Changes waiting to upload come first: purging or resetting now could throw away an edit the
 *   server has not seen (an offline note on a task that was meanwhile handed to someone else). The
 *   cycle waits, token unchanged, until the push has emptied; refused changes do not hold it up,
 *   as the server will never take them.
 * - `reset`: the user's role or areas changed, so the old list of what the view held means
 *   nothing. The device drops what the server no longer lists for it (see `idsLeftOnReset`).
 */
export type EvictionReply = { status: number; body?: unknown };

export type EvictionPlan =
  | { kind: 'purge'; ids: string[]; next: string }
  | { kind: 'reset'; next: string }
  | { kind: 'wait' }
  | { kind: 'skip' }
  | { kind: 'end'; reason: EndReason };

export type EndReason = 'disabled' | 'session-ended';

type Answer = { ids: string[]; last_seq: string; reset?: boolean };

function isAnswer(body: unknown): body is Answer {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return (
    Array.isArray(b.ids) &&
    b.ids.every((id) => typeof id === 'string') &&
    typeof b.last_seq === 'string' &&
    (b.reset === undefined || typeof b.reset === 'boolean')
  );
}

/** The reason an HTTP status ends this device's access to `/db`, or null when it does not. */
export function endReasonOf(status: number | undefined): EndReason | null {
  if (status === 401) return 'session-ended';
  if (status === 403) return 'disabled';
  return null;
}

/**
 * `uploadable`: local changes not yet on the server and not refused by it. `hadToken`: false on a
 * device's first cycle, asked with `since=now` for a token to start from. With no earlier token
 * nothing can say what left the view before it (a device signed in before its areas changed, say),
 * so the first cycle reconciles as a reset does.
 */
export function planEvictionCycle(
  reply: EvictionReply,
  uploadable: number,
  hadToken = true,
): EvictionPlan {
  const ended = endReasonOf(reply.status);
  if (ended !== null) return { kind: 'end', reason: ended };
  if (reply.status !== 200 || !isAnswer(reply.body)) return { kind: 'skip' };
  if (uploadable > 0) return { kind: 'wait' };
  const { ids, last_seq: next, reset } = reply.body;
  if (reset === true || !hadToken) return { kind: 'reset', next };
  return { kind: 'purge', ids: [...new Set(ids)], next };
}

/**
 * On a reset, what the device holds and the server no longer lists for this user. `local` must be
 * listed BEFORE `remote` is fetched: a document that arrives in between is then in `remote` (it is
 * in view) or not in `local`, so nothing in view is ever dropped.
 */
export function idsLeftOnReset(local: Iterable<string>, remote: Iterable<string>): string[] {
  const keep = new Set(remote);
  return [...new Set(local)].filter((id) => !id.startsWith('_') && !keep.has(id)).sort();
}

/**
 * Ids pulled while a cycle was purging may be newer than the list it acted on (the document left
 * the view and came back within the cycle): those the cycle purged are fetched again, and the
 * server decides whether they are still in view.
 */
export function idsToRefetch(purged: Iterable<string>, pulledMeanwhile: Set<string>): string[] {
  return [...new Set(purged)].filter((id) => pulledMeanwhile.has(id)).sort();
}
