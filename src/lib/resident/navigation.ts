/** Where Continue, Back and Change go in the resident's journey. */
import type { Language } from '#domain/languages.ts';
import { validateFields, type DraftValues } from './draft-values.ts';
import { applicableSteps, nextStep, previousStep, type Step } from './steps.ts';

/**
 * A journey of the resident's questions: the resident's own under `/<lang>/request`, and the one a
 * coordinator reads out on a call (staff/intake/). `root` holds the steps and the check page;
 * Back from the first step goes to `start`.
 */
export type Journey = { root: string; start: string };

export const residentJourney = (lang: Language): Journey => ({
  root: `/${lang}/request`,
  start: `/${lang}`,
});

export const journeyStepHref = (j: Journey, step: Step, fromCheck = false) =>
  `${j.root}/${step.id}${fromCheck ? '?from=check' : ''}`;

export const journeyCheckHref = (j: Journey) => `${j.root}/check`;

/** The first page, in order, whose answers are missing or wrong; null when all are complete. */
export function firstIncompleteStep(d: DraftValues): Step | null {
  return (
    applicableSteps(d).find((s) => Object.keys(validateFields(s.fields, d)).length > 0) ?? null
  );
}

/** Where a check page sends unfinished answers back to: the first step they leave incomplete. */
export function firstIncompleteHref(j: Journey, d: DraftValues): string | null {
  const missing = firstIncompleteStep(d);
  return missing ? journeyStepHref(j, missing) : null;
}

/** Where Continue goes: the next question, or back to the check page for a changed answer. */
export function journeyContinueHref(
  j: Journey,
  stepId: string,
  d: DraftValues,
  fromCheck: boolean,
): string {
  if (fromCheck) {
    // A changed answer can open new questions (another kind of help): ask those, then go back.
    const missing = firstIncompleteStep(d);
    return missing ? journeyStepHref(j, missing, true) : journeyCheckHref(j);
  }
  const next = nextStep(stepId, d);
  return next ? journeyStepHref(j, next) : journeyCheckHref(j);
}

export function journeyBackHref(
  j: Journey,
  stepId: string,
  d: DraftValues,
  fromCheck: boolean,
): string {
  if (fromCheck) return journeyCheckHref(j);
  const previous = previousStep(stepId, d);
  return previous ? journeyStepHref(j, previous) : j.start;
}
