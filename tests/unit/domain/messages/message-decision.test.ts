import { describe, expect, it } from 'vitest';
import { messageToSend } from '#domain/messages/message-decision.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';
import type { RequestDoc } from '#domain/requests/request.ts';
import { at, contactFor, request, testUuid } from '../../../support/factories.ts';

const volunteer = testUuid(7002);
const soon = new Date(Date.parse(at(30)));

function texts(doc: RequestDoc, method = 'text_message'): ContactDoc {
  const contact = contactFor(doc);
  return { ...contact, contact: { ...contact.contact, contact_method: method as never } };
}

describe('the message a request owes its resident', () => {
  it('is in the language the resident chose, Welsh or English', () => {
    for (const language of ['cy', 'en'] as const) {
      const doc = { ...request(), language };
      expect(messageToSend(doc, texts(doc), false, soon)).toMatchObject({
        send: true,
        message: 'received',
        language,
        recipient: { channel: 'sms', phone: '07700900982' },
      });
    }
  });

  it('follows the request’s status: on the way, then done', () => {
    const going = request({ status: 'in_progress', assignee: volunteer });
    expect(messageToSend(going, texts(going), false, soon)).toMatchObject({
      message: 'on_the_way',
    });
    const done = {
      ...request({ status: 'done', assignee: volunteer }),
      outcome: { kind: 'helped' } as const,
    };
    expect(messageToSend(done, texts(done), false, soon)).toMatchObject({ message: 'done' });
  });

  it('sends nothing without the resident’s consent to texts, or after STOP', () => {
    const doc = request();
    expect(messageToSend(doc, texts(doc, 'phone_call'), false, soon)).toEqual({
      send: false,
      why: 'no_consent',
    });
    expect(messageToSend(doc, texts(doc), true, soon)).toEqual({ send: false, why: 'opted_out' });
  });

  it('sends nothing about a moment long past', () => {
    const doc = request();
    const days = new Date(Date.parse(at(0)) + 3 * 86_400_000);
    expect(messageToSend(doc, texts(doc), false, days)).toEqual({ send: false, why: 'too_late' });
  });

  it('says when the contact is not there to judge by', () => {
    expect(messageToSend(request(), null, false, soon)).toEqual({ send: false, why: 'no_contact' });
  });
});
