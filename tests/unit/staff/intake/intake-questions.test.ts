import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTexts } from '$lib/i18n/i18n.ts';
import { applicableSteps, steps } from '$lib/resident/steps.ts';
import {
  firstIncompleteStep,
  journeyBackHref,
  journeyContinueHref,
} from '$lib/resident/navigation.ts';
import { intakeHas, intakeJourney, intakeWording } from '$lib/staff/intake/intake-questions.ts';
import { completeDraft } from '../../../support/submissions.ts';
import { localeInstance, translator } from '../../../support/locale-i18n.ts';

// intakeWording() reads the app's own i18next instance, loaded here as the intake pages load it.
beforeAll(async () => {
  await Promise.all(
    (['cy', 'en'] as const).map((lang) => ensureTexts(lang, ['request', 'intake'])),
  );
});

const files = localeInstance();
const ask = { cy: 'Gofynnwch: ', en: 'Ask: ' } as const;

describe('the questions as a coordinator reads them out', () => {
  it.each(['cy', 'en'] as const)('every question the caller is asked starts “%s”', (lang) => {
    const w = intakeWording(lang);
    for (const step of steps.filter((s) => s.id !== 'requester')) {
      expect(w(`request.${step.key}.title`), step.id).toMatch(new RegExp(`^${ask[lang]}`));
    }
    // The caller's own details are asked about the caller, not read out as a question.
    expect(w('request.requester.title')).toBe(
      translator(files, lang)('intake.ask.requester.title'),
    );
  });

  it.each(['cy', 'en'] as const)(
    'asks about them, whole sentences, mutations kept (%s)',
    (lang) => {
      const t = translator(files, lang);
      const w = intakeWording(lang);
      expect(w('request.name.title')).toBe(t('intake.ask.name.title'));
      // Where the call has no words of its own, the resident's "someone else" sentence is used.
      expect(w('request.kind.options.food')).toBe(t('request.kind.options.food'));
      expect(w('request.language.hint')).toBe(t('intake.ask.language.hint'));
      expect(w('request.consent.hint')).toBe(t('intake.ask.consent.hint'));
    },
  );

  it('gives the Welsh name question its nasal mutation, and the consent answer its verb', () => {
    expect(intakeWording('cy')('request.name.title')).toBe('Gofynnwch: beth yw eu henw llawn?');
    // The resident answers "Cewch"; the caller's answer says they agree, as the coordinator hears it.
    const consent = intakeWording('cy', 'consent');
    const cy = translator(files, 'cy');
    expect(consent('request.consent.options.yes')).toBe(cy('intake.ask.consent.yes'));
    expect(consent('request.consent.options.yes')).toMatch(/^Cewch, /);
    expect(consent('request.consent.options.no')).toMatch(/^Na chewch, /);
  });
});

describe('which optional words a call has', () => {
  it('finds a key in the call’s own words as well as in the resident’s', () => {
    const has = intakeHas('cy');
    expect(has('request.name.hint')).toBe(false);
    expect(has('request.language.hint')).toBe(true);
    // Only the call has its own consent answers (intake.ask.consent.yes).
    expect(has('request.consent.yes')).toBe(true);
    expect(has('request.consent.maybe')).toBe(false);
  });
});

describe('where the call goes next', () => {
  it('through the same questions as the web form, under /staff/intake, then to the check page', () => {
    const draft = completeDraft('prescription');
    const order = applicableSteps(draft).map((s) => s.id);
    let href = `/en/staff/intake/${order[0]}`;
    const visited = [];
    while (href !== '/en/staff/intake/check') {
      const id = href.replace('/en/staff/intake/', '');
      visited.push(id);
      href = journeyContinueHref(intakeJourney('en'), id, draft, false);
    }
    expect(visited).toEqual(order);
    expect(journeyBackHref(intakeJourney('cy'), order[0]!, draft, false)).toBe('/cy/staff/intake');
    expect(journeyBackHref(intakeJourney('cy'), 'kind', draft, true)).toBe(
      '/cy/staff/intake/check',
    );
  });

  it('from the check page, to the first question a change left unanswered, then back', () => {
    const changed = { ...completeDraft('food'), kind: 'other' };
    expect(firstIncompleteStep(changed)?.id).toBe('description');
    expect(journeyContinueHref(intakeJourney('cy'), 'kind', changed, true)).toBe(
      '/cy/staff/intake/description?from=check',
    );
    expect(journeyContinueHref(intakeJourney('cy'), 'kind', completeDraft('food'), true)).toBe(
      '/cy/staff/intake/check',
    );
  });
});
