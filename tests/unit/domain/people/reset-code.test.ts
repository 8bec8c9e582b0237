import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  groupedResetCode,
  isResetCode,
  normaliseResetCode,
  passwordResetSchema,
} from '#domain/people/reset-code.ts';

describe('one-time reset codes', () => {
  it('read back however they were typed', () => {
    expect(normaliseResetCode('abcd-efgh-jk0l')).toBe('ABCDEFGHJK01');
    expect(normaliseResetCode(' ABCD EFGH JKOI ')).toBe('ABCDEFGHJK01');
    expect(groupedResetCode('ABCDEFGHJK01')).toBe('ABCD-EFGH-JK01');
  });

  it('are twelve characters of Crockford base32', () => {
    expect(isResetCode('ABCDEFGHJK01')).toBe(true);
    expect(isResetCode('ABCDEFGHJK0')).toBe(false);
    expect(isResetCode('ABCDEFGHJKU1')).toBe(false);
  });

  it('are refused by the API schema when malformed', () => {
    const ok = { username: 'Aled ', code: 'abcd-efgh-jk01', password: 'x' };
    expect(v.parse(passwordResetSchema, ok)).toMatchObject({
      username: 'aled',
      code: 'ABCDEFGHJK01',
    });
    expect(v.is(passwordResetSchema, { ...ok, code: 'short' })).toBe(false);
  });
});
