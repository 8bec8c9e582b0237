import { languageEntries } from '$lib/i18n/entries.ts';
import { loadWorkTexts } from '$lib/staff/work/work-texts.ts';

export const entries = languageEntries;
export const load = loadWorkTexts(['staff', 'volunteers', 'route'], ['intake', 'map', 'admin']);
