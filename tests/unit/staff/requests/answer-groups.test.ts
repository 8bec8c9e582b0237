import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '#domain/languages.ts';
import { parseSubmission } from '#domain/questions/request-schema.ts';
import type { RequestKind } from '#domain/questions/request-fields.ts';
import { createdEvent } from '#domain/records/creation.ts';
import { routedRequest } from '#domain/requests/request.ts';
import { toDocuments } from '#domain/requests/submission.ts';
import { ensureTexts } from '$lib/i18n/i18n.ts';
import { wording } from '$lib/resident/wording.ts';
import { answerGroups, type AnswerView } from '$lib/staff/requests/answer-groups.ts';
import { localeInstance, translator } from '../../../support/locale-i18n.ts';
import {
  onBehalfSubmission,
  person,
  rawSubmission,
  withPath,
  type JsonObject,
} from '../../../support/submissions.ts';

// wording() reads the app's own i18next instance, loaded here as the app loads it.
beforeAll(async () => {
  await Promise.all([ensureTexts('cy', ['request']), ensureTexts('en', ['request'])]);
});

const files = localeInstance();
const coordinator = '00000000-0000-4000-8000-00000000c001';
const names = new Map([[coordinator, 'Dafydd ap Gwilym']]);
const nameOf = (id: string) => names.get(id) ?? 'someone';

function stored(raw: JsonObject, by?: string) {
  const parsed = parseSubmission(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
  const docs = toDocuments(parsed.value, '123456789', '2030-01-10T09:00:00.000Z');
  return { request: routedRequest(docs.request, 'ceredigion', by), contact: docs.contact };
}

function view(
  raw: JsonObject,
  lang: Language,
  { withContact = true, by = undefined as string | undefined } = {},
) {
  const { request, contact } = stored(raw, by);
  return answerGroups(
    request,
    withContact ? contact : null,
    [createdEvent(request)],
    wording(lang, true),
    translator(files, lang),
    nameOf,
  );
}

const rowIds = (v: AnswerView, section: string) =>
  v.groups.find((g) => g.section === section)!.rows.map((r) => r.id);
const row = (v: AnswerView, id: string) =>
  v.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;
const t = (lang: Language) => translator(files, lang);

describe('the answers a request page shows, as the resident was asked', () => {
  const help: Record<RequestKind, string[]> = {
    food: ['kind', 'household', 'diet', 'cooking', 'needed-by', 'circumstances'],
    prescription: [
      'kind',
      'pharmacy',
      'prescription-ready',
      'prescription-payment',
      'needed-by',
      'circumstances',
    ],
    self_isolation_support: [
      'kind',
      'support-tasks',
      'support-frequency',
      'needed-by',
      'circumstances',
    ],
    other: ['kind', 'description', 'needed-by', 'circumstances'],
  };

  it.each(Object.keys(help) as RequestKind[])('groups every answer of a %s request', (kind) => {
    const v = view(rawSubmission(kind), 'en');
    expect(v.withheld).toBe(false);
    expect(v.groups.map((g) => g.section)).toEqual(['who', 'help', 'contact']);
    expect(rowIds(v, 'who')).toEqual(['channel', 'asked_by']);
    expect(rowIds(v, 'help')).toEqual(help[kind]);
    expect(rowIds(v, 'contact')).toEqual([
      'name',
      'phone',
      'address',
      'contact-method',
      'access-needs',
      'language',
      'consent',
    ]);
  });

  it('says what the resident chose, in their words, in each language', () => {
    const en = t('en');
    const cy = t('cy');
    const food = view(rawSubmission('food'), 'en');
    expect(row(food, 'household').lines).toEqual([en('request.check.people', { count: 2 })]);
    expect(row(food, 'diet').lines).toEqual(['Llysieuol']);
    expect(row(food, 'cooking').lines).toEqual([en('request.cooking.options.microwave_only')]);

    const pharmacy = view(rawSubmission('prescription'), 'cy');
    expect(row(pharmacy, 'pharmacy').lines).toEqual(['Fferyllfa Stryd Fawr']);
    expect(row(pharmacy, 'prescription-payment').lines).toEqual([
      cy('request.prescription_payment.options.nothing_to_pay'),
    ]);
    expect(row(pharmacy, 'prescription-ready').label).toBe(cy('request.prescription_ready.title'));

    const support = view(rawSubmission('self_isolation_support'), 'en');
    expect(row(support, 'support-tasks').lines).toEqual([
      en('request.support_tasks.options.shopping'),
      en('request.support_tasks.options.other'),
      'Postio llythyr',
    ]);
    expect(row(support, 'support-frequency').lines).toEqual([
      en('request.support_frequency.options.weekly'),
    ]);

    const other = view(rawSubmission('other'), 'cy');
    expect(row(other, 'description').lines).toEqual(['Help i ddarllen llythyr']);
    expect(row(other, 'address').lines).toEqual([
      person.address_line1,
      person.address_line2,
      person.town,
      person.postcodeStored,
    ]);
    expect(row(other, 'phone').lines).toEqual([person.phoneStored]);
    expect(row(other, 'access-needs').lines).toEqual([person.access_needs]);
    expect(row(other, 'language').lines).toEqual([cy('common.language.cy')]);
    expect(row(other, 'consent').lines).toEqual([cy('work.consent.state.given')]);
  });

  it('names the resident in the third person: staff read about them', () => {
    const v = view(rawSubmission('food'), 'cy');
    expect(row(v, 'household').label).toBe(t('cy')('request.household.title_someone_else'));
    expect(row(v, 'name').label).toBe(t('cy')('request.name.title_someone_else'));
  });

  it('lists the circumstances that make it urgent, and none when there are none', () => {
    let raw = rawSubmission('prescription');
    raw = withPath(raw, ['circumstances', 'no_food_today'], true) as JsonObject;
    raw = withPath(raw, ['circumstances', 'shielding'], true) as JsonObject;
    raw = withPath(raw, ['circumstances', 'medicine_runs_out_days'], 3) as JsonObject;
    const en = t('en');
    expect(row(view(raw, 'en'), 'circumstances').lines).toEqual([
      en('request.circumstances.shielding'),
      en('request.circumstances.lives_alone'),
      en('request.circumstances.no_food_today'),
      en('request.check.medicine_in_days', { days: en('request.check.days', { count: 3 }) }),
    ]);
    const calm = withPath(rawSubmission('food'), ['circumstances', 'lives_alone'], false);
    expect(row(view(calm as JsonObject, 'en'), 'circumstances').lines).toEqual([
      en('request.check.none'),
    ]);
  });

  it('says who asked on whose behalf, and how they know them', () => {
    const cy = t('cy');
    const v = view(onBehalfSubmission('food'), 'cy');
    expect(row(v, 'asked_by').lines).toEqual([
      person.requester_name,
      cy('answers.requester.relationship', { relationship: person.requester_relationship }),
      cy('answers.requester.phone', { phone: person.requester_phoneStored }),
    ]);
    const self = view(rawSubmission('food'), 'cy');
    expect(row(self, 'asked_by').lines).toEqual([cy('answers.requester.self')]);
    const noRelationship = withPath(onBehalfSubmission('food'), ['requester', 'relationship'], '');
    expect(row(view(noRelationship as JsonObject, 'en'), 'asked_by').lines[1]).toBe(
      t('en')('answers.requester.no_relationship'),
    );
  });

  it('gives the channel, and on the phone who took the call', () => {
    const en = t('en');
    const web = view(rawSubmission('food'), 'en');
    expect(row(web, 'channel').lines).toEqual([en('answers.channel.web')]);
    expect(rowIds(web, 'who')).not.toContain('taken_by');
    const phone = view(rawSubmission('food'), 'en', { by: coordinator });
    expect(row(phone, 'channel').lines).toEqual([en('answers.channel.phone')]);
    expect(row(phone, 'taken_by').lines).toEqual(['Dafydd ap Gwilym']);
  });

  it('without the contact, shows only what the request holds and says the rest is withheld', () => {
    const v = view(onBehalfSubmission('prescription'), 'en', { withContact: false });
    expect(v.withheld).toBe(true);
    expect(rowIds(v, 'who')).toEqual(['channel']);
    expect(rowIds(v, 'help')).toEqual(['kind', 'needed-by']);
    expect(rowIds(v, 'contact')).toEqual(['language', 'consent']);
    const shown = JSON.stringify(v);
    for (const secret of [person.name, 'Fferyllfa Stryd Fawr', person.requester_name]) {
      expect(shown).not.toContain(secret);
    }
  });

  it.each(['cy', 'en'] as const)('has every label and line in %s, never a bare key', (lang) => {
    for (const raw of [
      rawSubmission('food'),
      rawSubmission('prescription'),
      rawSubmission('self_isolation_support'),
      onBehalfSubmission('other'),
    ]) {
      for (const v of [view(raw, lang), view(raw, lang, { by: coordinator, withContact: false })]) {
        for (const r of v.groups.flatMap((g) => g.rows)) {
          for (const text of [r.label, ...r.lines]) {
            expect(text, r.id).not.toMatch(/^(request|answers|work|common)\.[\w.]+$/);
            expect(text.length, r.id).toBeGreaterThan(0);
          }
        }
      }
    }
    const labelsIn = (l: Language) =>
      view(rawSubmission('food'), l)
        .groups.flatMap((g) => g.rows)
        .map((r) => r.label);
    expect(labelsIn('cy')).not.toEqual(labelsIn('en'));
  });
});
