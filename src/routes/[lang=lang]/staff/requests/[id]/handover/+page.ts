import { loadTexts } from '$lib/i18n/page-texts.ts';

// Request ids are only known on the device: the page is the SPA fallback (200.html), which the
// service worker serves for any URL, offline included.
export const prerender = false;
export const load = loadTexts('staff', 'work', 'requests', 'handover');
