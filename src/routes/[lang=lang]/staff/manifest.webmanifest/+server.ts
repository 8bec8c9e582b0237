/**
 * `/cy/staff/manifest.webmanifest`, `/en/staff/manifest.webmanifest`: the staff app's manifest,
 * written as a file at build time in each language; the sync server answers it as
 * `application/manifest+json` by its extension (sync-server/web/content-types.ts).
 */
import type { Language } from '#domain/languages.ts';
import { languageEntries } from '$lib/i18n/entries.ts';
import { ensureTexts, translator } from '$lib/i18n/i18n.ts';
import { staffManifest } from '$lib/pwa/staff-manifest.ts';
import type { RequestHandler } from './$types';

export const prerender = true;
export const entries = languageEntries;

export const GET: RequestHandler = async ({ params }) => {
  const lang = params.lang as Language;
  await ensureTexts(lang, ['staff']);
  const manifest = staffManifest(
    lang,
    translator(() => lang),
  );
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
