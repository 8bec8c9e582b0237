/**
 * The names of the staff this device may show, so a history line, a note or "who took the call"
 * names a person: coordinators' and admins' accounts are never replicated, and a volunteer's
 * device holds no profile but their own. The server gives the names the domain rule allows
 * (`GET /api/staff-names`, #domain/access/staff-names.ts, docs/architecture.md "Access").
 *
 * Kept in localStorage beside the signed-in account (session.ts), for the user it was given to, so
 * the names show offline on any page opened before; forgotten at sign-out with the account. Asked
 * again at most every few minutes from any work screen, and whenever a request's page opens.
 */
const namesKey = 'cymorth.staff.names';
/** How long names fetched by one work screen serve the next without asking again. */
const freshForMs = 5 * 60_000;

/** Bumped at sign-out, so an answer still on its way then is not kept after it. */
let forgotten = 0;

type Saved = { user_id: string; fetched_at: number; names: Record<string, string> };

function isNameList(body: unknown): body is { names: { id: string; name: string }[] } {
  if (typeof body !== 'object' || body === null || !('names' in body)) return false;
  const { names } = body;
  return (
    Array.isArray(names) &&
    names.every(
      (n: unknown) =>
        typeof n === 'object' &&
        n !== null &&
        'id' in n &&
        'name' in n &&
        typeof n.id === 'string' &&
        typeof n.name === 'string',
    )
  );
}

function saved(userId: string): Saved | null {
  try {
    const kept = JSON.parse(localStorage.getItem(namesKey) ?? 'null') as Saved | null;
    return kept?.user_id === userId ? kept : null;
  } catch {
    return null;
  }
}

/** The names last given to `userId` on this device, by id; none for anyone else's. */
export function savedStaffNames(userId: string): Map<string, string> {
  return new Map(Object.entries(saved(userId)?.names ?? {}));
}

async function ask(userId: string): Promise<Map<string, string> | null> {
  const asked = forgotten;
  const body: unknown = await fetch('/api/staff-names')
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  if (!isNameList(body) || asked !== forgotten) return null;
  const names = Object.fromEntries(body.names.map((n) => [n.id, n.name]));
  const next: Saved = { user_id: userId, fetched_at: Date.now(), names };
  localStorage.setItem(namesKey, JSON.stringify(next));
  return new Map(Object.entries(names));
}

/** The question on its way, which a second caller shares rather than asking twice. */
let asking: Promise<Map<string, string> | null> | null = null;

/**
 * Asks the server again and keeps the answer; null when it cannot be asked (offline, signed out)
 * or, with `unlessFresh`, when the names kept were fetched only minutes ago.
 */
export function refreshStaffNames(
  userId: string,
  { unlessFresh = false } = {},
): Promise<Map<string, string> | null> {
  const kept = saved(userId);
  if (unlessFresh && kept && Date.now() - kept.fetched_at < freshForMs) {
    return Promise.resolve(null);
  }
  asking ??= ask(userId).finally(() => {
    asking = null;
  });
  return asking;
}

export function forgetStaffNames(): void {
  forgotten++;
  localStorage.removeItem(namesKey);
}
