import { describe, expect, it } from 'vitest';
import { triageCodes, type TriageReason } from '#domain/triage/urgency-score.ts';
import { localeEntries } from '../../../scripts/check-locales.ts';
import { localeInstance, realLocales } from '../../support/locale-i18n.ts';

const entries = localeEntries(realLocales());
const i18n = localeInstance();
/** The reasons that carry a count of days. */
const counted = new Set<TriageReason['code']>(['overdue', 'medicine_runs_out', 'waiting']);

describe('the words for triage reasons', () => {
  it('exist for every code in Welsh and English, counted where the reason has days', () => {
    for (const code of triageCodes) {
      for (const lang of ['cy', 'en'] as const) {
        const entry = entries[lang].get(`work.triage.${code}`);
        expect(entry, `${lang} ${code}`).toBeDefined();
        expect(entry?.plural, `${lang} ${code}`).toBe(counted.has(code));
      }
    }
  });

  it('say the days in Welsh with the right mutation', () => {
    const cy = (key: string, count: number) => i18n.t(`work.triage.${key}`, { count, lng: 'cy' });
    expect(cy('waiting', 1)).toBe('Yn aros ers diwrnod');
    expect(cy('waiting', 2)).toBe('Yn aros ers 2 ddiwrnod');
    expect(cy('waiting', 3)).toBe('Yn aros ers 3 diwrnod');
    expect(cy('overdue', 2)).toBe('2 ddiwrnod yn hwyr');
    expect(cy('medicine_runs_out', 0)).toBe(
      "Mae'r feddyginiaeth wedi dod i ben, neu'n dod i ben heddiw",
    );
    expect(cy('medicine_runs_out', 1)).toBe('Bydd y feddyginiaeth yn dod i ben yfory');
  });

  it('say today and tomorrow for medicine in English', () => {
    const en = (count: number) => i18n.t('work.triage.medicine_runs_out', { count, lng: 'en' });
    expect(en(0)).toBe('Medicine has run out or runs out today');
    expect(en(1)).toBe('Medicine runs out tomorrow');
    expect(en(5)).toBe('Medicine runs out in 5 days');
  });
});
