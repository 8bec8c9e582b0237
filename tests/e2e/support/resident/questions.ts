/**
 * The question pages a request goes through, in order, with the page title and the answers to
 * give on each, in the resident's language. Written out from the brief and the locales rather than
 * imported from the app's `steps.ts`, so a page that goes missing or out of order fails here.
 */
import type { HelpRequest } from './help-requests.ts';
import { t, w, type Lang } from './locales.ts';

export type Answer =
  | { control: 'radio'; label: string }
  | { control: 'checkbox'; label: string }
  | { control: 'text'; label: string; value: string };

export type Question = { step: string; title: string; answers: Answer[] };

export function questionsFor(request: HelpRequest, lang: Lang): Question[] {
  const forOther = request.requester !== null;
  const say = (key: string) => w(lang, key, forOther);
  const optional = (label: string) => `${label} ${t(lang, 'common.optional')}`;
  const title = (key: string) => say(`request.${key}.title`);
  const radio = (key: string): Answer => ({ control: 'radio', label: say(key) });
  const checkbox = (key: string): Answer => ({ control: 'checkbox', label: say(key) });
  const text = (label: string, value: string): Answer[] =>
    value === '' ? [] : [{ control: 'text', label, value }];
  const page = (step: string, key: string, answers: Answer[]): Question => ({
    step,
    title: title(key),
    answers,
  });

  const questions: Question[] = [
    page('who', 'who', [radio(`request.who.options.${forOther ? 'someone_else' : 'self'}`)]),
  ];
  if (request.requester) {
    const { name, phone, relationship } = request.requester;
    questions.push(
      page('requester', 'requester', [
        ...text(say('request.requester.requester_name'), name),
        ...text(say('request.requester.requester_phone'), phone),
        ...text(optional(say('request.requester.requester_relationship')), relationship),
      ]),
    );
  }
  const help = request.help;
  questions.push(page('kind', 'kind', [radio(`request.kind.options.${help.kind}`)]));
  switch (help.kind) {
    case 'food':
      questions.push(
        page('household', 'household', text(title('household'), String(help.householdSize))),
        page('diet', 'diet', text(title('diet'), help.dietaryNeeds)),
        page('cooking', 'cooking', [radio(`request.cooking.options.${help.cooking}`)]),
      );
      break;
    case 'prescription':
      questions.push(
        page('pharmacy', 'pharmacy', text(title('pharmacy'), help.pharmacy)),
        page('prescription-ready', 'prescription_ready', [
          radio(`request.prescription_ready.options.${help.ready}`),
        ]),
        page('prescription-payment', 'prescription_payment', [
          radio(`request.prescription_payment.options.${help.payment}`),
        ]),
      );
      break;
    case 'self_isolation_support':
      questions.push(
        page('support-tasks', 'support_tasks', [
          ...help.tasks.map((task) => checkbox(`request.support_tasks.options.${task}`)),
          ...(help.tasks.includes('other')
            ? text(optional(say('request.support_tasks.support_other')), help.otherTask)
            : []),
        ]),
        page('support-frequency', 'support_frequency', [
          radio(`request.support_frequency.options.${help.frequency}`),
        ]),
      );
      break;
    case 'other':
      questions.push(
        page('description', 'description', text(title('description'), help.description)),
      );
      break;
  }
  const medicineDays =
    request.medicineRunsOutDays === null ? '' : String(request.medicineRunsOutDays);
  questions.push(
    page('needed-by', 'needed_by', [radio(`request.needed_by.options.${request.neededBy}`)]),
    page('circumstances', 'circumstances', [
      ...request.circumstances.map((flag) => checkbox(`request.circumstances.${flag}`)),
      ...text(say('request.circumstances.medicine_runs_out_days'), medicineDays),
    ]),
    page('name', 'name', text(title('name'), request.name)),
    page('phone', 'phone', text(title('phone'), request.phone)),
    page('address', 'address', [
      ...text(say('request.address.address_line1'), request.address.line1),
      ...text(optional(say('request.address.address_line2')), request.address.line2),
      ...text(say('request.address.town'), request.address.town),
      ...text(say('request.address.postcode'), request.address.postcode),
    ]),
    page('contact-method', 'contact_method', [
      radio(`request.contact_method.options.${request.contactMethod}`),
    ]),
    page('access-needs', 'access_needs', text(title('access_needs'), request.accessNeeds)),
    page('language', 'language', [radio(`common.language.${request.language}`)]),
    page('consent', 'consent', [
      radio(request.consent ? 'request.consent.options.yes' : 'request.consent.options.no'),
    ]),
  );
  return questions;
}

/** Every question page there is, for scans that visit each one. */
export const allQuestionSteps = [
  'who',
  'requester',
  'kind',
  'household',
  'diet',
  'cooking',
  'pharmacy',
  'prescription-ready',
  'prescription-payment',
  'support-tasks',
  'support-frequency',
  'description',
  'needed-by',
  'circumstances',
  'name',
  'phone',
  'address',
  'contact-method',
  'access-needs',
  'language',
  'consent',
] as const;
