import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTexts } from '$lib/i18n/i18n.ts';
import { has, wording } from '$lib/resident/wording.ts';
import { fill, localeInstance, realLocales, translator } from '../../support/locale-i18n.ts';

// wording() reads the app's own i18next instance, loaded here as the app loads it.
beforeAll(async () => {
  await Promise.all([ensureTexts('cy', ['request']), ensureTexts('en', ['request'])]);
});

const files = localeInstance();
const flat = realLocales().flat;

describe('wording for a resident asking for someone else', () => {
  it('loads the locale files under their file names', () => {
    expect(has('cy', 'request.name.title')).toBe(true);
    expect(has('en', 'request.check.people_one')).toBe(true);
    expect(has('cy', 'request.nope')).toBe(false);
  });

  it.each(['cy', 'en'] as const)('uses the `_other` sentence when there is one (%s)', (lang) => {
    const t = translator(files, lang);
    expect(wording(lang, true)('request.name.title')).toBe(t('request.name.title_someone_else'));
    expect(wording(lang, false)('request.name.title')).toBe(t('request.name.title'));
    expect(t('request.name.title_someone_else')).not.toBe(t('request.name.title'));
  });

  it.each(['cy', 'en'] as const)('falls back to the plain sentence (%s)', (lang) => {
    const t = translator(files, lang);
    expect(wording(lang, true)('request.pharmacy.title')).toBe(t('request.pharmacy.title'));
  });

  // `_other` is also i18next's plural suffix: `request.check.people_other` exists as the plural
  // "other" form, so for someone else wording() takes it as a variant and "1 person" becomes
  // "1 people" ("1 o bobl" in Welsh) on the check-your-answers page.
  it.each(['cy', 'en'] as const)('counts people and days as for oneself (%s)', (lang) => {
    const rendered: string[] = [];
    const expected: string[] = [];
    for (const key of ['request.check.people', 'request.check.days']) {
      for (const count of [1, 2, 3]) {
        rendered.push(wording(lang, true)(key, { count }));
        expected.push(files.t(key, { count, lng: lang }));
      }
    }
    expect(rendered).toEqual(expected);
    // The expectation is the file's own `_one` form, so this cannot pass on two wrong renderings.
    expect(expected[0]).toBe(fill(flat[lang].get('request.check.people_one') ?? '', { count: 1 }));
  });
});
