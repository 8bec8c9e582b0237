import { describe, expect, it } from 'vitest';
import { isStopReply, phoneOfSender } from '#domain/messages/sms-replies.ts';

describe('replies to our texts', () => {
  it('takes STOP and STOPIO in any case, with words after, as a stop', () => {
    for (const text of ['STOP', 'stop', ' Stop please', 'STOPIO', 'stopio.']) {
      expect(isStopReply(text), text).toBe(true);
    }
  });

  it('does not take other words that start alike, or STOP later in a message', () => {
    for (const text of ['Stopped by today, thanks', 'please stop', 'Diolch', '']) {
      expect(isStopReply(text), text).toBe(false);
    }
  });

  it('reads Notify’s international form of the sender’s number as the form stores it', () => {
    expect(phoneOfSender('447700900982')).toBe('07700900982');
    expect(phoneOfSender('+44 7700 900982')).toBe('07700900982');
    expect(phoneOfSender('07700900982')).toBe('07700900982');
  });
});
