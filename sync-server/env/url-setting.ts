/**
 * An http(s) address from the environment (`POSTCODES_URL`, `NOTIFY_BASE_URL`), for every setting
 * that names another service, so each fails start-up alike when it is not one.
 */

/** The URL `name` holds, or null when unset; anything but an http(s) URL without a query throws. */
export function httpUrl(env: NodeJS.ProcessEnv, name: string, example: string): URL | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Answered below.
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search) {
    throw new Error(`${name} must be an http:// or https:// URL such as ${example}`);
  }
  return url;
}
