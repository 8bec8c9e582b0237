/**
 * Welsh yes and no echo the question's verb (docs/architecture.md, "Welsh"): "Gawn ni rannu…?" is
 * answered "Cewch" / "Na chewch", "Ydy…?" with "Ydy" / "Nac ydy", "Oes…?" with "Oes" / "Nac oes";
 * a bare "Ie" / "Na" fits only a question that puts a word first ("Ai chi…?", answered "Ie" /
 * "Nage"). On main the resident's consent question was answered "Ie" / "Na" (issue 9). Each
 * yes/no question of both journeys and the staff screens is checked against the table below, and
 * every yes/no step of the resident's journey is found from the steps themselves, so a new
 * question cannot slip back.
 */
import { describe, expect, it } from 'vitest';
import { steps } from '$lib/resident/steps.ts';
import { realLocales } from '../../support/locale-i18n.ts';

/** A question's opening verb, and how its answers begin. */
const answersByVerb: { verb: RegExp; yes: RegExp; no: RegExp }[] = [
  { verb: /^Gawn ni\b/, yes: /^Cewch\b/, no: /^Na chewch\b/ },
  { verb: /^Ydy(?:'r)?\b/, yes: /^Ydy\b/, no: /^Nac ydy\b/ },
  { verb: /^Oes\b/, yes: /^Oes\b/, no: /^Nac oes\b/ },
  { verb: /^Ydych chi\b/, yes: /^Ydw\b/, no: /^Nac ydw\b/ },
  { verb: /^Fyddwch chi\b/, yes: /^Byddaf\b/, no: /^Na fyddaf\b/ },
  { verb: /^Ai\b/, yes: /^Ie\b/, no: /^Nage\b/ },
];

/** Questions that ask for something other than yes or no: their answers are statements. */
const openQuestion = /^(Pwy|Beth|Sut|Pa|Pryd|Ble|Faint|Gyda beth|Ym mha|Erbyn pryd)\b/;

const welsh = realLocales().flat.cy;
const cy = (key: string) => {
  const text = welsh.get(key);
  if (text === undefined) throw new Error(`No Welsh text for ${key}`);
  return text;
};

function expectEcho(question: string, yes: string, no: string) {
  const pair = answersByVerb.find((a) => a.verb.test(question));
  if (pair === undefined) {
    // Not a yes/no question: neither answer may be a bare yes or no.
    expect(question, 'a question the table does not know').toMatch(openQuestion);
    for (const answer of [yes, no]) expect(answer).not.toMatch(/^(Ie|Na|Nage)\b/);
    return;
  }
  expect({ question, yes }).toEqual({ question, yes: expect.stringMatching(pair.yes) });
  expect({ question, no }).toEqual({ question, no: expect.stringMatching(pair.no) });
}

describe('Welsh yes and no', () => {
  it("answers every yes/no step of the resident's journey with the question's own verb", () => {
    const yesNo = steps.flatMap((step) =>
      step.controls.flatMap((c) => (c.type === 'yes-no' ? [{ step, labels: c.labels }] : [])),
    );
    expect(yesNo.map(({ step }) => step.key)).toContain('consent');
    for (const { step, labels } of yesNo) {
      for (const title of ['title', 'title_someone_else']) {
        const key = `request.${step.key}.${title}`;
        if (welsh.has(key)) expectEcho(cy(key), cy(labels.yes), cy(labels.no));
      }
    }
  });

  it.each([
    ['request.prescription_ready.title', 'ready_now', 'ready_later', 'request.prescription_ready'],
    [
      'request.prescription_payment.title',
      'needs_paying',
      'nothing_to_pay',
      'request.prescription_payment',
    ],
  ])('answers %s with its own verb', (question, yes, no, base) => {
    expectEcho(cy(question), cy(`${base}.options.${yes}`), cy(`${base}.options.${no}`));
  });

  it('answers the staff question of consent (recorded by phone too) with its own verb', () => {
    expectEcho(
      cy('work.consent.labels.state'),
      cy('work.consent.state.given'),
      cy('work.consent.state.not_given'),
    );
  });

  it('has no bare "Ie" or "Na" anywhere, which would answer every question alike', () => {
    const bare = [...welsh].filter(([, text]) => /^(Ie|Na)[.,!]?$/.test(text.trim()));
    expect(bare).toEqual([]);
  });

  it('knows a wrong answer when it sees one', () => {
    expect(() => expectEcho('Gawn ni rannu eich manylion?', 'Ie', 'Na')).toThrow();
    expect(() => expectEcho('Oes unrhyw beth i’w dalu?', 'Ydy', 'Nac ydy')).toThrow();
    expect(() => expectEcho('Pwy sydd angen help?', 'Ie', 'Na')).toThrow();
  });
});
