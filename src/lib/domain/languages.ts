/** The two languages of Cymorth. Welsh first (Welsh Language Standards). */
export const languages = ['cy', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
