/**
 * The staff app's web app manifest in one language (https://www.w3.org/TR/appmanifest/): a
 * volunteer or coordinator who adds Cymorth to their home screen from a staff page gets an app that
 * opens on the staff home, in their language, named as the staff app, rather than the resident's
 * language choice. Its `id` is its scope, so the Welsh and English staff apps and the resident's
 * are three apps a browser tells apart.
 */
import type { Language } from '#domain/languages.ts';
import type { Translate } from '$lib/i18n/i18n.ts';
import { appColours } from './app-colours.ts';
import { staffScope } from './app-manifests.ts';

/** Drawn from static/icon.svg by scripts/icons/make-icons.ts. */
const icons = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

export function staffManifest(lang: Language, t: Translate) {
  const scope = staffScope(lang);
  return {
    id: scope,
    name: t('staff.app.name'),
    short_name: t('staff.app.short_name'),
    description: t('staff.app.description'),
    lang,
    dir: 'ltr',
    start_url: scope,
    scope,
    display: 'standalone',
    background_color: appColours.background,
    theme_color: appColours.theme,
    icons,
  };
}
