import { languages } from '#domain/languages.ts';

/** Prerender a `[lang]` page in every language, whether or not a link leads to it. */
export const languageEntries = () => languages.map((lang) => ({ lang }));
