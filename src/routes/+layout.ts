import { ensureTexts } from '$lib/i18n/i18n.ts';
import type { Language } from '#domain/languages.ts';
import type { LayoutLoad } from './$types';

// Every resident page is built ahead of time, in both languages, and works with no server.
export const prerender = true;
export const trailingSlash = 'never';

export const load: LayoutLoad = async ({ params }) => {
  const lang: Language = (params as { lang?: Language }).lang ?? 'cy';
  await ensureTexts(lang, []);
  return { lang };
};
