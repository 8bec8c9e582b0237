import { getContext, setContext } from 'svelte';
import type { Language } from '#domain/languages.ts';
import { translator, type Translate } from './i18n.ts';

export type Locale = {
  /** The page's language; reading it inside a template or `$derived` tracks navigation. */
  readonly lang: Language;
  readonly t: Translate;
};

const key = Symbol('locale');

export function setLocaleContext(lang: () => Language): Locale {
  const locale: Locale = {
    get lang() {
      return lang();
    },
    t: translator(lang),
  };
  setContext(key, locale);
  return locale;
}

export function getLocaleContext(): Locale {
  const locale = getContext<Locale | undefined>(key);
  if (!locale) throw new Error('getLocaleContext() called outside a language layout');
  return locale;
}
