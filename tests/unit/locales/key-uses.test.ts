import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languages } from '#domain/languages.ts';
import { requestKinds } from '#domain/questions/request-fields.ts';
import { requestStatuses } from '#domain/requests/status.ts';
import { steps } from '$lib/resident/steps.ts';
import {
  checkKeyUses,
  findKeyUses,
  localeEntries,
  sourceFiles,
} from '../../../scripts/check-locales.ts';
import { realLocales } from '../../support/locale-i18n.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const set = realLocales();
const entries = localeEntries(set);

/** Keys that exist (as a string or a plural family) in one language but not the other, or neither. */
function missing(keys: Iterable<string>): string[] {
  const out: string[] = [];
  for (const key of keys) {
    for (const lang of ['cy', 'en'] as const)
      if (!entries[lang].has(key)) out.push(`${lang}: ${key}`);
  }
  return out;
}

describe('keys the code asks for', () => {
  const uses = sourceFiles(join(root, 'src'), ['.svelte', '.ts'], root).flatMap((file) =>
    findKeyUses(file, readFileSync(join(root, file), 'utf8')),
  );

  it('are found in src/ (t, w, and the language chooser)', () => {
    const keys = uses.map((u) => u.key);
    expect(uses.length).toBeGreaterThan(50);
    expect(keys).toEqual(
      expect.arrayContaining(['common.back', 'requests.waiting_count', 'start.choose.title']),
    );
    expect(uses.filter((u) => u.prefix).map((u) => u.key)).toContain('errors.fields.');
  });

  it('all exist in Welsh and English (template literals by their fixed prefix)', () => {
    expect(checkKeyUses(set, uses)).toEqual([]);
  });
});

describe('keys built from domain values exist in both languages', () => {
  it('request kinds, statuses, languages, months and days', () => {
    expect(
      missing([
        ...requestKinds.map((k) => `requests.kind.${k}`),
        ...requestStatuses.map((s) => `requests.status.${s}`),
        ...languages.map((l) => `common.language.${l}`),
        ...Array.from({ length: 12 }, (_, i) => `common.months.${i + 1}`),
        ...Array.from({ length: 7 }, (_, i) => `common.days.${i}`),
      ]),
    ).toEqual([]);
  });

  // Question.svelte and answer-lines.ts build these from each step, as `request.<key>.…`.
  it('every question page: title, options, hints and labels', () => {
    const keys: string[] = [];
    for (const step of steps) {
      const base = `request.${step.key}`;
      keys.push(`${base}.title`);
      for (const control of step.controls) {
        switch (control.type) {
          case 'radios':
            for (const value of control.options) {
              keys.push(
                control.field === 'language'
                  ? `common.language.${value}`
                  : `${base}.options.${value}`,
              );
            }
            for (const value of control.hints ?? []) keys.push(`${base}.options.${value}_hint`);
            break;
          case 'yes-no':
            keys.push(control.labels.yes, control.labels.no);
            if (control.hints?.yes) keys.push(control.hints.yes);
            if (control.hints?.no) keys.push(control.hints.no);
            break;
          case 'checkboxes':
            for (const value of control.options) keys.push(`${base}.options.${value}`);
            keys.push(`${base}.${control.other}`);
            break;
          case 'circumstances':
            for (const field of step.fields) keys.push(`${base}.${field}`);
            keys.push(`${base}.medicine_running_out`, `${base}.medicine_runs_out_days_hint`);
            break;
          default:
            if (step.grouped && 'field' in control) keys.push(`${base}.${control.field}`);
        }
      }
    }
    expect(keys.length).toBeGreaterThan(steps.length * 2);
    expect(missing(keys)).toEqual([]);
  });
});
