/**
 * The words for matching and duplicates (the `matching` locale files): every code the domain gives
 * has words in both languages, counted where it carries a number, and the Welsh counts mutate.
 */
import { describe, expect, it } from 'vitest';
import { matchFields } from '#domain/duplicates/duplicate-keys.ts';
import { hardRules } from '#domain/matching/eligibility.ts';
import { matchReasonCodes, reasonText, type MatchReason } from '#domain/matching/match-reasons.ts';
import { localeEntries } from '../../../scripts/check-locales.ts';
import { localeInstance, realLocales } from '../../support/locale-i18n.ts';

const entries = localeEntries(realLocales());
const i18n = localeInstance();
const counted = new Set<string>(['distance', 'open_tasks', 'last_assigned']);

describe('the words for matching', () => {
  it('exist for every reason, hard rule and duplicate field in Welsh and English', () => {
    for (const lang of ['cy', 'en'] as const) {
      for (const code of matchReasonCodes) {
        const entry = entries[lang].get(`matching.reasons.${code}`);
        expect(entry, `${lang} ${code}`).toBeDefined();
        expect(entry?.plural, `${lang} ${code}`).toBe(counted.has(code));
      }
      for (const code of [
        ...hardRules.map((r) => `ineligible.${r}`),
        ...matchFields.map((f) => `duplicates.${f}`),
      ])
        expect(entries[lang].get(`matching.${code}`), `${lang} ${code}`).toBeDefined();
    }
  });

  it('say counts in Welsh with the right mutation', () => {
    const cy = (reason: MatchReason) => {
      const { key, count } = reasonText(reason);
      return i18n.t(key, { count, lng: 'cy' });
    };
    expect(cy({ code: 'open_tasks', count: 0 })).toBe('Dim tasgau agored');
    expect(cy({ code: 'open_tasks', count: 2 })).toBe('2 dasg agored');
    expect(cy({ code: 'open_tasks', count: 3 })).toBe('3 tasg agored');
    expect(cy({ code: 'open_tasks', count: 6 })).toBe('6 thasg agored');
    expect(cy({ code: 'last_assigned', days: 2 })).toBe('Cafodd dasg ddiwethaf 2 ddiwrnod yn ôl');
    expect(cy({ code: 'distance', km: 2 })).toBe('2 km i ffwrdd');
    expect(cy({ code: 'distance', km: 2.4 })).toBe('2.4 km i ffwrdd');
  });

  it('say distances and days in English', () => {
    const en = (reason: MatchReason) => {
      const { key, count } = reasonText(reason);
      return i18n.t(key, { count, lng: 'en' });
    };
    expect(en({ code: 'distance', km: 0 })).toBe('Less than 100 metres away');
    expect(en({ code: 'distance', km: 1 })).toBe('1 km away');
    expect(en({ code: 'distance', km: 12 })).toBe('12 km away');
    expect(en({ code: 'last_assigned', days: 0 })).toBe('Given a task today');
    expect(en({ code: 'last_assigned', days: 1 })).toBe('Last given a task yesterday');
    expect(en({ code: 'open_tasks', count: 1 })).toBe('1 open task');
  });
});
