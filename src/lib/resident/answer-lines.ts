/**
 * The answers as "check your answers" shows them: one or more lines per question, in the sections
 * the journey asks them in. The resident's check page and the request page staff read
 * (staff/requests/answer-groups.ts) both show answers through these, so they read the same.
 */
import { normalisePostcode } from '#domain/questions/contact-format.ts';
import { formatDate } from '$lib/i18n/dates.ts';
import type { Translate } from '$lib/i18n/i18n.ts';
import { fieldInput, type DraftValues } from './draft-values.ts';
import type { Step } from './steps.ts';

export type Section = 'who' | 'help' | 'contact';

const contactSteps = [
  'name',
  'phone',
  'address',
  'contact-method',
  'access-needs',
  'language',
  'consent',
];

export function sectionOf(stepId: string): Section {
  if (stepId === 'who' || stepId === 'requester') return 'who';
  return contactSteps.includes(stepId) ? 'contact' : 'help';
}

export function answerLines(step: Step, d: DraftValues, w: Translate): string[] {
  const base = `request.${step.key}`;
  const none = w('request.check.none');
  const lines: string[] = [];
  for (const control of step.controls) {
    switch (control.type) {
      case 'text':
      case 'tel':
      case 'textarea': {
        const value = String(fieldInput(control.field, d) ?? '').trim();
        // Shown as it will be stored, so the resident checks what the volunteer will read.
        if (value) lines.push(control.field === 'postcode' ? normalisePostcode(value) : value);
        break;
      }
      case 'number':
        lines.push(w('request.check.people', { count: Number(d.household_size) }));
        break;
      case 'radios': {
        const value = String(d[control.field as keyof DraftValues] ?? '');
        lines.push(
          w(control.field === 'language' ? `common.language.${value}` : `${base}.options.${value}`),
        );
        break;
      }
      case 'yes-no': {
        const yes = d[control.field as keyof DraftValues] === true;
        const labels = control.labels;
        lines.push(w(yes ? labels.yes : labels.no));
        break;
      }
      case 'needed-by':
        if (d.needed_by) lines.push(formatDate(d.needed_by, w));
        break;
      case 'checkboxes':
        for (const task of d.support_tasks ?? []) lines.push(w(`${base}.options.${task}`));
        if ((d.support_tasks ?? []).includes('other') && d.support_other?.trim()) {
          lines.push(d.support_other.trim());
        }
        break;
      case 'circumstances':
        for (const flag of [
          'self_isolating',
          'shielding',
          'lives_alone',
          'no_food_today',
        ] as const) {
          if (d[flag]) lines.push(w(`${base}.${flag}`));
        }
        if (d.medicine_running_out) {
          const days = w('request.check.days', { count: Number(d.medicine_runs_out_days) });
          lines.push(w('request.check.medicine_in_days', { days }));
        }
        break;
    }
  }
  return lines.length > 0 ? lines : [none];
}
