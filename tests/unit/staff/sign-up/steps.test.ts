import { describe, expect, it } from 'vitest';
import { signUpFields } from '#domain/people/volunteer-sign-up.ts';
import {
  backHref,
  findSignUpStep,
  nextHref,
  signUpSteps,
  stepOfField,
} from '$lib/staff/sign-up/steps.ts';

describe('the sign-up pages', () => {
  it('ask every sign-up question exactly once', () => {
    const asked = signUpSteps.flatMap((s) => s.fields).sort();
    expect(asked).toEqual(Object.keys(signUpFields).sort());
  });

  it('go forward to "check your answers", and back to the start page', () => {
    expect(nextHref('cy', 'name', false)).toBe('/cy/staff/sign-up/phone');
    expect(nextHref('cy', 'account', false)).toBe('/cy/staff/sign-up/check');
    expect(backHref('en', 'phone', false)).toBe('/en/staff/sign-up/name');
    expect(backHref('en', 'name', false)).toBe('/en/staff/sign-up');
  });

  it('return to "check your answers" when an answer is being changed', () => {
    expect(nextHref('en', 'areas', true)).toBe('/en/staff/sign-up/check');
    expect(backHref('en', 'areas', true)).toBe('/en/staff/sign-up/check');
  });

  it('find the page of a field the server refused', () => {
    expect(stepOfField('username').id).toBe('account');
    expect(stepOfField('parts_of_day').id).toBe('availability');
    expect(stepOfField('unknown').id).toBe('name');
    expect(findSignUpStep('check')).toBeUndefined();
  });
});
