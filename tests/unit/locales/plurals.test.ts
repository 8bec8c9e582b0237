import type { Resource } from 'i18next';
import { describe, expect, it } from 'vitest';
import { localeEntries, pluralBases } from '../../../scripts/check-locales.ts';
import { fill, localeInstance, localeResources, realLocales } from '../../support/locale-i18n.ts';

const set = realLocales();
const entries = localeEntries(set);
const families = [...pluralBases(Object.values(set.flat))].sort();
const i18n = localeInstance();

// CLDR's Welsh rules: 0 zero, 1 one, 2 two, 3 few, 6 many, anything else other.
const welsh = [
  [0, 'zero'],
  [1, 'one'],
  [2, 'two'],
  [3, 'few'],
  [6, 'many'],
  [10, 'other'],
  [4, 'other'],
  [21, 'other'],
] as const;

function formText(lang: 'cy' | 'en', key: string, form: string): string {
  const text = entries[lang].get(key)?.forms.get(form as never);
  if (text === undefined) throw new Error(`${lang} ${key}_${form} is missing`);
  return text;
}

describe('Welsh counted strings', () => {
  it.each(['requests.waiting_count', 'request.check.people'])(
    '%s renders the form CLDR picks for 0, 1, 2, 3, 6, 10, 4 and 21',
    (key) => {
      for (const [count, form] of welsh) {
        expect(i18n.t(key, { count, lng: 'cy' }), `${count} → _${form}`).toBe(
          fill(formText('cy', key, form), { count }),
        );
      }
    },
  );

  it('render every family in the form CLDR picks', () => {
    for (const key of families) {
      for (const [count, form] of welsh) {
        expect(i18n.t(key, { count, lng: 'cy' }), `${key} ${count}`).toBe(
          fill(formText('cy', key, form), { count }),
        );
      }
    }
  });

  // Some Welsh forms read alike (3 and 6 both "chais"), so the strings alone cannot show that the
  // right form was chosen. With each form replaced by its own name, they can.
  it('pick each form by its category, not by a look-alike string', () => {
    const resources = localeResources();
    const translation = resources['cy']?.['translation'] as Record<string, unknown>;
    for (const key of families) {
      const path = key.split('.');
      const leaf = path.pop()!;
      let node = translation;
      for (const part of path) node = node[part] as Record<string, unknown>;
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) {
        node[`${leaf}_${form}`] = form;
      }
    }
    const marked = localeInstance(resources as Resource);
    for (const key of families) {
      expect(welsh.map(([count]) => marked.t(key, { count, lng: 'cy' }))).toEqual(
        welsh.map(([, form]) => form),
      );
    }
  });
});

describe('English counted strings', () => {
  it('use one for 1 and other for 0, 2 and 10', () => {
    expect(families.length).toBeGreaterThan(0);
    for (const key of families) {
      expect(i18n.t(key, { count: 1, lng: 'en' })).toBe(
        fill(formText('en', key, 'one'), { count: 1 }),
      );
      for (const count of [2, 10]) {
        expect(i18n.t(key, { count, lng: 'en' })).toBe(
          fill(formText('en', key, 'other'), { count }),
        );
      }
      const zero = entries.en.get(key)?.forms.has('zero') ? 'zero' : 'other';
      expect(i18n.t(key, { count: 0, lng: 'en' })).toBe(
        fill(formText('en', key, zero), { count: 0 }),
      );
    }
  });
});
