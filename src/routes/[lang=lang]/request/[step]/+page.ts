import { error } from '@sveltejs/kit';
import { languages } from '#domain/request-fields.ts';
import { findStep, steps } from '$lib/resident/steps.ts';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () =>
  languages.flatMap((lang) => steps.map((step) => ({ lang, step: step.id })));

export const load: PageLoad = ({ params }) => {
  const step = findStep(params.step);
  if (!step) error(404, 'Not found');
  return { stepId: step.id };
};
