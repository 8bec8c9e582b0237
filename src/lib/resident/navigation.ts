/** Where Continue, Back and Change go in the resident's journey. */
import type { Language } from '#domain/languages.ts';
import { validateFields, type DraftValues } from './draft-values.ts';
import { applicableSteps, nextStep, previousStep, type Step } from './steps.ts';

export const stepHref = (lang: Language, step: Step, fromCheck = false) =>
  `/${lang}/request/${step.id}${fromCheck ? '?from=check' : ''}`;

export const checkHref = (lang: Language) => `/${lang}/request/check`;

/** The first page, in order, whose answers are missing or wrong; null when all are complete. */
export function firstIncompleteStep(d: DraftValues): Step | null {
  return (
    applicableSteps(d).find((s) => Object.keys(validateFields(s.fields, d)).length > 0) ?? null
  );
}

export function continueHref(
  lang: Language,
  stepId: string,
  d: DraftValues,
  fromCheck: boolean,
): string {
  if (fromCheck) {
    // A changed answer can open new questions (another kind of help): ask those, then go back.
    const missing = firstIncompleteStep(d);
    return missing ? stepHref(lang, missing, true) : checkHref(lang);
  }
  const next = nextStep(stepId, d);
  return next ? stepHref(lang, next) : checkHref(lang);
}

export function backHref(
  lang: Language,
  stepId: string,
  d: DraftValues,
  fromCheck: boolean,
): string {
  if (fromCheck) return checkHref(lang);
  const previous = previousStep(stepId, d);
  return previous ? stepHref(lang, previous) : `/${lang}`;
}
