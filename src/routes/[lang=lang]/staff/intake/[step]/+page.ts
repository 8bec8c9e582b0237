import { error } from '@sveltejs/kit';
import { languages, type Language } from '#domain/languages.ts';
import { ensureTexts } from '$lib/i18n/i18n.ts';
import { findStep, steps } from '$lib/resident/steps.ts';
import type { EntryGenerator, PageLoad } from './$types';

// Every question in both languages is prerendered, so the call goes on with no signal.
export const entries: EntryGenerator = () =>
  languages.flatMap((lang) => steps.map((step) => ({ lang, step: step.id })));

export const load: PageLoad = async ({ params }) => {
  const step = findStep(params.step);
  if (!step) error(404, 'Not found');
  await ensureTexts(params.lang as Language, ['request', 'errors', 'staff', 'intake']);
  return { stepId: step.id };
};
