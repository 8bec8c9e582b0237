import { describe, expect, it } from 'vitest';
import { forbiddenReasons } from '#domain/forbidden-reasons.ts';
import { reasonText } from '$lib/staff/refusals/reason-text.ts';
import { localeInstance } from '../../../support/locale-i18n.ts';

const i18n = localeInstance();
const inWelsh = i18n.getFixedT('cy');
const inEnglish = i18n.getFixedT('en');

describe('a refused write in words', () => {
  it('has words of its own for every reason the server gives, in both languages', () => {
    const general = reasonText(inEnglish, 'no_such_reason');
    for (const t of [inWelsh, inEnglish]) {
      const texts = forbiddenReasons.map((r) => reasonText(t, r));
      expect(new Set(texts).size).toBe(forbiddenReasons.length);
    }
    expect(forbiddenReasons.map((r) => reasonText(inEnglish, r))).not.toContain(general);
  });

  it('reads a reason logged on the device in the old kebab-case like its snake_case code', () => {
    expect(reasonText(inWelsh, 'outside_your_areas')).toBe(
      reasonText(inWelsh, 'outside_your_areas'),
    );
    expect(reasonText(inEnglish, 'no_longer_yours')).toBe(reasonText(inEnglish, 'no_longer_yours'));
  });

  it("tries a screen's own wording first, then the general one", () => {
    const own = reasonText(inEnglish, 'invalid_transition', 'volunteers.refused_reasons');
    expect(own).toBe(inEnglish('volunteers.refused_reasons.invalid_transition'));
    expect(own).not.toBe(reasonText(inEnglish, 'invalid_transition'));
    expect(reasonText(inEnglish, 'wrong_author', 'volunteers.refused_reasons')).toBe(
      reasonText(inEnglish, 'wrong_author'),
    );
  });
});
