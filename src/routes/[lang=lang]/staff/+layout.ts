import { loadTexts } from '$lib/i18n/page-texts.ts';

// The one-line sync status every staff page shows (+layout.svelte).
export const load = loadTexts('status');
