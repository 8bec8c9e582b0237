/**
 * What "check your answers" should show for a request: for each question, its title and the lines
 * of its answer. Counts are worked out here with the Welsh mutations written out (dau berson, tri
 * pherson, dau ddiwrnod; CLDR plural categories for `cy`), not read from the app, so a wrong
 * plural form in the app is caught.
 */
import { dayInWales, longDate } from './calendar.ts';
import type { HelpRequest, NeededBy } from './help-requests.ts';
import { t, w, type Lang } from './locales.ts';
import { questionsFor } from './questions.ts';

const daysAhead: Record<NeededBy, number> = { today: 0, tomorrow: 1, few_days: 3, week: 7 };

function people(count: number, lang: Lang): string {
  if (lang === 'en') return count === 1 ? '1 person' : `${count} people`;
  const noun: Record<number, string> = { 1: 'person', 2: 'berson', 3: 'pherson', 6: 'pherson' };
  return `${count} ${noun[count] ?? 'o bobl'}`;
}

function days(count: number, lang: Lang): string {
  if (lang === 'en') return count === 1 ? '1 day' : `${count} days`;
  return `${count} ${count === 2 ? 'ddiwrnod' : 'diwrnod'}`;
}

/** `sy23 3dy` → `SY23 3DY`: shown as it will be stored. */
const postcode = (s: string) => {
  const compact = s.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

export type ShownAnswer = { question: string; lines: string[] };

export function expectedAnswers(request: HelpRequest, lang: Lang): ShownAnswer[] {
  const say = (key: string) => w(lang, key, request.requester !== null);
  const none = t(lang, 'request.check.none');
  const orNone = (lines: string[]) => {
    const given = lines.filter((line) => line !== '');
    return given.length > 0 ? given : [none];
  };
  const help = request.help;

  const lines: Record<string, string[]> = {
    who: [say(`request.who.options.${request.requester ? 'someone_else' : 'self'}`)],
    requester: request.requester
      ? orNone([request.requester.name, request.requester.phone, request.requester.relationship])
      : [],
    kind: [say(`request.kind.options.${help.kind}`)],
    'needed-by': [longDate(dayInWales(daysAhead[request.neededBy]), lang)],
    circumstances: orNone([
      ...request.circumstances
        .filter((flag) => flag !== 'medicine_running_out')
        .map((flag) => say(`request.circumstances.${flag}`)),
      ...(request.medicineRunsOutDays === null
        ? []
        : [
            t(lang, 'request.check.medicine_in_days', {
              days: days(request.medicineRunsOutDays, lang),
            }),
          ]),
    ]),
    name: [request.name],
    phone: [request.phone],
    address: orNone([
      request.address.line1,
      request.address.line2,
      request.address.town,
      postcode(request.address.postcode),
    ]),
    'contact-method': [say(`request.contact_method.options.${request.contactMethod}`)],
    'access-needs': orNone([request.accessNeeds]),
    language: [t(lang, `common.language.${request.language}`)],
    consent: [
      t(lang, request.consent ? 'request.consent.options.yes' : 'request.consent.options.no'),
    ],
  };
  switch (help.kind) {
    case 'food':
      lines.household = [people(help.householdSize, lang)];
      lines.diet = orNone([help.dietaryNeeds]);
      lines.cooking = [say(`request.cooking.options.${help.cooking}`)];
      break;
    case 'prescription':
      lines.pharmacy = [help.pharmacy];
      lines['prescription-ready'] = [say(`request.prescription_ready.options.${help.ready}`)];
      lines['prescription-payment'] = [say(`request.prescription_payment.options.${help.payment}`)];
      break;
    case 'self_isolation_support':
      lines['support-tasks'] = [
        ...help.tasks.map((task) => say(`request.support_tasks.options.${task}`)),
        ...(help.tasks.includes('other') ? [help.otherTask] : []),
      ];
      lines['support-frequency'] = [say(`request.support_frequency.options.${help.frequency}`)];
      break;
    case 'other':
      lines.description = [help.description];
      break;
  }
  return questionsFor(request, lang).map((q) => ({
    question: q.title,
    lines: lines[q.step] ?? [],
  }));
}
