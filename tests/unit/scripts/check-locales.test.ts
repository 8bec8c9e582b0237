import { describe, expect, it } from 'vitest';
import {
  checkKeyUses,
  checkLocales,
  findKeyUses,
  flattenInto,
  type FlatLocale,
  type LocaleSet,
} from '../../../scripts/check-locales.ts';

/** A LocaleSet from inline trees, as loadLocales would build it from files. */
function localeSet(cy: Record<string, unknown>, en: Record<string, unknown>): LocaleSet {
  const problems: string[] = [];
  const flat = (trees: Record<string, unknown>) => {
    const out: FlatLocale = new Map();
    for (const [file, tree] of Object.entries(trees)) flattenInto(out, tree, file, file, problems);
    return out;
  };
  return {
    files: {
      cy: Object.keys(cy).map((f) => `${f}.json`),
      en: Object.keys(en).map((f) => `${f}.json`),
    },
    flat: { cy: flat(cy), en: flat(en) },
    problems,
  };
}

const cyPlural = {
  n_zero: 'Dim',
  n_one: '{{count}} cais',
  n_two: '{{count}} gais',
  n_few: '{{count}} chais',
  n_many: '{{count}} chais',
  n_other: '{{count}} cais',
};
const enPlural = { n_one: '{{count}} request', n_other: '{{count}} requests' };

describe('checkLocales', () => {
  it('passes matching locales, plural families and "_other" variants included', () => {
    const set = localeSet(
      { a: { title: 'Teitl', title_other: 'Eu teitl', field_other: 'Arall', ...cyPlural } },
      { a: { title: 'Title', title_other: 'Their title', field_other: 'Other', ...enPlural } },
    );
    expect(checkLocales(set)).toEqual([]);
  });

  it('reports a missing file, key, empty string and interpolation in either direction', () => {
    const set = localeSet(
      { a: { x: 'X', y: '  ', greet: 'Helo {{name}}' }, b: { z: 'Z' } },
      { a: { x: 'X', y: 'Y', greet: 'Hello', only_en: 'E' } },
    );
    expect(checkLocales(set).sort()).toEqual(
      [
        'locales/en/b.json is missing (locales/cy/b.json exists)',
        'en: missing b.z (present in cy)',
        'cy: missing a.only_en (present in en)',
        'cy: a.y is empty',
        'a.greet: cy uses {{name}}, en does not',
      ].sort(),
    );
  });

  it('reports plural forms a language lacks or does not use', () => {
    const cyMissingTwo: Record<string, string> = { ...cyPlural };
    delete cyMissingTwo['n_two'];
    const set = localeSet(
      { a: cyMissingTwo },
      { a: { ...enPlural, n_zero: 'No requests', n_few: 'A few requests' } },
    );
    expect(checkLocales(set)).toEqual([
      'cy: a.n lacks plural form(s) _two',
      'en: a.n has plural form(s) _few, unused in en',
    ]);
  });

  it('reports a key that is plural in one language only', () => {
    const set = localeSet({ a: cyPlural }, { a: { n: 'Requests' } });
    expect(checkLocales(set)).toContain('a.n is plural in cy but a plain string in en');
  });

  it('reports values that are not strings', () => {
    const set = localeSet({ a: { n: 3, list: ['x'] } }, { a: { n: '3', list: 'x' } });
    expect(set.problems).toEqual(['a: a.n is 3, not a string', 'a: a.list is ["x"], not a string']);
  });
});

describe('findKeyUses and checkKeyUses', () => {
  const source = [
    "<h1>{t('a.title')}</h1>",
    '<p>{t(`a.status.${s}`, { count })}</p>',
    "<p>{w(control.labels?.yes ?? 'a.yes')}</p>",
    '<p>{w(`${base}.title`)}</p>',
    "<p>{locale.t('a.missing')}</p>",
    "<p>{t('a')}</p>",
    "<p>{t('a.n', { count: 2 })}</p>",
    "const x = format(t, 'not.a.call');",
  ].join('\n');
  const uses = findKeyUses('X.svelte', source);

  it('finds literal keys, template prefixes and keys inside expressions', () => {
    expect(uses.map((u) => `${u.line}:${u.key}${u.prefix ? '*' : ''}`)).toEqual([
      '1:a.title',
      '2:a.status.*',
      '3:a.yes',
      '5:a.missing',
      '6:a',
      '7:a.n',
    ]);
  });

  it('reports keys missing in either language, and groups used as strings', () => {
    const set = localeSet(
      { a: { title: 'T', yes: 'Ie', status: { new: 'Newydd' }, ...cyPlural } },
      { a: { title: 'T', yes: 'Yes', status: { new: 'New' }, ...enPlural } },
    );
    expect(checkKeyUses(set, uses)).toEqual([
      'X.svelte:5: "a.missing" is missing in cy',
      'X.svelte:5: "a.missing" is missing in en',
      'X.svelte:6: "a" is a group of keys, not a string, in cy',
      'X.svelte:6: "a" is a group of keys, not a string, in en',
    ]);
  });

  it('reports a template prefix that matches nothing', () => {
    const set = localeSet({ a: { title: 'T' } }, { a: { title: 'T' } });
    const problems = checkKeyUses(set, findKeyUses('Y.ts', 't(`a.kind.${k}`)'));
    expect(problems).toEqual([
      'Y.ts:1: no cy key starts with "a.kind."',
      'Y.ts:1: no en key starts with "a.kind."',
    ]);
  });
});
