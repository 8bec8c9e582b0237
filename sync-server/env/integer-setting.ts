/**
 * Whole-number settings from the environment, for the server's own settings (config.ts) and for
 * those of a feature that reads its own (accounts' session timeouts), so every one of them fails
 * start-up alike when it is out of range.
 */

/** A whole-number setting from the environment, or `fallback` when unset; out of range throws. */
export function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}
