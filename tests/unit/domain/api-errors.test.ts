import { describe, expect, it } from 'vitest';
import { isApiError } from '#domain/api-errors.ts';

describe('isApiError', () => {
  it('recognises the one error shape', () => {
    expect(isApiError({ error: 'rate_limited', reason: 'Too many' })).toBe(true);
    expect(isApiError({ error: 'invalid_request', reason: '', fields: { name: 'required' } })).toBe(
      true,
    );
  });

  it('refuses anything else', () => {
    for (const value of [
      null,
      'rate_limited',
      { error: 'rate_limited' },
      { reason: 'x' },
      { error: 429, reason: 'x' },
      { id: 'a', reference: '482173905', status_token: 't' },
    ]) {
      expect(isApiError(value)).toBe(false);
    }
  });
});
