import { loadTexts } from '$lib/i18n/page-texts.ts';

// Volunteer ids are only known on the device: these pages are the SPA fallback (200.html), which
// the service worker serves for any URL, offline included.
export const prerender = false;
export const load = loadTexts('staff', 'volunteers');
