/**
 * Question wording for a resident asking for themselves or for someone else. Welsh changes more
 * than the pronoun ("eich enw" / "eu henw"), so each variant is a whole sentence in the locales,
 * under `<key>_someone_else`, never a pronoun glued into a frame (docs/architecture.md, "Welsh"). Not
 * `_other`: that is i18next's plural suffix, and "1 o bobl" would follow.
 */
import type { Language } from '#domain/languages.ts';
import { i18n, type Translate } from '$lib/i18n/i18n.ts';

export function wording(lang: Language, forOther: boolean): Translate {
  return (key, options) => {
    const chosen =
      forOther && i18n.exists(`${key}_someone_else`, { lng: lang }) ? `${key}_someone_else` : key;
    return i18n.t(chosen, { ...options, lng: lang });
  };
}

/** True when the locale has this key (optional hints). */
export function has(lang: Language, key: string): boolean {
  return i18n.exists(key, { lng: lang });
}
