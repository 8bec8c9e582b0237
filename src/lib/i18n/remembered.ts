/** The language a person last used on this device (Welsh Language Standards: remember the choice). */
import { languages, type Language } from '#domain/languages.ts';

const key = 'cymorth.lang';

export function rememberedLanguage(): Language | null {
  const saved = localStorage.getItem(key);
  return (languages as readonly string[]).includes(saved ?? '') ? (saved as Language) : null;
}

export function rememberLanguage(lang: Language): void {
  localStorage.setItem(key, lang);
}
