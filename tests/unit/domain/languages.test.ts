/** The language of an address (languages.ts `languageOfPath`). */
import { describe, expect, it } from 'vitest';
import { languageOfPath } from '#domain/languages.ts';

describe('languageOfPath', () => {
  it('is the first segment when it names a language', () => {
    expect(languageOfPath('/cy')).toBe('cy');
    expect(languageOfPath('/cy/request/who')).toBe('cy');
    expect(languageOfPath('/en/no/such/page')).toBe('en');
  });

  it('is null for a neutral address, or a segment that only starts like a language', () => {
    expect(languageOfPath('/')).toBeNull();
    expect(languageOfPath('/nothing-here')).toBeNull();
    expect(languageOfPath('/cymraeg/x')).toBeNull();
    expect(languageOfPath('/EN/x')).toBeNull();
  });
});
