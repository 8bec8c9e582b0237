import { describe, expect, it } from 'vitest';
import {
  isTimely,
  messageDue,
  personalisationOf,
  templateSetting,
} from '#domain/messages/resident-messages.ts';
import { at, request, testUuid } from '../../../support/factories.ts';

const volunteer = testUuid(7001);

describe('which moment a request’s state tells the resident', () => {
  it('tells a new request it was received, once for the request', () => {
    const doc = request();
    expect(messageDue(doc)).toEqual({ message: 'received', key: 'received', at: doc.created_at });
  });

  it('still owes "received" when first seen triaged or assigned, under the same key', () => {
    expect(messageDue(request({ status: 'triaged' }))?.key).toBe('received');
    expect(messageDue(request({ status: 'assigned', assignee: volunteer }))?.key).toBe('received');
  });

  it('tells "on the way" when the volunteer sets off, keyed by that change', () => {
    const doc = request({ status: 'in_progress', assignee: volunteer });
    expect(messageDue(doc)).toEqual({
      message: 'on_the_way',
      key: `on_the_way:${at(3)}`,
      at: at(3),
    });
  });

  it('tells "done" when the request is done', () => {
    const doc = {
      ...request({ status: 'done', assignee: volunteer }),
      outcome: { kind: 'helped' } as const,
    };
    expect(messageDue(doc)).toMatchObject({ message: 'done', key: `done:${at(3)}` });
  });

  it('tells "we could not reach you" when nobody was home, each visit once', () => {
    const doc = {
      ...request({ status: 'triaged' }),
      outcome: { kind: 'nobody_home' } as const,
    };
    const due = messageDue(doc);
    expect(due?.message).toBe('not_reached');
    const later = {
      ...doc,
      fields_meta: { ...doc.fields_meta, status: { by: volunteer, at: at(90) } },
    };
    expect(messageDue(later)?.key).not.toBe(due?.key);
  });

  it('tells nothing of a task that could not be completed, or of a cancelled request', () => {
    const failed = {
      ...request({ status: 'triaged' }),
      outcome: { kind: 'could_not_complete', reason: 'Shop closed' } as const,
    };
    expect(messageDue(failed)).toBeNull();
    expect(messageDue(request({ status: 'cancelled' }))).toBeNull();
  });
});

describe('when a message is still worth sending', () => {
  const from = (hours: number) => new Date(Date.parse(at(0)) + hours * 3_600_000);
  it('sends "on the way" within hours, not the next day', () => {
    const due = { message: 'on_the_way', at: at(0) } as const;
    expect(isTimely(due, from(5))).toBe(true);
    expect(isTimely(due, from(7))).toBe(false);
  });
  it('sends the others within two days', () => {
    expect(isTimely({ message: 'done', at: at(0) }, from(47))).toBe(true);
    expect(isTimely({ message: 'received', at: at(0) }, from(49))).toBe(false);
  });
});

describe('what goes with a message', () => {
  it('is the reference as a resident reads it, and nothing of the contact', () => {
    const doc = request();
    const sent = personalisationOf(doc);
    expect(Object.keys(sent)).toEqual(['reference']);
    expect(sent.reference.replace(/ /g, '')).toBe(doc.reference);
    expect(sent.reference).toMatch(/^\d{3} \d{3} \d{3}$/);
  });

  it('names one template setting per message and language', () => {
    expect(templateSetting('received', 'cy')).toBe('NOTIFY_TEMPLATE_RECEIVED_CY');
    expect(templateSetting('not_reached', 'en')).toBe('NOTIFY_TEMPLATE_NOT_REACHED_EN');
  });
});
