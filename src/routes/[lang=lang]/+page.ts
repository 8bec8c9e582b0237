import { loadTexts } from '$lib/i18n/page-texts.ts';

export const load = loadTexts('start');
