import { describe, expect, it } from 'vitest';
import {
  firstIncompleteHref,
  firstIncompleteStep,
  journeyBackHref,
  journeyCheckHref,
  journeyContinueHref,
  journeyStepHref,
  residentJourney,
} from '$lib/resident/navigation.ts';
import { applicableSteps, findStep } from '$lib/resident/steps.ts';
import { completeDraft } from '../../support/submissions.ts';

describe('firstIncompleteStep', () => {
  it('is null once every question is answered', () => {
    expect(firstIncompleteStep(completeDraft('other'))).toBeNull();
  });

  it('is the first page with a missing or wrong answer', () => {
    expect(firstIncompleteStep(completeDraft('food', { postcode: 'XX' }))?.id).toBe('address');
    expect(firstIncompleteStep(completeDraft('food', { household_size: '', phone: '' }))?.id).toBe(
      'household',
    );
    expect(firstIncompleteStep({})?.id).toBe(applicableSteps({})[0]?.id);
  });
});

describe("where Continue and Back go in the resident's journey", () => {
  const d = completeDraft('food');
  const cy = residentJourney('cy');
  const en = residentJourney('en');

  it('Continue goes to the next question, and from the last to "check your answers"', () => {
    expect(journeyContinueHref(cy, 'household', d, false)).toBe('/cy/request/diet');
    const last = applicableSteps(d).at(-1)!;
    expect(journeyContinueHref(en, last.id, d, false)).toBe(journeyCheckHref(en));
    expect(journeyCheckHref(en)).toBe('/en/request/check');
  });

  it('after a change from the check page, asks any new question, then returns', () => {
    expect(journeyContinueHref(cy, 'name', d, true)).toBe('/cy/request/check');
    // Changing the kind opens the questions of the new kind.
    const changed = { ...d, kind: 'prescription' };
    expect(journeyContinueHref(cy, 'kind', changed, true)).toBe('/cy/request/pharmacy?from=check');
  });

  it('Back goes to the previous question, from the first to the start page', () => {
    expect(journeyBackHref(en, 'diet', d, false)).toBe('/en/request/household');
    expect(journeyBackHref(en, 'who', d, false)).toBe('/en');
    expect(journeyBackHref(cy, 'diet', d, true)).toBe('/cy/request/check');
  });

  it('links a step in either language', () => {
    const step = findStep('contact-method')!;
    expect(journeyStepHref(cy, step)).toBe('/cy/request/contact-method');
    expect(journeyStepHref(en, step, true)).toBe('/en/request/contact-method?from=check');
  });

  it('sends unfinished answers back to the first step they leave incomplete', () => {
    expect(firstIncompleteHref(cy, completeDraft('food', { postcode: 'XX' }))).toBe(
      '/cy/request/address',
    );
    expect(firstIncompleteHref(en, d)).toBeNull();
  });
});
