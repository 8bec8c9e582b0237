import { languageEntries } from '$lib/i18n/entries.ts';

// Prerendered in each language; the server sends it with a 404 for an unknown address under
// /cy or /en (sync-server/web/not-found.ts).
export const entries = languageEntries;
