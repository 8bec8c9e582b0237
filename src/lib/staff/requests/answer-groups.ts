/**
 * What the resident told us, as a request's page shows it to staff: grouped and ordered as the
 * resident was asked (the journey's steps and its check page's sections), each answer in the words
 * the resident chose it by. The stored request and contact are turned back into the journey's
 * answers (`draftOf`) so the resident's own step list decides what was asked and `answerLines`
 * words it, as on their check page: one list of questions, never a second copy to drift.
 *
 * It lives here, not in the domain, because it is built on the journey's step list and wording
 * (src/lib/resident), which the domain cannot import; it stays pure (translations are passed in)
 * so it is unit-tested without a browser.
 *
 * A device holds the contact only when its user may read it (access/read-access.ts): without it,
 * only what the request itself records (kind, date, language, consent, channel) is shown, and
 * `withheld` says the rest is not here.
 */
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { channelOf } from '#domain/records/creation.ts';
import type { EventDoc } from '#domain/records/append-only-docs.ts';
import type { Translate } from '$lib/i18n/i18n.ts';
import { answerLines, sectionOf, type Section } from '$lib/resident/answer-lines.ts';
import type { DraftValues } from '$lib/resident/draft-values.ts';
import { applicableSteps } from '$lib/resident/steps.ts';

/** The parts of a contact that hold answers. */
export type Answers = Pick<
  ContactDoc,
  'for_someone_else' | 'requester' | 'contact' | 'details' | 'circumstances'
>;

/** `id` is the journey's step id, or `channel`, `taken_by`, `asked_by`, `consent`. */
export type AnswerRow = { id: string; label: string; lines: string[] };
export type AnswerGroup = { section: Section; rows: AnswerRow[] };
export type AnswerView = { groups: AnswerGroup[]; withheld: boolean };

export const sections: readonly Section[] = ['who', 'help', 'contact'];

/** The steps whose answers the request itself keeps, shown when the contact is not on the device. */
const onRequest = new Set(['kind', 'needed-by', 'language']);
/** Asked in the journey, shown here by rows of our own: who asks, and consent (on the request). */
const ownRows = new Set(['who', 'requester', 'consent']);

/** The journey's answers (DraftValues) that a stored request and contact record. */
export function draftOf(request: RequestDoc, answers: Answers | null): DraftValues {
  const fromRequest: DraftValues = {
    kind: request.kind,
    needed_by: request.needed_by,
    language: request.language,
    consent_to_share: request.consent.given,
  };
  if (answers === null) return fromRequest;
  const { contact, circumstances: c, details } = answers;
  const detailValues: DraftValues =
    'household_size' in details
      ? { ...details, household_size: String(details.household_size) }
      : 'support_tasks' in details
        ? { ...details, support_tasks: [...details.support_tasks] }
        : { ...details };
  return {
    ...fromRequest,
    for_someone_else: answers.for_someone_else,
    ...detailValues,
    self_isolating: c.self_isolating,
    shielding: c.shielding,
    lives_alone: c.lives_alone,
    no_food_today: c.no_food_today,
    medicine_running_out: c.medicine_runs_out_days !== null,
    medicine_runs_out_days:
      c.medicine_runs_out_days === null ? undefined : String(c.medicine_runs_out_days),
    ...contact,
    language: request.language,
    consent_to_share: request.consent.given,
  };
}

/**
 * The groups a request page shows. `w` is the journey's wording about someone else (the resident
 * is "they" to staff: `wording(lang, true)`), `t` the page's own texts, `nameOf` a staff user's
 * name as the page knows it.
 */
export function answerGroups(
  request: RequestDoc,
  answers: Answers | null,
  events: readonly Pick<EventDoc, 'field' | 'author'>[],
  w: Translate,
  t: Translate,
  nameOf: (userId: string) => string,
): AnswerView {
  const draft = draftOf(request, answers);
  const rows = new Map<Section, AnswerRow[]>(sections.map((s) => [s, []]));
  rows.get('who')!.push(...whoRows(request, answers, events, t, nameOf));
  for (const step of applicableSteps(draft)) {
    if (ownRows.has(step.id) || (answers === null && !onRequest.has(step.id))) continue;
    rows.get(sectionOf(step.id))!.push({
      id: step.id,
      label: w(`request.${step.key}.title`),
      lines: answerLines(step, draft, w),
    });
  }
  rows.get('contact')!.push({
    id: 'consent',
    label: t('work.consent.labels.state'),
    lines: [t(request.consent.given ? 'work.consent.state.given' : 'work.consent.state.not_given')],
  });
  return {
    groups: sections.map((section) => ({ section, rows: rows.get(section)! })),
    withheld: answers === null,
  };
}

/** How the request came in, who took it, and who asked for whom. */
function whoRows(
  request: RequestDoc,
  answers: Answers | null,
  events: readonly Pick<EventDoc, 'field' | 'author'>[],
  t: Translate,
  nameOf: (userId: string) => string,
): AnswerRow[] {
  const channel = channelOf(request, events);
  const out: AnswerRow[] = [
    {
      id: 'channel',
      label: t('answers.labels.channel'),
      lines: [t(channel ? `answers.channel.${channel.channel}` : 'answers.channel.unknown')],
    },
  ];
  if (channel?.channel === 'phone') {
    out.push({
      id: 'taken_by',
      label: t('answers.labels.taken_by'),
      lines: [nameOf(channel.takenBy)],
    });
  }
  if (answers === null) return out;
  const requester = answers.for_someone_else ? answers.requester : null;
  out.push({
    id: 'asked_by',
    label: t('answers.labels.asked_by'),
    lines: requester
      ? [
          requester.name,
          requester.relationship
            ? t('answers.requester.relationship', { relationship: requester.relationship })
            : t('answers.requester.no_relationship'),
          t('answers.requester.phone', { phone: requester.phone }),
        ]
      : [t('answers.requester.self')],
  });
  return out;
}
