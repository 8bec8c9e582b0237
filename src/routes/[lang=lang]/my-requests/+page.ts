import { languageEntries } from '$lib/i18n/entries.ts';

export const entries = languageEntries;
