import { languageEntries } from '$lib/i18n/entries.ts';
import { loadTexts } from '$lib/i18n/page-texts.ts';

// The privacy notice for residents (UK GDPR; docs/architecture.md, "Access"): prerendered in each
// language so it opens offline, linked from every footer and from the first question.
export const entries = languageEntries;
export const load = loadTexts('privacy');
