/**
 * The resident's questions as a coordinator asks them on the phone: the same steps, fields and
 * checks (src/lib/resident/steps.ts, so what a call stores passes the same schemas as the web
 * form), worded for the coordinator to read out about the person who needs help ("Ask: what is
 * their full name?"). A question's words come from `intake.ask.<key>` where the call needs its
 * own, and otherwise from the resident's "asking for someone else" wording, whole sentences either
 * way (docs/architecture.md, "Welsh"). A call has its own draft, so it never mixes with a
 * resident's on the same browser, and where it goes is here too.
 */
import type { Language } from '#domain/languages.ts';
import { i18n, type Translate } from '$lib/i18n/i18n.ts';
import { Draft } from '$lib/resident/draft.svelte.ts';
import { validateFields, type DraftValues } from '$lib/resident/draft-values.ts';
import { applicableSteps, nextStep, previousStep, type Step } from '$lib/resident/steps.ts';
import { wording } from '$lib/resident/wording.ts';
import { intakeDraftKey } from './draft-key.ts';

export const intakeDraft = new Draft(intakeDraftKey);

/** The consent answer echoes "Gawn ni…?" ("Cewch" / "Na chewch"), said of the person asked about. */
const consentAnswers: Record<string, string> = {
  'common.yes': 'intake.ask.consent.yes',
  'common.no': 'intake.ask.consent.no',
};

/**
 * `request.<key>.<rest>` → `intake.ask.<key>.<rest>` where the call words it its own way; on the
 * consent question (`stepKey` 'consent') its own yes and no.
 */
export function intakeWording(lang: Language, stepKey?: string): Translate {
  const someoneElse = wording(lang, true);
  return (key, options) => {
    const own =
      stepKey === 'consent' && consentAnswers[key]
        ? consentAnswers[key]
        : key.replace(/^request\./, 'intake.ask.');
    if (own !== key && i18n.exists(own, { lng: lang })) {
      return i18n.t(own, { ...options, lng: lang });
    }
    return someoneElse(key, options);
  };
}

export const intakeBase = (lang: Language) => `/${lang}/staff/intake`;
export const intakeStepHref = (lang: Language, step: Step, fromCheck = false) =>
  `${intakeBase(lang)}/${step.id}${fromCheck ? '?from=check' : ''}`;
export const intakeCheckHref = (lang: Language) => `${intakeBase(lang)}/check`;

/** The first question, in order, whose answer is missing or wrong; null when all are complete. */
export function firstUnanswered(d: DraftValues): Step | null {
  return (
    applicableSteps(d).find((s) => Object.keys(validateFields(s.fields, d)).length > 0) ?? null
  );
}

/** Where Continue goes: the next question, or back to the check page for a changed answer. */
export function intakeContinueHref(
  lang: Language,
  stepId: string,
  d: DraftValues,
  fromCheck: boolean,
): string {
  if (fromCheck) {
    const missing = firstUnanswered(d);
    return missing ? intakeStepHref(lang, missing, true) : intakeCheckHref(lang);
  }
  const next = nextStep(stepId, d);
  return next ? intakeStepHref(lang, next) : intakeCheckHref(lang);
}

export function intakeBackHref(
  lang: Language,
  stepId: string,
  d: DraftValues,
  fromCheck: boolean,
): string {
  if (fromCheck) return intakeCheckHref(lang);
  const previous = previousStep(stepId, d);
  return previous ? intakeStepHref(lang, previous) : intakeBase(lang);
}
