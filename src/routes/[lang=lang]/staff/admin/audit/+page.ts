import { languageEntries } from '$lib/i18n/entries.ts';
import { loadTexts } from '$lib/i18n/page-texts.ts';

export const entries = languageEntries;
export const load = loadTexts('staff', 'admin', 'reports');
