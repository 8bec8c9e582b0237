/**
 * A staff page's `load` for texts some of which only coordinators read (links to taking a call and
 * to the map, the desk's duplicate flags): a volunteer's device does not fetch them. The role is
 * the one saved at sign-in (session.ts), read in the browser; prerendering loads them all.
 */
import { browser } from '$app/environment';
import type { Language } from '#domain/languages.ts';
import { ensureTexts, type Namespace } from '$lib/i18n/i18n.ts';
import { signedInAccount } from '../session.ts';

export const loadWorkTexts =
  (everyone: Namespace[], coordinatorsOnly: Namespace[]) =>
  async ({ params }: { params: { lang: string } }) => {
    const volunteer = browser && signedInAccount()?.role === 'volunteer';
    await ensureTexts(
      params.lang as Language,
      volunteer ? everyone : [...everyone, ...coordinatorsOnly],
    );
    return {};
  };
