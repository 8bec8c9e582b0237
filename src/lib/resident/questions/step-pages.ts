/**
 * What a journey's question page loads (`[step]/+page.ts`): every step in both languages is
 * prerendered, so a journey goes on with no signal, and a page has the texts it shows.
 */
import { error } from '@sveltejs/kit';
import { languages, type Language } from '#domain/languages.ts';
import { ensureTexts, type Namespace } from '$lib/i18n/i18n.ts';
import { findStep, steps } from '../steps.ts';

export const stepEntries = () =>
  languages.flatMap((lang) => steps.map((step) => ({ lang, step: step.id })));

export const loadStep =
  (...namespaces: Namespace[]) =>
  async ({ params }: { params: { lang: string; step: string } }) => {
    const step = findStep(params.step);
    if (!step) error(404, 'Not found');
    await ensureTexts(params.lang as Language, namespaces);
    return { stepId: step.id };
  };
