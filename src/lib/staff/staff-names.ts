/**
 * The names of the coordinators and admins this device may show, so a note, a history line or
 * "who took the call" names a person: the server gives only those the domain rule allows
 * (`GET /api/staff-names`, #domain/access/staff-names.ts). Kept in localStorage beside the
 * signed-in account, for the user it was given to, so names show offline; forgotten at sign-out.
 */
const namesKey = 'cymorth.staff.names';

type Saved = { user_id: string; names: Record<string, string> };

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

/** The names last given to `userId` on this device; none for anyone else's. */
export function savedStaffNames(userId: string): Map<string, string> {
  try {
    const saved = JSON.parse(localStorage.getItem(namesKey) ?? 'null') as Saved | null;
    return saved?.user_id === userId ? new Map(Object.entries(saved.names)) : new Map();
  } catch {
    return new Map();
  }
}

/** Asks the server again and keeps the answer; null when it cannot be asked (offline, signed out). */
export async function refreshStaffNames(userId: string): Promise<Map<string, string> | null> {
  const body: unknown = await fetch('/api/staff-names')
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  if (!isNameList(body)) return null;
  const names = Object.fromEntries(body.names.map((n) => [n.id, n.name]));
  localStorage.setItem(namesKey, JSON.stringify({ user_id: userId, names } satisfies Saved));
  return new Map(Object.entries(names));
}

export function forgetStaffNames(): void {
  localStorage.removeItem(namesKey);
}
