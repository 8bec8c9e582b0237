/**
 * The volunteer sign-up, one question per page (GOV.UK's "one thing per page"): the pages in order,
 * and the answers each page checks with the domain's own schemas (#domain/people/volunteer-sign-up.ts).
 */
import type { SignUpField } from '#domain/people/volunteer-sign-up.ts';

export type SignUpStep = { id: string; fields: readonly SignUpField[] };

export const signUpSteps: readonly SignUpStep[] = [
  { id: 'name', fields: ['name'] },
  { id: 'phone', fields: ['phone'] },
  { id: 'areas', fields: ['areas'] },
  { id: 'skills', fields: ['skills'] },
  { id: 'availability', fields: ['days', 'parts_of_day', 'note'] },
  { id: 'account', fields: ['username', 'password'] },
];

export const findSignUpStep = (id: string) => signUpSteps.find((s) => s.id === id);

/** The step that asks for `field`. */
export const stepOfField = (field: string) =>
  signUpSteps.find((s) => (s.fields as readonly string[]).includes(field)) ?? signUpSteps[0]!;

export function signUpHref(lang: string, page: string, fromCheck = false): string {
  return `/${lang}/staff/sign-up/${page}${fromCheck ? '?from=check' : ''}`;
}

/** Where Continue leads: the next question, or back to "check your answers" when changing one. */
export function nextHref(lang: string, id: string, fromCheck: boolean): string {
  const i = signUpSteps.findIndex((s) => s.id === id);
  const next = signUpSteps[i + 1];
  return fromCheck || !next ? signUpHref(lang, 'check') : signUpHref(lang, next.id);
}

export function backHref(lang: string, id: string, fromCheck: boolean): string {
  const i = signUpSteps.findIndex((s) => s.id === id);
  const previous = signUpSteps[i - 1];
  if (fromCheck) return signUpHref(lang, 'check');
  return previous ? signUpHref(lang, previous.id) : `/${lang}/staff/sign-up`;
}
