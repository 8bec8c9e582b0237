import { languageEntries } from '$lib/i18n/entries.ts';
import { loadTexts } from '$lib/i18n/page-texts.ts';

// "About this service", with the data sources and the attribution their licences require
// (docs/architecture.md, "Places"): prerendered in each language, linked from every footer.
export const entries = languageEntries;
export const load = loadTexts('places');
