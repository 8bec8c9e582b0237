/**
 * The real locale files in an i18next instance of the test's own, configured as
 * src/lib/i18n/i18n.ts configures the app's (which loads them through Vite's import.meta.glob).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource } from 'i18next';
import type { Translate } from '$lib/i18n/i18n.ts';
import { loadLocales, type LocaleSet } from '../../scripts/check-locales.ts';

export const localesDir = fileURLToPath(new URL('../../locales', import.meta.url));

export const realLocales = (): LocaleSet => loadLocales(localesDir);

/** `locales/<lang>/<file>.json` mounted under `<file>`, for each language. */
export function localeResources(): Resource {
  const resources: Resource = {};
  for (const lang of ['cy', 'en']) {
    const translation: Record<string, unknown> = {};
    for (const file of readdirSync(join(localesDir, lang)).filter((f) => f.endsWith('.json'))) {
      translation[file.slice(0, -'.json'.length)] = JSON.parse(
        readFileSync(join(localesDir, lang, file), 'utf8'),
      );
    }
    resources[lang] = { translation: translation as Resource[string]['translation'] };
  }
  return resources;
}

export function localeInstance(resources: Resource = localeResources()): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: 'cy',
    fallbackLng: false,
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
  });
  return instance;
}

export const translator =
  (instance: i18n, lng: 'cy' | 'en'): Translate =>
  (key, options) =>
    instance.t(key, { ...options, lng });

/** A file's string with `{{name}}` filled in, as the expected rendering of a key. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
