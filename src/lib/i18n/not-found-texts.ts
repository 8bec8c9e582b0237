/**
 * The not-found texts in both languages, bundled rather than loaded: SvelteKit's error page has
 * no `load` to await them in, and its title must be right at its first render, which is what the
 * route announcer reads to a screen reader user (issue 9). They are a few hundred bytes.
 */
import cy from '../../../locales/cy/notfound.json';
import en from '../../../locales/en/notfound.json';
import { i18n } from './i18n.ts';

let added = false;

export function addNotFoundTexts(): void {
  if (added) return;
  added = true;
  i18n.addResourceBundle('cy', 'translation', { notfound: cy }, true, true);
  i18n.addResourceBundle('en', 'translation', { notfound: en }, true, true);
}
