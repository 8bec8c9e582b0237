/**
 * One i18next instance for the app. Each language's files are loaded on demand (a resident only
 * downloads the language they read) and mounted under their file name: `locales/cy/request.json`
 * answers `request.*` keys.
 */
import i18next, { type TOptions } from 'i18next';
import type { Language } from '#domain/request-fields.ts';

const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { import: 'default' });

export const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  fallbackLng: false,
  supportedLngs: ['cy', 'en'],
  resources: {},
  // Svelte escapes what it renders; escaping here too would show `&#39;` in Welsh apostrophes.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
});

const loading = new Map<Language, Promise<void>>();

export function ensureLanguage(lang: Language): Promise<void> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = Promise.all(
      Object.entries(files)
        .filter(([path]) => path.startsWith(`/locales/${lang}/`))
        .map(async ([path, load]) => {
          const name = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
          i18n.addResourceBundle(lang, 'translation', { [name]: await load() }, true, true);
        }),
    ).then(() => undefined);
    loading.set(lang, pending);
  }
  return pending;
}

export type Translate = (key: string, options?: TOptions) => string;

export function translator(lang: () => Language): Translate {
  return (key, options) => i18n.t(key, { ...options, lng: lang() });
}
