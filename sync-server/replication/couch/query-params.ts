/** Query parameters as CouchDB spells them: whole numbers, and JSON values (`keys`, `open_revs`). */

/** `fallback` when absent; null when not a whole number within `[min, max]`. */
export function intParam(
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number | null {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) return null;
  return Math.min(Math.max(Number(value), min), max);
}

/** A JSON query value; `undefined` when absent, `null` when it does not parse. */
export function jsonParam(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
