import type { Handle } from '@sveltejs/kit';

/**
 * Runs while pages are prerendered: `<html lang>` follows the language in the path, so a screen
 * reader speaks Welsh pages in Welsh. Pages outside `/cy` and `/en` (the language choice, the SPA
 * fallback) are Welsh-first and mark their English parts with `lang="en"`.
 */
export const handle: Handle = ({ event, resolve }) => {
  const lang = event.url.pathname.startsWith('/en') ? 'en' : 'cy';
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
