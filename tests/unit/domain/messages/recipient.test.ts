import { describe, expect, it } from 'vitest';
import { recipientOf } from '#domain/messages/recipient.ts';
import { contactFor, request } from '../../../support/factories.ts';
import type { ContactDoc } from '#domain/requests/contact.ts';

const withContact = (method: string, phone = '07700900982'): ContactDoc => {
  const contact = contactFor(request());
  return { ...contact, contact: { ...contact.contact, contact_method: method as never, phone } };
};

describe('who may be texted', () => {
  it('texts a mobile whose owner chose text messages, or either', () => {
    expect(recipientOf(withContact('text_message'), false)).toEqual({
      channel: 'sms',
      phone: '07700900982',
    });
    expect(recipientOf(withContact('either'), false)).toMatchObject({ channel: 'sms' });
  });

  it('texts nobody who chose phone calls: that is how a resident asks for no messages', () => {
    expect(recipientOf(withContact('phone_call'), false)).toBe('no_consent');
  });

  it('texts no landline', () => {
    expect(recipientOf(withContact('text_message', '02920180000'), false)).toBe('not_mobile');
  });

  it('texts no number that replied STOP', () => {
    expect(recipientOf(withContact('text_message'), true)).toBe('opted_out');
  });
});
