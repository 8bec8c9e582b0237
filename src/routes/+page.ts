import { ensureTexts } from '$lib/i18n/i18n.ts';

// The language choice shows both languages side by side.
export const load = async () => {
  await Promise.all([ensureTexts('cy', ['start']), ensureTexts('en', ['start'])]);
  return {};
};
