import { ensureLanguage } from '$lib/i18n/i18n.ts';
import type { Language } from '#domain/request-fields.ts';
import type { LayoutLoad } from './$types';

// Every resident page is built ahead of time, in both languages, and works with no server.
export const prerender = true;
export const trailingSlash = 'never';

export const load: LayoutLoad = async ({ params }) => {
  const fromPath = (params as { lang?: Language }).lang;
  const lang: Language = fromPath ?? 'cy';
  await ensureLanguage(lang);
  // The language choice page shows both languages side by side.
  if (!fromPath) await ensureLanguage('en');
  return { lang };
};
