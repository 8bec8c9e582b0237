/**
 * The admin pages name the retention bounds in words ("From 1 to 90 days"), written out in each
 * language because a number can mutate the Welsh noun after it; and they show every code the admin
 * API answers. Both must follow the domain when it changes.
 */
import { describe, expect, it } from 'vitest';
import type { AreaProblem } from '#domain/admin/area-input.ts';
import { retentionBounds } from '#domain/admin/retention-settings.ts';
import { localeLanguages } from '../../../scripts/check-locales.ts';
import { realLocales } from '../../support/locale-i18n.ts';

const set = realLocales();

describe('the admin pages', () => {
  it.each(localeLanguages)('state the retention bounds the domain keeps (%s)', (lang) => {
    const text = (key: string) => set.flat[lang].get(`admin.settings.${key}`) ?? '';
    const hints = {
      finished_task_days: text('finished_task_hint'),
      personal_data_days_after_close: text('personal_data_hint'),
    };
    for (const [field, { min, max }] of Object.entries(retentionBounds)) {
      const hint = hints[field as keyof typeof hints];
      expect(hint).toContain(` ${min} `);
      expect(hint).toContain(` ${max} `);
      expect(text(`errors.${field}.too_short`)).toContain(` ${min} `);
      expect(text(`errors.${field}.too_long`)).toContain(` ${max} `);
    }
  });

  it.each(localeLanguages)('explain every district problem the API names (%s)', (lang) => {
    const problems: AreaProblem[] = ['malformed_district', 'unknown_district', 'district_taken'];
    for (const problem of problems) {
      const key = `admin.areas.errors.postcode_districts.${problem}`;
      expect(set.flat[lang].get(key), key).toContain('{{district}}');
    }
  });
});
