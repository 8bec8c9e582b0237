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
import { journeyStepHref, type Journey } from '$lib/resident/navigation.ts';
import type { Step } from '$lib/resident/steps.ts';
import { has, wording } from '$lib/resident/wording.ts';
import { intakeDraftKey } from './draft-key.ts';

export const intakeDraft = new Draft(intakeDraftKey);

/** The consent answer echoes "Gawn ni…?" ("Cewch" / "Na chewch"), said of the person asked about. */
const consentAnswers: Record<string, string> = {
  'request.consent.options.yes': 'intake.ask.consent.yes',
  'request.consent.options.no': 'intake.ask.consent.no',
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

/** Whether the call has words of its own for `key`, or the resident's journey has them. */
export const intakeHas = (lang: Language) => (key: string) =>
  has(lang, key) || has(lang, key.replace(/^request\./, 'intake.ask.'));

/** The call's journey: the resident's questions under the intake's own pages (navigation.ts). */
export const intakeJourney = (lang: Language): Journey => ({
  root: `/${lang}/staff/intake`,
  start: `/${lang}/staff/intake`,
});

export const intakeStepHref = (lang: Language, step: Step, fromCheck = false) =>
  journeyStepHref(intakeJourney(lang), step, fromCheck);
