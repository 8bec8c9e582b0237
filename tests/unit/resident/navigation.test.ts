import { describe, expect, it } from 'vitest';
import {
  backHref,
  checkHref,
  continueHref,
  firstIncompleteStep,
  stepHref,
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

describe('where Continue and Back go', () => {
  const d = completeDraft('food');

  it('Continue goes to the next question, and from the last to "check your answers"', () => {
    expect(continueHref('cy', 'household', d, false)).toBe('/cy/request/diet');
    const last = applicableSteps(d).at(-1)!;
    expect(continueHref('en', last.id, d, false)).toBe(checkHref('en'));
    expect(checkHref('en')).toBe('/en/request/check');
  });

  it('after a change from the check page, asks any new question, then returns', () => {
    expect(continueHref('cy', 'name', d, true)).toBe('/cy/request/check');
    // Changing the kind opens the questions of the new kind.
    const changed = { ...d, kind: 'prescription' };
    expect(continueHref('cy', 'kind', changed, true)).toBe('/cy/request/pharmacy?from=check');
  });

  it('Back goes to the previous question, from the first to the start page', () => {
    expect(backHref('en', 'diet', d, false)).toBe('/en/request/household');
    expect(backHref('en', 'who', d, false)).toBe('/en');
    expect(backHref('cy', 'diet', d, true)).toBe('/cy/request/check');
  });

  it('links a step in either language', () => {
    const step = findStep('contact-method')!;
    expect(stepHref('cy', step)).toBe('/cy/request/contact-method');
    expect(stepHref('en', step, true)).toBe('/en/request/contact-method?from=check');
  });
});
