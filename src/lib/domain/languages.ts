/** The two languages of Cymorth. Welsh first (Welsh Language Standards). */
export const languages = ['cy', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language an address is in: its first segment (`/cy/…`, `/en/…`), or null for a neutral
 * address (`/`, `/anything-else`), which is answered in both. The server's not-found page and the
 * app's error page choose by it alike.
 */
export function languageOfPath(pathname: string): Language | null {
  const first = pathname.split('/')[1];
  return isLanguage(first) ? first : null;
}
