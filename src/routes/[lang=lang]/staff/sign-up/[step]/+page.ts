import { error } from '@sveltejs/kit';
import { languages, type Language } from '#domain/languages.ts';
import { ensureTexts } from '$lib/i18n/i18n.ts';
import { findSignUpStep, signUpSteps } from '$lib/staff/sign-up/steps.ts';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () =>
  languages.flatMap((lang) => signUpSteps.map((step) => ({ lang, step: step.id })));

export const load: PageLoad = async ({ params }) => {
  const step = findSignUpStep(params.step);
  if (!step) error(404, 'Not found');
  await ensureTexts(params.lang as Language, ['signup']);
  return { stepId: step.id };
};
