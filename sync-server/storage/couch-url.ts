/**
 * Telling a CouchDB server's URL from a data directory, and writing one where people read it
 * without its credentials.
 */

export const isCouchUrl = (location: string) => /^https?:\/\//i.test(location);

/** A URL fit for logs and error messages: the user name and password replaced by `***`. */
export function redactUrl(href: string): string {
  try {
    const url = new URL(href);
    if (url.username === '' && url.password === '') return url.href;
    url.username = '***';
    url.password = '';
    return url.href;
  } catch {
    return '(an unreadable URL)';
  }
}
