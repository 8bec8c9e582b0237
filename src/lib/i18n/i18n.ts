/**
 * One i18next instance for the app. Locale files are loaded on demand, per language and per page
 * (a resident downloads only the language they read and the texts of the page they are on), and
 * mounted under their file name: `locales/cy/request.json` answers `request.*` keys.
 */
import i18next, { type TOptions } from 'i18next';
import type { Language } from '#domain/languages.ts';

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

/** The locale files: `common` on every page, the others by the pages that use them. */
export type Namespace =
  | 'common'
  | 'start'
  | 'request'
  | 'errors'
  | 'requests'
  | 'staff'
  | 'signup'
  | 'volunteers'
  | 'work'
  | 'desk'
  | 'intake'
  | 'matching'
  | 'status'
  | 'notfound'
  | 'answers'
  | 'places'
  | 'privacy'
  | 'duplicates'
  | 'handover'
  | 'map'
  | 'route'
  | 'tasks'
  | 'reports'
  | 'admin';

const loading = new Map<string, Promise<void>>();

/** Loads `locales/<lang>/<namespace>.json` once each; a page awaits this in its `load`. */
export function ensureTexts(lang: Language, namespaces: readonly Namespace[]): Promise<void> {
  return Promise.all(
    ['common', ...namespaces].map((namespace) => {
      const path = `/locales/${lang}/${namespace}.json`;
      let pending = loading.get(path);
      if (!pending) {
        const load = files[path];
        if (!load) throw new Error(`No locale file ${path}`);
        pending = load().then((texts) => {
          i18n.addResourceBundle(lang, 'translation', { [namespace]: texts }, true, true);
        });
        loading.set(path, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

export type Translate = (key: string, options?: TOptions) => string;

export function translator(lang: () => Language): Translate {
  return (key, options) => i18n.t(key, { ...options, lng: lang() });
}
