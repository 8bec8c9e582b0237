import { describe, expect, it } from 'vitest';
import {
  checkLocales,
  interpolations,
  localeEntries,
  pluralBases,
  pluralForms,
  type LocaleEntry,
} from '../../../scripts/check-locales.ts';
import { realLocales } from '../../support/locale-i18n.ts';

const set = realLocales();
const entries = localeEntries(set);
const formName = (key: string, form: string) => (form ? `${key}_${form}` : key);

describe('locales/cy and locales/en', () => {
  it('read cleanly: valid JSON, only strings and objects', () => {
    expect(set.problems).toEqual([]);
  });

  it('have the same files', () => {
    expect(set.files.cy.length).toBeGreaterThan(0);
    expect(set.files.cy).toEqual(set.files.en);
  });

  it('have the same keys, counting a plural family as one key', () => {
    const cy = [...entries.cy.keys()].sort();
    const en = [...entries.en.keys()].sort();
    expect(cy.filter((k) => !entries.en.has(k))).toEqual([]);
    expect(en.filter((k) => !entries.cy.has(k))).toEqual([]);
    expect(cy).toEqual(en);
  });

  it('have no empty strings', () => {
    const empty: string[] = [];
    for (const [lang, map] of Object.entries(entries)) {
      for (const [key, entry] of map) {
        for (const [form, text] of entry.forms) {
          if (text.trim() === '') empty.push(`${lang}: ${formName(key, form)}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });

  it('agree on which keys are plural', () => {
    const plurals = pluralBases(Object.values(set.flat));
    // The counted strings the app renders are families; otherwise this test checks nothing.
    expect([...plurals]).toEqual(
      expect.arrayContaining(['requests.waiting_count', 'request.check.people']),
    );
    for (const key of plurals) {
      expect(entries.cy.get(key)?.plural, `cy ${key}`).toBe(true);
      expect(entries.en.get(key)?.plural, `en ${key}`).toBe(true);
    }
  });

  it('give each plural family exactly the forms its language needs', () => {
    const wrong: string[] = [];
    for (const lang of ['cy', 'en'] as const) {
      const { required, optional } = pluralForms[lang];
      for (const [key, entry] of entries[lang]) {
        if (!entry.plural) continue;
        const forms = [...entry.forms.keys()] as string[];
        const ok =
          required.every((f) => forms.includes(f)) &&
          forms.every(
            (f) => (required as string[]).includes(f) || (optional as string[]).includes(f),
          );
        if (!ok) wrong.push(`${lang} ${key}: ${forms.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
    // CLDR: Welsh has all six categories, English one and other.
    expect(pluralForms.cy.required).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralForms.en.required).toEqual(['one', 'other']);
  });

  it('use the same {{variables}} in each string as its counterpart', () => {
    const vars = (entry: LocaleEntry) =>
      [...new Set([...entry.forms.values()].flatMap((t) => [...interpolations(t)]))].sort();
    const differ: string[] = [];
    let withVariables = 0;
    for (const [key, cy] of entries.cy) {
      const en = entries.en.get(key);
      if (!en) continue;
      if (vars(cy).length > 0) withVariables++;
      if (vars(cy).join() !== vars(en).join()) {
        differ.push(
          `${key}: cy {{${vars(cy).join('}}, {{')}}} / en {{${vars(en).join('}}, {{')}}}`,
        );
      }
    }
    expect(differ).toEqual([]);
    expect(withVariables).toBeGreaterThan(3);
  });

  it('pass scripts/check-locales.ts', () => {
    expect(checkLocales(set)).toEqual([]);
  });
});
